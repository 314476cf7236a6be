/**
 * Hostile file systems: symbolic links out of the repository in services/ and templates/,
 * generated files and folders made read-only, a folder where a file belongs (and the reverse),
 * output paths that are links, and a disk that fills up midway through a write. Each: exit 1, a
 * message naming the path and the fix, and the disk exactly as before (no temporary files, no
 * half-written or changed generated files, nothing outside the project).
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { renderDocument } from '@twinform/spec';
import { DiskProjectSource } from '../../src/disk-source';
import { managedFiles } from '../../src/managed';
import { defaultStages, runPipeline } from '../../src/pipeline';
import { applyPlan, diskFs, planWrites, WriteFailure, type WriterFs } from '../../src/writer';
import {
  changesBetween,
  expectCleanFailure,
  expectNoChanges,
  expectNoLeftovers,
  genInProcess,
  genProcess,
  NOBODY,
  runningAsRoot,
  sandbox,
  type Sandbox,
} from './harness';
import { brokenProject, expectRefusedByEveryCommand, generatedBaseline, PROJECT_FILES, WEB } from './project';

const OUTSIDE_SPEC = 'name: evil\nimage: ghcr.io/evil/evil:1\nports:\n  - name: http\n    port: 80\n';

describe('symbolic links out of the repository in services/', () => {
  it('refuses a service folder that links outside the project', async () => {
    const box = await brokenProject({});
    box.write({ 'outside/evil/service.yaml': OUTSIDE_SPEC }).symlink('../../outside/evil', 'project/services/evil');
    await expectRefusedByEveryCommand(box, { file: 'services/evil', mentions: ['symbolic link', 'outside'] });
  });

  it('refuses a service file that links outside the project', async () => {
    const box = await brokenProject({});
    rmSync(box.path(`project/${WEB}`));
    box.write({ 'outside/web.yaml': PROJECT_FILES[WEB]! }).symlink('../../../outside/web.yaml', `project/${WEB}`);
    await expectRefusedByEveryCommand(box, { file: WEB, mentions: ['symbolic link', 'outside'] });
  });

  it('refuses a config file that links outside the project', async () => {
    const box = await brokenProject({
      [WEB]: `${PROJECT_FILES[WEB]}configs:\n  - name: app\n    file: app.conf\n    mountPath: /etc/app.conf\n`,
    });
    box.symlink('../../../outside/sentinel.txt', 'project/services/web/app.conf');
    await expectRefusedByEveryCommand(box, { file: WEB, line: 14, mentions: ['symbolic link', 'outside'] });
  });

  it('refuses a services/ folder that is itself a link outside the project', async () => {
    const box = await brokenProject({});
    box.write({ 'outside/services/evil/service.yaml': OUTSIDE_SPEC });
    rmSync(box.path('project/services'), { recursive: true });
    box.symlink('../outside/services', 'project/services');
    await expectRefusedByEveryCommand(box, { file: 'services', mentions: ['symbolic link', 'outside'] });
  });
});

describe('symbolic links out of the repository in templates/', () => {
  const TEMPLATE = {
    'template.yaml': 'description: a test template\n',
    'service.yaml.hbs': 'name: {{name}}\nimage: ghcr.io/acme/{{name}}:0.1.0\nports:\n  - name: http\n    port: 8080\n',
  };

  async function expectNewRefused(box: Sandbox, template: string, file: string): Promise<void> {
    const before = box.snapshot();
    const run = await genInProcess(['new', 'service', 'payments', '--template', template], box.path('project'));
    expectCleanFailure(run, { file, mentions: ['symbolic link'] });
    expectNoChanges(box, before);
  }

  it('refuses a template folder that links outside the project', async () => {
    const box = await brokenProject({ 'twinform.yaml': `${PROJECT_FILES['twinform.yaml']}templates: templates\n` });
    box.write(TEMPLATE, 'outside/tpl').write(TEMPLATE, 'project/templates/good');
    box.symlink('../../outside/tpl', 'project/templates/evil');
    await expectNewRefused(box, 'evil', 'templates/evil');
  });

  it('refuses a template file that links outside its template', async () => {
    const box = await brokenProject({ 'twinform.yaml': `${PROJECT_FILES['twinform.yaml']}templates: templates\n` });
    box
      .write(TEMPLATE, 'project/templates/leaky')
      .symlink('../../../outside/sentinel.txt', 'project/templates/leaky/notes.txt');
    await expectNewRefused(box, 'leaky', 'templates/leaky/notes.txt');
  });

  it('refuses a templates folder that is itself a link outside the project', async () => {
    const box = await brokenProject({ 'twinform.yaml': `${PROJECT_FILES['twinform.yaml']}templates: tpl\n` });
    box.write(TEMPLATE, 'outside/all/evil').symlink('../outside/all', 'project/tpl');
    const before = box.snapshot();
    const run = await genInProcess(['new', 'service', 'payments', '--template', 'evil'], box.path('project'));
    expectCleanFailure(run, { code: 'usage-or-input', file: 'twinform.yaml', mentions: ['symbolic link'] });
    expectNoChanges(box, before);
  });
});

describe('output paths that are links or the wrong kind of entry', () => {
  /** The project with one spec change pending, so gen has something to write. */
  async function pendingChange(): Promise<Sandbox> {
    return brokenProject({ [WEB]: PROJECT_FILES[WEB]!.replace('port: 8080', 'port: 8081') });
  }

  async function expectGenRefused(box: Sandbox, file: string, mentions: string[]): Promise<void> {
    const before = box.snapshot();
    const run = await genInProcess([], box.path('project'));
    expectCleanFailure(run, { file, mentions });
    expectNoChanges(box, before);
  }

  it('refuses when the compose file has been replaced by a folder', async () => {
    const box = await pendingChange();
    rmSync(box.path('project/docker-compose.yml'));
    mkdirSync(box.path('project/docker-compose.yml'));
    await expectGenRefused(box, 'docker-compose.yml', ['folder']);
  });

  it('refuses when a generated folder has been replaced by a file', async () => {
    const box = await pendingChange();
    rmSync(box.path('project/k8s/base/web'), { recursive: true });
    writeFileSync(box.path('project/k8s/base/web'), 'not a folder\n');
    await expectGenRefused(box, 'k8s/base/web', ['file']);
  });

  it('refuses to write through a compose file that links outside the project', async () => {
    const box = await pendingChange();
    rmSync(box.path('project/docker-compose.yml'));
    box.symlink('../outside/sentinel.txt', 'project/docker-compose.yml');
    await expectGenRefused(box, 'docker-compose.yml', ['symbolic link']);
  });

  it('refuses to write into a Kubernetes folder that links outside the project', async () => {
    const box = await pendingChange();
    box.write({ 'outside/k8s/keep.txt': 'x\n' });
    rmSync(box.path('project/k8s'), { recursive: true });
    box.symlink('../outside/k8s', 'project/k8s');
    await expectGenRefused(box, 'k8s', ['outside']);
  });
});

