#!/usr/bin/env node
// `npm run bench`: builds synthetic projects, times whole `gen` processes against baselines measured
// in the same run, and writes docs/benchmarks.md. No timing assertion lives in `npm test`.
//
// Usage: node scripts/bench.mjs [--sizes 10,100,1000,10000] [--runs 5] [--out docs/benchmarks.md]
//        node scripts/bench.mjs --setup-only [--sizes ...]   (only writes bench-work/project-N, for profiling)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const genBin = join(repoRoot, 'packages/cli/bin/gen.js');
const rssProbe = join(repoRoot, 'scripts/bench-rss.cjs');
const workRoot = join(repoRoot, 'bench-work');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const sizes = option('sizes', '10,100,1000,10000').split(',').map(Number);
const runs = Math.max(5, Number(option('runs', '5')));
const outFile = join(repoRoot, option('out', 'docs/benchmarks.md'));
const KUSTOMIZE_LIMIT_MS = 300_000;

/**
 * CPU time (user + sys, ms) of the children this process has waited for, from /proc/self/stat
 * (cutime + cstime, in clock ticks of 10 ms); undefined where /proc does not exist. On a shared
 * machine wall time measures the neighbours too, CPU time mostly does not.
 */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5) (cutime, cstime); the slice starts at field 3.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs a command `runs` times after one warm-up; returns wall times (ms), median CPU time (ms) and
 * the peak RSS (MiB). With `optional`, a failure or a time-out becomes a row with a note instead of
 * ending the benchmark.
 */
function measure(
  label,
  command,
  commandArgs,
  { cwd, expectExit = 0, before, times: count = runs, warmUp = true, timeoutMs, optional = false } = {},
) {
  const times = [];
  const cpuTimes = [];
  let peakRssKb = 0;
  for (let index = warmUp ? 0 : 1; index <= count; index += 1) {
    before?.();
    const rssFile = join(workRoot, `rss-${process.pid}.txt`);
    rmSync(rssFile, { force: true });
    const env = { ...process.env, NO_COLOR: '1', TWINFORM_RSS_FILE: rssFile };
    if (command === process.execPath) env.NODE_OPTIONS = `--require ${rssProbe}`;
    const cpuBefore = childrenCpuMs();
    const start = process.hrtime.bigint();
    const result = spawnSync(command, commandArgs, {
      cwd,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      timeout: timeoutMs,
    });
    const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
    const cpuAfter = childrenCpuMs();
    if (result.status !== expectExit) {
      const why =
        result.error?.code === 'ETIMEDOUT'
          ? `stopped after ${fmt(timeoutMs)}`
          : `exit ${result.status} (expected ${expectExit})`;
      if (optional) return { label, note: why };
      throw new Error(
        `${label}: ${why}\n${(result.stderr || '').slice(0, 2000)}${(result.stdout || '').slice(0, 2000)}`,
      );
    }
    if (existsSync(rssFile)) peakRssKb = Math.max(peakRssKb, Number(readFileSync(rssFile, 'utf8')));
    if (index > 0) {
      // index 0 is the warm-up
      times.push(elapsedMs);
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpuTimes.push(cpuAfter - cpuBefore);
    }
  }
  times.sort((a, b) => a - b);
  return {
    label: count === runs ? label : `${label}, ${count} run${count === 1 ? '' : 's'}`,
    median: median(times),
    min: times[0],
    max: times[times.length - 1],
    cpu: cpuTimes.length > 0 ? median(cpuTimes) : undefined,
    rssMiB: peakRssKb / 1024,
  };
}

