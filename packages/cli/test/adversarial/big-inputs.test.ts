/**
 * Inputs that attack time and memory: 50 MB files, very deep nesting and alias bombs, through the
 * real CLI process with a hard time limit (an in-process hang would stall the test runner, and a
 * native stack overflow would kill it). The files are generated here, in a temporary folder.
 */
import {
  aliasBomb,
  deepFlowList,
  expectCleanFailure,
  expectNoChanges,
  genProcess,
  repeated,
  sandbox,
  type Sandbox,
} from './harness';
import { PROJECT_FILES, WEB } from './project';

const FIFTY_MB = 50 * 1024 * 1024;
/** Generous for a refusal on a busy machine; a hang is killed here instead of stalling the suite. */
const TIME_LIMIT_MS = 20_000;

async function expectRefusedInTime(
  box: Sandbox,
  args: string[],
  cwd: string,
  file: string,
  mentions: string[],
): Promise<void> {
  const before = box.snapshot();
  const run = await genProcess(args, cwd, { timeoutMs: TIME_LIMIT_MS });
  expectCleanFailure(run, { file, mentions });
  expectNoChanges(box, before);
}

describe('50 MB files', () => {
  it('a 50 MB service.yaml: gen validate and gen refuse it as too large', async () => {
    const box = sandbox().write(
      {
        ...PROJECT_FILES,
        [WEB]: repeated(FIFTY_MB, PROJECT_FILES[WEB]!, (index) => `x-padding-${index}: ${'p'.repeat(200)}\n`),
      },
      'project',
    );
    await expectRefusedInTime(box, ['validate'], box.path('project'), WEB, ['too large']);
    await expectRefusedInTime(box, [], box.path('project'), WEB, ['too large']);
  });

  it('a 50 MB twinform.yaml: gen refuses it as too large', async () => {
    const box = sandbox().write(
      {
        ...PROJECT_FILES,
        'twinform.yaml': repeated(
          FIFTY_MB,
          PROJECT_FILES['twinform.yaml']!,
          (index) => `# comment ${index} ${'c'.repeat(200)}\n`,
        ),
      },
      'project',
    );
    await expectRefusedInTime(box, [], box.path('project'), 'twinform.yaml', ['too large']);
  });

  it('a 50 MB compose file of 200,000 services: gen import compose refuses it as too large', async () => {
    const box = sandbox().write({
      'in/compose.yaml': repeated(
        FIFTY_MB,
        'services:\n',
        (index) => `  svc${index}:\n    image: nginx:1.27\n    environment:\n      A: "${'x'.repeat(200)}"\n`,
      ),
    });
    await expectRefusedInTime(
      box,
      ['import', 'compose', 'in/compose.yaml', '--out', 'out'],
      box.root,
      'in/compose.yaml',
      ['too large'],
    );
  });

  it('a 50 MB manifest stream of 25,000 objects: gen import k8s refuses it as too large', async () => {
    const box = sandbox().write({
      'in/all.yaml': repeated(
        FIFTY_MB,
        '',
        (index) =>
          `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${index}\ndata:\n  value: "${'x'.repeat(2000)}"\n`,
      ),
    });
    await expectRefusedInTime(box, ['import', 'k8s', 'in', '--out', 'out'], box.root, 'in/all.yaml', ['too large']);
  });
});

describe('nesting and alias bombs through the real process', () => {
  it('gen validate: 100,000 nested lists', async () => {
    const box = sandbox().write(
      { ...PROJECT_FILES, [WEB]: `${PROJECT_FILES[WEB]}labels: ${deepFlowList(100_000)}\n` },
      'project',
    );
    await expectRefusedInTime(box, ['validate'], box.path('project'), WEB, ['nest']);
  });

  it('gen import compose: 100,000 nested lists in an x- extension', async () => {
    const box = sandbox().write({
      'in/compose.yaml': `services:\n  web:\n    image: nginx:1.27\nx-deep: ${deepFlowList(100_000)}\n`,
    });
    await expectRefusedInTime(
      box,
      ['import', 'compose', 'in/compose.yaml', '--out', 'out'],
      box.root,
      'in/compose.yaml',
      ['nest'],
    );
  });

  it('gen import compose: an alias bomb merged into a service', async () => {
    const box = sandbox().write({
      'in/compose.yaml': `${aliasBomb()}services:\n  web:\n    image: nginx:1.27\n    command: *i\n`,
    });
    await expectRefusedInTime(
      box,
      ['import', 'compose', 'in/compose.yaml', '--out', 'out'],
      box.root,
      'in/compose.yaml',
      ['alias'],
    );
  });

  it('gen import k8s: an alias bomb in a Deployment', async () => {
    const box = sandbox().write({
      'in/app.yaml': `${aliasBomb()}apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          args: *i\n`,
    });
    await expectRefusedInTime(box, ['import', 'k8s', 'in', '--out', 'out'], box.root, 'in/app.yaml', ['alias']);
  });
});
