/**
 * `gen --watch` end to end: the built CLI as a child process on a temporary project, edited while
 * it runs. Every wait is bounded; a hung watcher fails the test instead of hanging the suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WatchFilter } from '../src/watch';
import { makeProject, removeProject } from './helpers';

const GEN = join(__dirname, '..', 'bin', 'gen.js');
const WAIT_MS = 30_000;

const PROJECT = {
  'twinform.yaml': 'name: shop\nenvironments:\n  dev:\n    local: true\n  prod: {}\n',
  'services/backend/service.yaml': [
    'name: backend',
    'image: ghcr.io/acme/backend:1.0.0',
    'ports:',
    '  - name: http',
    '    port: 3001',
    '',
  ].join('\n'),
  'services/worker/service.yaml': ['name: worker', 'image: ghcr.io/acme/worker:1.0.0', ''].join('\n'),
};
const BACKEND = 'services/backend/service.yaml';
const WORKER_DEPLOYMENT = 'k8s/base/worker/deployment.yaml';
const RUN_LINE = /^gen: (\d+) written, (\d+) unchanged(?:, \d+ deleted)? in \d+ ms$/gm;

interface Watch {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const roots: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  roots.forEach(removeProject);
});

function startWatch(root: string): Watch {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const child = spawn(process.execPath, [GEN, '--watch'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function waitFor(what: string, condition: () => boolean, watch: Watch): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline || watch.child.exitCode !== null) {
      throw new Error(
        `gave up waiting for ${what} (exit ${watch.child.exitCode})\n--- stdout ---\n${watch.stdout()}\n--- stderr ---\n${watch.stderr()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const runLines = (watch: Watch): string[][] => [...watch.stdout().matchAll(RUN_LINE)].map((match) => [...match]);

async function exitWithin(watch: Watch, milliseconds: number): Promise<{ code: number | null; signal: string | null }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gen --watch did not exit within ${milliseconds} ms`)), milliseconds);
  });
  try {
    return await Promise.race([watch.exit, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function filesUnder(root: string, folder = ''): string[] {
  return readdirSync(join(root, folder)).flatMap((entry) => {
    const path = folder ? `${folder}/${entry}` : entry;
    return statSync(join(root, path)).isDirectory() ? filesUnder(root, path) : [path];
  });
}

describe('gen --watch', () => {
  it('regenerates on spec changes, shows errors without exiting, and exits 0 on SIGTERM', async () => {
    const root = makeProject(PROJECT);
    roots.push(root);
    const watch = startWatch(root);

    await waitFor('the first run', () => runLines(watch).length === 1, watch);
    expect(runLines(watch)[0]![2]).toBe('0'); // nothing was there to be unchanged
    const compose = (): string => readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(compose()).toContain('3001');
    const workerBefore = statSync(join(root, WORKER_DEPLOYMENT));

    // A change of one service rewrites only what depends on it.
    writeFileSync(join(root, BACKEND), PROJECT[BACKEND].replace('3001', '3002'));
    await waitFor('the run after the port change', () => runLines(watch).length === 2, watch);
    const [, written, unchanged] = runLines(watch)[1]!;
    expect(Number(written)).toBeGreaterThan(0);
    expect(Number(unchanged)).toBeGreaterThan(0);
    expect(compose()).toContain('3002');
    const workerAfter = statSync(join(root, WORKER_DEPLOYMENT));
    expect([workerAfter.ino, workerAfter.mtimeMs]).toEqual([workerBefore.ino, workerBefore.mtimeMs]);

    // Broken YAML: the error with its position, nothing written, and the watcher keeps going.
    const before = compose();
    writeFileSync(join(root, BACKEND), `${PROJECT[BACKEND]}env: [unclosed\n`);
    await waitFor('the error report', () => /nothing written \(\d+ errors?\)/.test(watch.stderr()), watch);
    expect(watch.stderr()).toMatch(/services\/backend\/service\.yaml:\d+:\d+: error: /);
    expect(watch.child.exitCode).toBeNull();
    expect(compose()).toBe(before);

    // Fixed again: regenerated (back to 3001), never a partial or temporary file on the way.
    writeFileSync(join(root, BACKEND), PROJECT[BACKEND]);
    await waitFor('the run after the fix', () => runLines(watch).length === 3, watch);
    expect(compose()).toContain('3001');
    expect(filesUnder(root).filter((path) => /\.tmp$|\.restore$/.test(path))).toEqual([]);

    watch.child.kill('SIGTERM');
    expect(await exitWithin(watch, WAIT_MS)).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('exits 0 on SIGINT (Ctrl-C)', async () => {
    const root = makeProject(PROJECT);
    roots.push(root);
    const watch = startWatch(root);
    await waitFor('the first run', () => runLines(watch).length === 1, watch);
    watch.child.kill('SIGINT');
    expect(await exitWithin(watch, WAIT_MS)).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('exits 1 at once when there is no project to watch', async () => {
    const root = makeProject({ 'notes.txt': '' });
    roots.push(root);
    const watch = startWatch(root);
    expect(await exitWithin(watch, WAIT_MS)).toEqual({ code: 1, signal: null });
    expect(watch.stderr()).toMatch(/no twinform\.yaml found/);
  }, 120_000);
});

describe('what gen --watch treats as input', () => {
  it('ignores outputs, node_modules, .git and scratch files, and follows moved outputs', () => {
    const filter = new WatchFilter();
    for (const path of [
      'twinform.yaml',
      'services/api/service.yaml',
      'services/api/config/nginx.conf',
      'k8s-notes.md',
    ]) {
      expect({ path, ignored: filter.isIgnored(path) }).toEqual({ path, ignored: false });
    }
    for (const path of [
      'docker-compose.yml',
      'k8s',
      'k8s/base/api/deployment.yaml',
      '.gitignore',
      'node_modules/twinform/dist/gen.cjs',
      'services/api/node_modules/x/index.js',
      '.git/index',
      'k8s/base/api/.deployment.yaml.123.4.tmp',
      'services/api/.service.yaml.swp',
      'services/api/service.yaml~',
    ]) {
      expect({ path, ignored: filter.isIgnored(path) }).toEqual({ path, ignored: true });
    }
    filter.setOutputs({ composeFile: 'deploy/compose.yaml', kubernetesDir: 'deploy/k8s/' });
    expect(filter.isIgnored('deploy/compose.yaml')).toBe(true);
    expect(filter.isIgnored('deploy/k8s/base/kustomization.yaml')).toBe(true);
    expect(filter.isIgnored('k8s/base/api/deployment.yaml')).toBe(false);
    expect(filter.isIgnored('deploy/README.md')).toBe(false);
  });
});
