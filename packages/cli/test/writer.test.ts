import * as fs from 'node:fs';
import { join } from 'node:path';
import { renderDocument, type RenderedFile } from '@twinform/spec';
import {
  applyPlan,
  diskFs,
  isRefused,
  planWrites,
  WriteFailure,
  withGitignoreEntries,
  type WriterFs,
} from '../src/writer';
import { makeProject, removeProject, snapshot } from './helpers';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

function project(files: Record<string, string>): string {
  const root = makeProject(files);
  roots.push(root);
  return root;
}

const generated = (path: string, value: unknown): RenderedFile =>
  renderDocument({ path, value, sources: ['services/a/service.yaml'] });

const NO_EXTRAS = { force: false, managed: [], gitignore: [] };

/** The real fs, except that the nth call of `operation` fails like a full disk would. */
function failingOn(operation: 'renameSync' | 'writeNewFileDurably' | 'unlinkSync', nth: number): WriterFs {
  let calls = 0;
  return {
    ...diskFs,
    [operation]: (...args: unknown[]) => {
      calls += 1;
      if (calls === nth) {
        const error = Object.assign(new Error(`${operation} failed`), { code: 'ENOSPC' });
        if (operation === 'writeNewFileDurably') return Promise.reject(error);
        throw error;
      }
      return (diskFs[operation] as (...a: unknown[]) => unknown)(...args);
    },
  } as WriterFs;
}

describe('planWrites', () => {
  it('plans new, changed and unchanged files without touching the disk', () => {
    const unchanged = generated('k8s/base/a/service.yaml', { kind: 'Service' });
    const oldCompose = generated('docker-compose.yml', { services: { a: { image: 'a:1' } } });
    const root = project({ [unchanged.path]: unchanged.content, [oldCompose.path]: oldCompose.content });
    const before = snapshot(root);
    const newCompose = generated('docker-compose.yml', { services: { a: { image: 'a:2' } } });
    const deployment = generated('k8s/base/a/deployment.yaml', { kind: 'Deployment' });

    const plan = planWrites(root, [newCompose, deployment, unchanged], NO_EXTRAS);
    expect(isRefused(plan)).toBe(false);
    expect(plan.writes).toEqual([
      {
        path: 'docker-compose.yml',
        content: newCompose.content,
        previous: oldCompose.content,
        previousMode: fs.statSync(join(root, 'docker-compose.yml')).mode & 0o7777,
      },
      { path: 'k8s/base/a/deployment.yaml', content: deployment.content },
    ]);
    expect(plan.unchanged).toEqual(['k8s/base/a/service.yaml']);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses when a file stands where a folder must be created', () => {
    const root = project({ 'k8s/base': 'not a folder' });
    const plan = planWrites(root, [generated('k8s/base/a/deployment.yaml', {})], NO_EXTRAS);
    expect(plan.problems).toEqual([
      expect.objectContaining({
        message: 'cannot write k8s/base/a/deployment.yaml: k8s/base is a file, so the folder cannot be created',
      }),
    ]);
  });

  it('refuses generated paths that leave the project, and targets that are folders or links', () => {
    const root = project({ 'k8s/base/a/deployment.yaml/x': '' });
    fs.symlinkSync('/etc/hostname', join(root, 'docker-compose.yml'));
    const plan = planWrites(
      root,
      [
        generated('../outside.yaml', {}),
        generated('k8s/base/a/deployment.yaml', {}),
        generated('docker-compose.yml', {}),
      ],
      NO_EXTRAS,
    );
    expect(plan.problems.map((issue) => issue.message)).toEqual([
      "cannot write ../outside.yaml: '..' is not allowed: files must stay inside the project folder",
      'cannot write k8s/base/a/deployment.yaml: it is a folder',
      'cannot write docker-compose.yml: it is a symbolic link',
    ]);
  });

  it('refuses to write through a folder that is a symbolic link leading outside the project', () => {
    const outside = project({});
    const root = project({});
    fs.symlinkSync(outside, join(root, 'k8s'));
    const plan = planWrites(root, [generated('k8s/base/a/deployment.yaml', {})], NO_EXTRAS);
    expect(plan.problems[0]?.message).toBe(
      'cannot write k8s/base/a/deployment.yaml: k8s leads outside the project folder (symbolic link)',
    );
  });
});

describe('withGitignoreEntries', () => {
  it('appends only missing entries, keeping the file as it was', () => {
    expect(withGitignoreEntries('', ['.env'])).toBe('.env\n');
    expect(withGitignoreEntries('node_modules', ['.env', 'secrets/'])).toBe('node_modules\n.env\nsecrets/\n');
    expect(withGitignoreEntries('# local\n/.env\nsecrets/\n', ['.env', 'secrets/'])).toBeUndefined();
    expect(withGitignoreEntries('# .env\n', ['.env'])).toBe('# .env\n.env\n');
  });
});

