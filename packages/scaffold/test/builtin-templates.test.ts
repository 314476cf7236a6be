/**
 * The built-in templates, rendered and run for real: each service is started on a free port, its
 * health endpoints (the ones its own service.yaml names in the probes) must answer, and SIGTERM
 * must end it with exit code 0 within 5 seconds. The templates' own test suites run as well.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import {
  listTemplates,
  renderTemplate,
  templateVariables,
  type ScaffoldInput,
  type ServiceTemplate,
  type TemplateFolder,
} from '../src';

const TEMPLATES_DIR = join(__dirname, '..', '..', '..', 'templates', 'services');
const BUILT_IN = ['cronjob', 'go-http', 'node-http', 'node-worker', 'python-http'];

function readFolder(folder: string, prefix = ''): TemplateFolder['files'] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    const relativePath = prefix === '' ? entry : `${prefix}/${entry}`;
    if (statSync(path).isDirectory()) return readFolder(path, relativePath);
    return [{ path: relativePath, content: readFileSync(path, 'utf8') }];
  });
}

function builtInTemplates(): ServiceTemplate[] {
  const folders = readdirSync(TEMPLATES_DIR)
    .filter((name) => statSync(join(TEMPLATES_DIR, name)).isDirectory())
    .map((name) => ({ name, files: readFolder(join(TEMPLATES_DIR, name)) }));
  const list = listTemplates([{ label: 'templates/services', templates: folders }]);
  expect(list.issues).toEqual([]);
  return list.templates;
}

/** The parts of a rendered service.yaml these tests read. */
interface RenderedSpec {
  user?: { uid: number; gid: number };
  ports?: unknown[];
  env?: Record<string, string>;
  health?: { compose?: string[] } & Partial<Record<ProbeKind, { http?: { path?: string } }>>;
  [key: string]: unknown;
}

type ProbeKind = 'liveness' | 'readiness' | 'startup';

const BASE_INPUT: ScaffoldInput = {
  name: 'payments',
  projectName: 'govapp',
  owner: 'the govapp team',
  schemaPath: '../../schemas/service.schema.json',
};

const workDirs: string[] = [];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

/** Renders a template into a fresh temporary folder and returns the folder and the parsed service.yaml. */
function renderInto(templateName: string, change: Partial<ScaffoldInput> = {}): { dir: string; spec: RenderedSpec } {
  const template = builtInTemplates().find((candidate) => candidate.name === templateName)!;
  const { variables, issues } = templateVariables(template, { ...BASE_INPUT, ...change });
  expect(issues).toEqual([]);
  const rendered = renderTemplate(template, variables!);
  expect(rendered.issues).toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), `twinform-${templateName}-`));
  workDirs.push(dir);
  for (const file of rendered.files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
    if (file.mode !== undefined) chmodSync(join(dir, file.path), file.mode);
  }
  return { dir, spec: parse(readFileSync(join(dir, 'service.yaml'), 'utf8')) as RenderedSpec };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function get(port: number, path: string): Promise<number | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