/** A realistic mix: web services with ingress, internal APIs, workers, stateful stores, secrets, two environments. */
function writeSyntheticProject(dir, count) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'services'), { recursive: true });
  writeFileSync(
    join(dir, 'twinform.yaml'),
    [
      `name: bench${count}`,
      'namespace: bench',
      'environments:',
      '  dev:',
      '    local: true',
      '  prod: {}',
      'kubernetes:',
      '  ingressClassName: nginx',
      '',
    ].join('\n'),
  );
  for (let index = 0; index < count; index += 1) {
    const name = `svc-${String(index).padStart(5, '0')}`;
    const role = index % 10;
    const lines = [`name: ${name}`];
    if (role === 9) {
      lines.push(
        'workload: stateful',
        'image: postgres:16.4-alpine',
        'user:',
        '  uid: 70',
        'ports:',
        '  - name: postgres',
        '    port: 5432',
        'env:',
        '  PGDATA: /var/lib/postgresql/data/pgdata',
        '  POSTGRES_PASSWORD:',
        '    secret: db-password',
        'volumes:',
        '  - name: data',
        '    mountPath: /var/lib/postgresql/data',
        '    size: 10Gi',
        'health:',
        '  readiness:',
        '    exec:',
        '      command: [pg_isready, -U, postgres]',
      );
    } else if (role === 8) {
      lines.push(
        `image: ghcr.io/bench/worker-${index}:1.0.${index}`,
        'env:',
        `  QUEUE: jobs-${index}`,
        'health:',
        '  liveness:',
        '    exec:',
        '      command: [test, -f, /tmp/alive]',
      );
    } else {
      const port = 3000 + (index % 1000);
      lines.push(`image: ghcr.io/bench/${name}:1.${index}.0`, 'ports:', '  - name: http', `    port: ${port}`);
      if (role === 0) {
        lines.push('    expose: ingress', '    ingress:', `      - host: app${index}.bench.example`, '        path: /');
      }
      lines.push(
        'env:',
        '  LOG_LEVEL: info',
        `  SERVICE_INDEX: "${index}"`,
        'health:',
        '  readiness:',
        '    http:',
        '      path: /readyz',
        '      port: http',
        '  liveness:',
        '    tcp:',
        '      port: http',
        'resources:',
        '  requests:',
        '    cpu: 100m',
        '    memory: 128Mi',
        '  limits:',
        '    memory: 256Mi',
      );
      const storeIndex = index - (index % 10) + 9;
      if (role === 1 && storeIndex < count) {
        lines.push('dependsOn:', `  - service: svc-${String(storeIndex).padStart(5, '0')}`, '    condition: healthy');
      }
      if (role === 2)
        lines.push('volumes:', '  - name: cache', '    mountPath: /cache', '    type: tmpfs', '    size: 64Mi');
    }
    lines.push('environments:', '  prod:', '    replicas: 2', '');
    mkdirSync(join(dir, 'services', name), { recursive: true });
    writeFileSync(join(dir, 'services', name, 'service.yaml'), lines.join('\n'));
  }
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const row = (m) =>
  m.median === undefined
    ? `| ${m.label}${m.note ? `: ${m.note}` : ''} | – | – | – | – | – |`
    : `| ${m.label} | ${fmt(m.median)} | ${fmt(m.min)} | ${fmt(m.max)} | ${m.cpu === undefined ? '–' : fmt(m.cpu)} | ${m.rssMiB ? m.rssMiB.toFixed(0) : '–'} |`;