describe('applyPlan', () => {
  function scenario() {
    const oldCompose = generated('docker-compose.yml', { services: { a: { image: 'a:1' } } });
    const stale = generated('k8s/base/old/service.yaml', { kind: 'Service' });
    const root = project({ [oldCompose.path]: oldCompose.content, [stale.path]: stale.content, '.gitignore': 'x\n' });
    const files = [
      generated('docker-compose.yml', { services: { a: { image: 'a:2' } } }),
      generated('k8s/base/a/deployment.yaml', { kind: 'Deployment' }),
      generated('k8s/base/a/service.yaml', { kind: 'Service' }),
    ];
    const plan = planWrites(root, files, { force: false, managed: [stale.path], gitignore: ['.env'] });
    expect(isRefused(plan)).toBe(false);
    return { root, files, plan, before: snapshot(root) };
  }

  it('writes, deletes stale files, and leaves no temporary files behind', async () => {
    const { root, files, plan } = scenario();
    await applyPlan(root, plan);
    const after = snapshot(root);
    expect(Object.keys(after)).toEqual([
      '.gitignore',
      'docker-compose.yml',
      'k8s/base/a/deployment.yaml',
      'k8s/base/a/service.yaml',
    ]);
    for (const file of files) expect(after[file.path]).toBe(file.content);
    expect(after['.gitignore']).toBe('x\n.env\n');
    expect(fs.existsSync(join(root, 'k8s/base/old'))).toBe(false);
    expect(fs.existsSync(join(root, 'k8s/base'))).toBe(true);
  });

  it.each([
    ['writing a temporary file', failingOn('writeNewFileDurably', 3)],
    ['renaming the second file into place', failingOn('renameSync', 2)],
    ['renaming the last file into place', failingOn('renameSync', 4)],
    ['deleting a stale file', failingOn('unlinkSync', 1)],
  ])('restores every file and removes new folders when %s fails', async (_step, failingFs) => {
    const { root, plan, before } = scenario();
    await expect(applyPlan(root, plan, failingFs)).rejects.toThrow(WriteFailure);
    expect(snapshot(root)).toEqual(before);
    expect(fs.existsSync(join(root, 'k8s/base/a'))).toBe(false);
  });

  it('names the step that failed', async () => {
    const { root, plan } = scenario();
    await expect(applyPlan(root, plan, failingOn('renameSync', 2))).rejects.toThrow(
      'could not replace k8s/base/a/deployment.yaml (ENOSPC)',
    );
    await expect(applyPlan(root, plan, failingOn('writeNewFileDurably', 1))).rejects.toThrow(
      'could not write docker-compose.yml (ENOSPC)',
    );
  });
});

describe('files made read-only', () => {
  const oldCompose = generated('docker-compose.yml', { services: { a: { image: 'a:1' } } });
  const newCompose = generated('docker-compose.yml', { services: { a: { image: 'a:2' } } });
  const stale = generated('k8s/base/old/service.yaml', { kind: 'Service' });

  function readOnlyProject(): string {
    const root = project({ [oldCompose.path]: oldCompose.content, [stale.path]: stale.content });
    fs.chmodSync(join(root, oldCompose.path), 0o444);
    fs.chmodSync(join(root, stale.path), 0o440);
    return root;
  }

  it('are neither replaced nor deleted without --force, and the refusal says how to proceed', () => {
    const root = readOnlyProject();
    const plan = planWrites(root, [newCompose], { force: false, managed: [stale.path], gitignore: [] });
    expect(isRefused(plan)).toBe(true);
    expect(plan.problems).toEqual([
      expect.objectContaining({
        file: 'docker-compose.yml',
        message: 'cannot write docker-compose.yml: the file is read-only',
        hint: expect.stringMatching(/chmod u\+w docker-compose\.yml.*gen --force/),
      }),
      expect.objectContaining({
        file: stale.path,
        message: `cannot delete ${stale.path} (the spec no longer produces it): the file is read-only`,
      }),
    ]);
  });

  it('are replaced with --force and keep their mode; a failed run restores content and mode', async () => {
    const root = readOnlyProject();
    const force = { force: true, managed: [stale.path], gitignore: [] };
    const before = snapshot(root);
    await expect(applyPlan(root, planWrites(root, [newCompose], force), failingOn('unlinkSync', 1))).rejects.toThrow(
      WriteFailure,
    );
    expect(snapshot(root)).toEqual(before);
    expect(fs.statSync(join(root, oldCompose.path)).mode & 0o777).toBe(0o444);

    await applyPlan(root, planWrites(root, [newCompose], force));
    expect(fs.readFileSync(join(root, newCompose.path), 'utf8')).toBe(newCompose.content);
    expect(fs.statSync(join(root, newCompose.path)).mode & 0o777).toBe(0o444);
    expect(fs.existsSync(join(root, stale.path))).toBe(false);
  });

  it('keeps the mode of every file it replaces', async () => {
    const root = project({ [oldCompose.path]: oldCompose.content });
    fs.chmodSync(join(root, oldCompose.path), 0o640);
    await applyPlan(root, planWrites(root, [newCompose], NO_EXTRAS));
    expect(fs.statSync(join(root, newCompose.path)).mode & 0o777).toBe(0o640);
  });
});