/**
 * Root writes anywhere, so permission cases run the built CLI as an unprivileged user when the
 * tests run as root (as in CI containers), and directly otherwise.
 */
async function genAsUser(box: Sandbox, args: string[], cwd: string): Promise<ReturnType<typeof genProcess>> {
  if (runningAsRoot) box.chownTo(NOBODY);
  return genProcess(args, cwd, runningAsRoot ? { uid: NOBODY, timeoutMs: 30_000 } : { timeoutMs: 30_000 });
}

describe('read-only generated files and folders', () => {
  it('refuses to replace a generated file made read-only, and changes nothing', async () => {
    const box = await brokenProject({ [WEB]: PROJECT_FILES[WEB]!.replace('port: 8080', 'port: 8081') });
    chmodSync(box.path('project/docker-compose.yml'), 0o444);
    const before = box.snapshot();
    const run = await genAsUser(box, [], box.path('project'));
    expectCleanFailure(run, { file: 'docker-compose.yml', mentions: ['read-only'] });
    expectNoChanges(box, before);
  });

  it('refuses to write into a read-only folder, and changes nothing', async () => {
    const box = await brokenProject({ [WEB]: PROJECT_FILES[WEB]!.replace('port: 8080', 'port: 8081') });
    chmodSync(box.path('project/k8s/base/web'), 0o555);
    const before = box.snapshot();
    const run = await genAsUser(box, [], box.path('project'));
    expectCleanFailure(run, { file: 'k8s/base/web/deployment.yaml', mentions: ['not writable'] });
    expectNoChanges(box, before);
  });

  it('refuses an import into a read-only output folder, and changes nothing', async () => {
    const box = sandbox().write({
      'in/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n',
      'out/README': 'mine\n',
    });
    chmodSync(box.path('out'), 0o555);
    const before = box.snapshot();
    const run = await genAsUser(box, ['import', 'compose', 'in/compose.yaml', '--out', 'out'], box.root);
    expectCleanFailure(run, { file: 'services/web/service.yaml', mentions: ['not writable'] });
    expectNoChanges(box, before);
  });
});