async function waitFor(port: number, path: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited early with ${child.exitCode}:\n${output()}`);
    if ((await get(port, path)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`GET ${path} never answered 200:\n${output()}`);
}

function start(
  command: string,
  args: string[],
  dir: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text };
}

/** Sends SIGTERM and resolves with the exit code, or rejects when the process is still running after `ms`. */
function terminate(
  child: ChildProcess,
  ms = 5000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; elapsed: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setTimeout(() => reject(new Error(`still running ${ms} ms after SIGTERM`)), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, elapsed: Date.now() - started });
    });
    child.kill('SIGTERM');
  });
}

/** The HTTP paths the service.yaml probes call, which the running code must serve. */
function probePaths(spec: RenderedSpec): string[] {
  return (['liveness', 'readiness', 'startup'] as const)
    .map((kind) => spec.health?.[kind]?.http?.path)
    .filter((path): path is string => path !== undefined);
}

const pythonAvailable = spawnSync('python3', ['--version']).status === 0;
const goAvailable = spawnSync('go', ['version']).status === 0;

describe('every built-in template', () => {
  it('is present and renders a service.yaml with the yaml-language-server line, the image and the name', () => {
    expect(builtInTemplates().map((template) => template.name)).toEqual(BUILT_IN);
    for (const name of BUILT_IN) {
      const { dir, spec } = renderInto(name);
      const text = readFileSync(join(dir, 'service.yaml'), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/service.schema.json');
      expect(spec).toMatchObject({ name: 'payments', image: 'govapp/payments:0.1.0', build: { context: '.' } });
      for (const file of ['Dockerfile', '.dockerignore', 'README.md']) expect(existsSync(join(dir, file))).toBe(true);
      const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
      expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(2);
      const user = /^USER (\d+):(\d+)$/m.exec(dockerfile);
      expect(user).not.toBeNull();
      expect(Number(user![1])).toBeGreaterThan(0);
      // Kubernetes can only enforce runAsNonRoot when the spec names the same numeric user.
      expect(spec.user).toEqual({ uid: Number(user![1]), gid: Number(user![2]) });
    }
  });

  it.each(['node-http', 'python-http', 'go-http'])(
    '%s: exposes its port by Ingress on --path, internal otherwise',
    (name) => {
      const internal = renderInto(name).spec;
      expect(internal.ports).toEqual([expect.objectContaining({ name: 'http', expose: 'internal' })]);
      const routed = renderInto(name, { path: '/payments', port: 9090 }).spec;
      expect(routed.ports).toEqual([{ name: 'http', port: 9090, expose: 'ingress', ingress: [{ path: '/payments' }] }]);
      expect(routed.env).toMatchObject({ PORT: '${payments.http.port}', BASE_PATH: '/payments' });
    },
  );

  it('cronjob: a cronjob workload with the schedule prompt', () => {
    const { spec } = renderInto('cronjob', { answers: { schedule: '*/5 * * * *' } });
    expect(spec).toMatchObject({ workload: 'cronjob', schedule: { cron: '*/5 * * * *', concurrencyPolicy: 'Forbid' } });
    expect(spec.ports).toBeUndefined();
  });
});

describe('node-http, for real', () => {
  it('passes its own npm test', () => {
    const { dir } = renderInto('node-http');
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts).toEqual({ start: 'node src/server.js', test: 'node --test' });
    const result = spawnSync(process.execPath, ['--test'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(result.stdout + result.stderr).toMatch(/# fail 0/);
    expect(result.status).toBe(0);
  });

  it('serves the probe paths of its service.yaml and its route under --path, and exits 0 on SIGTERM', async () => {
    const { dir, spec } = renderInto('node-http', { path: '/payments' });
    const port = await freePort();
    const { child, output } = start(process.execPath, ['src/server.js'], dir, { PORT: String(port) });
    await waitFor(port, '/healthz', child, output);
    expect(probePaths(spec)).toEqual(['/healthz', '/readyz']);
    for (const path of probePaths(spec)) expect(await get(port, path)).toBe(200);
    expect(await get(port, '/payments')).toBe(200);
    expect(await get(port, '/nothing-here')).toBe(404);
    // fetch keeps its connection alive: an idle keep-alive connection must not hold up the shutdown.
    const exit = await terminate(child);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.elapsed).toBeLessThan(3000);
    expect(output()).toMatch(/"message":"stopped"/);
  });
});

describe('node-worker, for real', () => {
  it('passes its own npm test', () => {
    const { dir } = renderInto('node-worker');
    const result = spawnSync(process.execPath, ['--test'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(result.stdout + result.stderr).toMatch(/# fail 0/);
    expect(result.status).toBe(0);
  });

  it('consumes, keeps the liveness file and health port fresh, and exits 0 on SIGTERM', async () => {
    const { dir, spec } = renderInto('node-worker');
    const port = await freePort();
    const livenessFile = join(dir, 'alive');
    const env = { PORT: String(port), LIVENESS_FILE: livenessFile, POLL_INTERVAL_MS: '50' };
    const { child, output } = start(process.execPath, ['src/worker.js'], dir, env);
    await waitFor(port, '/healthz', child, output);
    expect(probePaths(spec)).toEqual(['/healthz', '/readyz']);
    for (const path of probePaths(spec)) expect(await get(port, path)).toBe(200);
    expect(existsSync(livenessFile)).toBe(true);
    const check = spawnSync(process.execPath, ['src/check-liveness.js'], { cwd: dir, env: { ...process.env, ...env } });
    expect(check.status).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(output()).toMatch(/"message":"handled message"/);
    const exit = await terminate(child);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(existsSync(livenessFile)).toBe(false);
    const stale = spawnSync(process.execPath, ['src/check-liveness.js'], { cwd: dir, env: { ...process.env, ...env } });
    expect(stale.status).toBe(1);
  });
});

describe('cronjob, for real', () => {
  it('passes its own npm test and runs once with exit code 0', () => {
    const { dir } = renderInto('cronjob');
    const tests = spawnSync(process.execPath, ['--test'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(tests.status).toBe(0);
    const run = spawnSync(process.execPath, ['src/main.js'], { cwd: dir, encoding: 'utf8', timeout: 10_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/"message":"finished"/);
  });
});

(pythonAvailable ? describe : describe.skip)('python-http, for real', () => {
  it('passes its own unittest suite', () => {
    const { dir } = renderInto('python-http');
    const result = spawnSync('python3', ['-m', 'unittest', '-v'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toMatch(/OK/);
    expect(result.status).toBe(0);
  });

  it('serves the probe paths of its service.yaml, and exits 0 on SIGTERM', async () => {
    const { dir, spec } = renderInto('python-http', { path: '/payments' });
    const port = await freePort();
    const { child, output } = start('python3', ['server.py'], dir, { PORT: String(port), HOST: '127.0.0.1' });
    await waitFor(port, '/healthz', child, output);
    for (const path of probePaths(spec)) expect(await get(port, path)).toBe(200);
    expect(await get(port, '/payments/')).toBe(200);
    const healthcheck = spawnSync('python3', ['healthcheck.py'], {
      cwd: dir,
      env: { ...process.env, PORT: String(port) },
    });
    expect(healthcheck.status).toBe(0);
    const exit = await terminate(child);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.elapsed).toBeLessThan(3000);
  });
});

describe('go-http', () => {
  it('renders a module, a server on the chosen port and a compose healthcheck the distroless image can run', () => {
    const { dir, spec } = renderInto('go-http', { port: 9000 });
    expect(readFileSync(join(dir, 'go.mod'), 'utf8')).toBe('module govapp/payments\n\ngo 1.22\n');
    const main = readFileSync(join(dir, 'main.go'), 'utf8');
    expect(main).toContain('envOr("PORT", "9000")');
    expect(main).toContain('mux.HandleFunc("GET /healthz"');
    expect(main).toContain('mux.HandleFunc("GET /readyz"');
    expect(probePaths(spec)).toEqual(['/healthz', '/readyz']);
    expect(spec.health?.compose).toEqual(['CMD', '/server', '-healthcheck', '/readyz']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('COPY --from=build /out/server /server');
  });

  (goAvailable ? it : it.skip)('passes go vet and its own go test', () => {
    const { dir } = renderInto('go-http');
    expect(spawnSync('go', ['vet', './...'], { cwd: dir, encoding: 'utf8' }).status).toBe(0);
    expect(spawnSync('go', ['test', './...'], { cwd: dir, encoding: 'utf8' }).status).toBe(0);
  });
});
