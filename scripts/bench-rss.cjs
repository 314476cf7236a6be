// Preloaded into benchmarked node processes (NODE_OPTIONS=--require): records the peak RSS on exit,
// so the harness needs no external `time` binary.
const { writeFileSync } = require('node:fs');

const target = process.env.TWINFORM_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      writeFileSync(target, String(process.resourceUsage().maxRSS));
    } catch {
      // The benchmark then reports no RSS for this run; timing is unaffected.
    }
  });
}