describe('a disk that fills up in the middle of a write', () => {
  // RLIMIT_FSIZE makes every write past the limit fail with EFBIG, as a full disk fails with ENOSPC:
  // the small files are written, the large one fails halfway. Everything must be rolled back.
  const LIMIT = 2048;
  // Files are written in parallel, so which large file hits the limit first varies: any one is named.
  const WRITE_FAILED = /could not write (docker-compose\.yml|k8s\/\S+\.yaml) \(EFBIG\)/;

  it('gen on a fresh project: exit 1 naming the file, no file and no temporary file left', async () => {
    const box = sandbox().write(
      {
        ...PROJECT_FILES,
        'services/api/service.yaml': `${PROJECT_FILES['services/api/service.yaml']}env:\n${Array.from({ length: 60 }, (_, index) => `  SETTING_${index}: value-${index}\n`).join('')}`,
      },
      'project',
    );
    const before = box.snapshot();
    const run = await genProcess([], box.path('project'), { maxFileBytes: LIMIT });
    expectCleanFailure(run, { file: undefined, mentions: [WRITE_FAILED, 'nothing was changed'] });
    expectNoChanges(box, before);
  });

  it('gen over committed outputs: the previous generated files stay byte-identical', async () => {
    const box = await brokenProject({
      'services/api/service.yaml': `${PROJECT_FILES['services/api/service.yaml']}env:\n${Array.from({ length: 60 }, (_, index) => `  SETTING_${index}: value-${index}\n`).join('')}`,
    });
    const before = box.snapshot();
    const run = await genProcess([], box.path('project'), { maxFileBytes: LIMIT });
    expectCleanFailure(run, { file: undefined, mentions: [WRITE_FAILED, 'nothing was changed'] });
    expectNoChanges(box, before);
    expectNoLeftovers(box);
  });

  it('gen import compose: nothing is written', async () => {
    const environment = Array.from(
      { length: 80 },
      (_, index) => `      SETTING_${index}: value-${index}-${'v'.repeat(24)}\n`,
    ).join('');
    const box = sandbox().write({
      'in/compose.yaml': `services:\n  web:\n    image: nginx:1.27\n    environment:\n${environment}  api:\n    image: ghcr.io/acme/api:1\n`,
    });
    const before = box.snapshot();
    const run = await genProcess(['import', 'compose', 'in/compose.yaml', '--out', 'out'], box.root, {
      maxFileBytes: LIMIT,
    });
    expectCleanFailure(run, { file: undefined, mentions: ['nothing was written'] });
    expect(run.stderr).toMatch(/services\/web\/service\.yaml/);
    // The output folder itself may have been created before the write failed; nothing may be in it.
    expect(changesBetween(before, box.snapshot()).filter((change) => change !== '+ out/')).toEqual([]);
  });

  it('the writer rolls back a write that fails after half its bytes, with the real project files', async () => {
    // The same failure through the writer's injectable file system: the temporary file of the
    // third write gets half its content, then the disk is full.
    const box = await brokenProject({ [WEB]: PROJECT_FILES[WEB]!.replace('port: 8080', 'port: 8081') });
    const root = box.path('project');
    const result = runPipeline(new DiskProjectSource(root), defaultStages());
    const plan = planWrites(
      root,
      [...result.files, renderDocument({ path: 'k8s/base/web/extra.yaml', value: { a: 1 }, sources: [WEB] })],
      {
        force: false,
        managed: managedFiles(new DiskProjectSource(root), result.settings!),
        gitignore: result.gitignore,
      },
    );
    expect(plan.writes.length).toBeGreaterThanOrEqual(3);
    let writes = 0;
    const fullDisk: WriterFs = {
      ...diskFs,
      async writeNewFileDurably(path, content) {
        writes += 1;
        if (writes < 3) return diskFs.writeNewFileDurably(path, content);
        await diskFs.writeNewFileDurably(path, content.slice(0, Math.floor(content.length / 2)));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    const before = box.snapshot();
    await expect(applyPlan(root, plan, fullDisk)).rejects.toThrow(WriteFailure);
    expectNoChanges(box, before);
  });
});

describe('the sandbox itself', () => {
  it('sees a changed byte, a new temporary file and a mode change', async () => {
    // The suite's "nothing changed" checks are only as good as the snapshot: prove it notices.
    const box = sandbox().copyFrom((await generatedBaseline()).path('project'), 'project');
    const before = box.snapshot();
    writeFileSync(box.path('project/.docker-compose.yml.1.0.tmp'), '');
    chmodSync(box.path('project/twinform.yaml'), 0o600);
    writeFileSync(box.path('outside/sentinel.txt'), 'must never chang3\n');
    const after = box.snapshot();
    expect(Object.keys(after).length).toBe(Object.keys(before).length + 1);
    expect(after['project/twinform.yaml']).not.toBe(before['project/twinform.yaml']);
    expect(after['outside/sentinel.txt']).not.toBe(before['outside/sentinel.txt']);
  });
});