function main() {
  if (!existsSync(genBin)) throw new Error(`${genBin} is missing: run npm install first`);
  mkdirSync(workRoot, { recursive: true });
  // What is measured is what users run: the bundle (rebuilt here from the current sources, so a
  // stale one is never timed), or dist/main.js where esbuild is not installed.
  const built = spawnSync(process.execPath, [join(repoRoot, 'scripts/build-cli.mjs'), '--quiet'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`node scripts/build-cli.mjs failed:\n${built.stderr}`);
  const measured = existsSync(join(repoRoot, 'packages/cli/dist/gen.cjs'))
    ? 'the bundle `packages/cli/dist/gen.cjs` (as published)'
    : '`packages/cli/dist/main.js` (esbuild is not installed, so no bundle was built)';
  if (args.includes('--setup-only')) {
    for (const size of sizes) writeSyntheticProject(join(workRoot, `project-${size}`), size);
    return;
  }
  const loadAtStart = loadavg()[0];
  const node = process.execPath;
  const results = [];
  const budget = [];

  const nodeFloor = measure('`node -e 0` (baseline)', node, ['-e', '0']);
  const version = measure('`gen --version`', node, [genBin, '--version']);
  results.push({ size: '-', rows: [nodeFloor, version] });
  budget.push([
    '`gen --version` ≤ 2 × `node -e 0`',
    `${fmt(version.median)} vs ${fmt(nodeFloor.median)} (${(version.median / nodeFloor.median).toFixed(2)}×)`,
    version.median <= 2 * nodeFloor.median,
  ]);

  const govapp = join(workRoot, 'govapp');
  rmSync(govapp, { recursive: true, force: true });
  cpSync(join(repoRoot, 'examples/govapp'), govapp, { recursive: true });
  // Generated here rather than trusting the committed outputs: this measures a clean `gen check`,
  // whether or not the example's committed files are current (scripts/check-examples.sh checks that).
  const prepared = spawnSync(node, [genBin, '--quiet', '--force'], { cwd: govapp, encoding: 'utf8' });
  if (prepared.status !== 0) throw new Error(`gen in a copy of examples/govapp failed:\n${prepared.stderr}`);
  const govappCheck = measure('`gen check` on examples/govapp', node, [genBin, 'check'], { cwd: govapp });
  results[0].rows.push(govappCheck);
  budget.push([
    '`gen check` on examples/govapp ≤ 4 × `node -e 0`',
    `${fmt(govappCheck.median)} (${(govappCheck.median / nodeFloor.median).toFixed(2)}×)`,
    govappCheck.median <= 4 * nodeFloor.median,
  ]);

  // `gen import` may be missing from a build in progress; the other measurements still stand.
  const help = spawnSync(node, [genBin, '--help'], { encoding: 'utf8' });
  const hasImport = /^\s+gen import\b/m.test(help.stdout ?? '');
  const perSize = new Map();
  for (const size of sizes) {
    const dir = join(workRoot, `project-${size}`);
    writeSyntheticProject(dir, size);
    process.stderr.write(`bench: ${size} services\n`);
    const rows = [];
    rows.push(measure(`\`gen validate\``, node, [genBin, 'validate', '--quiet'], { cwd: dir }));
    const generate = measure(`\`gen\``, node, [genBin, '--quiet', '--force'], { cwd: dir });
    rows.push(generate);
    const check = measure(`\`gen check\` (clean)`, node, [genBin, 'check', '--quiet'], { cwd: dir });
    rows.push(check);
    const composeFile = join(dir, 'docker-compose.yml');
    const pristine = readFileSync(composeFile, 'utf8');
    const drifted = pristine.replace('LOG_LEVEL: info', 'LOG_LEVEL: debug');
    rows.push(
      measure(`\`gen check\` (one drifted file)`, node, [genBin, 'check', '--quiet'], {
        cwd: dir,
        expectExit: 1,
        before: () => writeFileSync(composeFile, drifted),
      }),
    );
    writeFileSync(composeFile, pristine);
    const importOut = join(workRoot, `import-${size}`);
    if (hasImport) {
      rows.push(
        measure(
          `\`gen import compose\` of the generated compose`,
          node,
          [genBin, 'import', 'compose', composeFile, '--out', importOut, '--force', '--quiet'],
          {
            cwd: dir,
            before: () => rmSync(importOut, { recursive: true, force: true }),
            optional: true,
          },
        ),
      );
    } else {
      rows.push({ label: '`gen import compose`', note: 'not in this build of `gen` (skipped)' });
    }
    let kustomize;
    if (hasCommand('kubectl')) {
      // kustomize grows faster than linearly (about 15 s of CPU at 1,000 services on a 2-core
      // machine); above 1,000 one timed run, without warm-up, says enough.
      const large = size > 1000;
      kustomize = measure('`kubectl kustomize k8s/base` (baseline)', 'kubectl', ['kustomize', 'k8s/base'], {
        cwd: dir,
        ...(large ? { times: 1, warmUp: false, timeoutMs: KUSTOMIZE_LIMIT_MS, optional: true } : {}),
      });
      rows.push(kustomize);
    }
    if (hasCommand('docker-compose')) {
      rows.push(
        measure('`docker-compose config -q` (baseline)', 'docker-compose', ['-f', composeFile, 'config', '-q'], {
          cwd: dir,
          optional: true,
        }),
      );
    }
    results.push({ size, rows });
    perSize.set(size, {
      generate,
      check,
      kustomize,
      rss: Math.max(...rows.filter((r) => r.label.startsWith('`gen') && r.rssMiB !== undefined).map((r) => r.rssMiB)),
    });
  }

  const thousand = perSize.get(1000);
  if (thousand) {
    budget.push(['1,000 services: `gen` ≤ 2 s', fmt(thousand.generate.median), thousand.generate.median <= 2000]);
    budget.push(['1,000 services: `gen check` ≤ 2 s', fmt(thousand.check.median), thousand.check.median <= 2000]);
    if (thousand.kustomize) {
      budget.push([
        '1,000 services: `gen` and `gen check` faster than `kubectl kustomize k8s/base`',
        `${fmt(thousand.generate.median)} / ${fmt(thousand.check.median)} vs ${fmt(thousand.kustomize.median)}`,
        thousand.generate.median < thousand.kustomize.median && thousand.check.median < thousand.kustomize.median,
      ]);
    }
  }
  const tenThousand = perSize.get(10000);
  if (thousand && tenThousand) {
    const ratio = tenThousand.generate.median / thousand.generate.median;
    const checkRatio = tenThousand.check.median / thousand.check.median;
    budget.push([
      '10,000 services ≤ 12 × the 1,000-service time (`gen`, `gen check`)',
      `${ratio.toFixed(1)}× / ${checkRatio.toFixed(1)}×`,
      ratio <= 12 && checkRatio <= 12,
    ]);
    budget.push(['10,000 services: peak RSS ≤ 1 GiB', `${tenThousand.rss.toFixed(0)} MiB`, tenThousand.rss <= 1024]);
  }

  const loadAtEnd = loadavg()[0];
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.mjs). Whole processes, wall time: median of ' +
      `${runs} runs after one warm-up, with min and max. CPU is the median user + sys time of the ` +
      'process (10 ms resolution), which neighbours on a shared machine disturb far less than wall time. ' +
      'Peak RSS is the largest `maxRSS` of the runs. The budget is judged on wall time.',
    '',
    `\`gen\` is \`packages/cli/bin/gen.js\` running ${measured}. \`gen\` is timed with its outputs already ` +
      'current (the usual case: it compares every file and writes none); synthetic projects are written by the ' +
      'script (a mix of ingress services, internal APIs, workers and stateful stores, with env, probes, ' +
      'resources, volumes, secrets, dependencies and a `prod` environment).',
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, node ${process.version}, ${process.platform}/${process.arch}; ` +
      `load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end.`,
    '',
    '## Budget',
    '',
    '| budget | measured | holds |',
    '| --- | --- | --- |',
    ...budget.map(([name, measured, holds]) => `| ${name} | ${measured} | ${holds ? 'yes' : '**no**'} |`),
    '',
    '## Measurements',
    '',
  ];
  for (const { size, rows } of results) {
    lines.push(size === '-' ? '### Start-up' : `### ${size.toLocaleString('en-US')} services`, '');
    lines.push(
      '| command | median | min | max | CPU | peak RSS (MiB) |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows.map(row),
      '',
    );
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\n`);
  const failed = budget.filter(([, , holds]) => !holds);
  if (failed.length > 0) {
    process.stderr.write(`bench: ${failed.length} budget line(s) do not hold\n`);
    process.exitCode = 1;
  }
}

main();
