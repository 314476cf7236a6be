/**
 * Hostile command lines: unknown commands and flags, missing values, paths with NUL bytes or that
 * are files, service names that are paths. Usage errors exit 2, bad input exits 1; nothing is
 * written and --json stays one parseable object.
 */
import { expectCleanFailure, expectNoChanges, genInProcess } from './harness';
import { brokenProject } from './project';

const USAGE: string[][] = [
  ['frobnicate'],
  ['--frobnicate'],
  ['check', '--root'],
  ['import'],
  ['import', 'helm', 'chart/'],
  ['import', 'compose'],
  ['import', 'k8s', 'in', '--out'],
  ['new', 'service'],
];

describe.each(USAGE)('gen %s', (...args) => {
  it('is a usage error: exit 2, what is wrong and where to look, nothing written', async () => {
    const box = await brokenProject({});
    const before = box.snapshot();
    const run = await genInProcess(args, box.path('project'));
    expectCleanFailure(run, { code: 2, file: undefined });
    expect(run.stderr).toMatch(/^gen: /);
    expectNoChanges(box, before);
  });
});

const BAD_INPUT: Array<{ args: string[]; shows: string; mentions: string[] }> = [
  { args: ['--root', 'no\0such'], shows: '--root', mentions: ['no such folder'] },
  { args: ['validate', '--root', '/nonexistent/twinform'], shows: '--root', mentions: ['no such folder'] },
  { args: ['check', '--root', 'twinform.yaml'], shows: '--root', mentions: ['folder'] },
  { args: ['--root', `${'x'.repeat(5000)}`], shows: '--root', mentions: ['no such folder'] },
];

describe.each(BAD_INPUT)('gen $args.0 with a hostile --root', ({ args, shows, mentions }) => {
  it('exits 1 naming the option, nothing written', async () => {
    const box = await brokenProject({});
    const before = box.snapshot();
    const run = await genInProcess(args, box.path('project'));
    expectCleanFailure(run, { file: shows, mentions, maxLines: 4 });
    expectNoChanges(box, before);
  });
});

const SERVICE_NAMES = ['../evil', '/etc/cron.d/evil', 'a\0b', 'Upper_Case', '..', `s${'x'.repeat(80)}`, ''];

describe.each(SERVICE_NAMES.map((name) => [JSON.stringify(name), name]))('gen new service %s', (_shown, name) => {
  it('is refused before anything is written', async () => {
    const box = await brokenProject({});
    const before = box.snapshot();
    const run = await genInProcess(['new', 'service', name, '--template', 'node-http'], box.path('project'));
    expectCleanFailure(run, { code: 'usage-or-input', file: undefined, mentions: ['name'] });
    expectNoChanges(box, before);
  });
});

describe('--json on invalid input', () => {
  it('prints one JSON object with the issues and no stack', async () => {
    const box = await brokenProject({ 'services/web/service.yaml': 'name: web\nimage: [\n' });
    for (const command of [[], ['validate'], ['check']]) {
      const run = await genInProcess([...command, '--json'], box.path('project'));
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { issues: Array<{ severity: string; file?: string; line?: number }> };
      expect(report.issues).toContainEqual(
        expect.objectContaining({ severity: 'error', file: 'services/web/service.yaml', line: expect.any(Number) }),
      );
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });
});
