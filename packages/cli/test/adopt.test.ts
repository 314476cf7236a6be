/**
 * `gen adopt` end to end: the built CLI (bin/gen.js) on copies of examples/govapp, as a team would
 * run it after someone edited a generated file.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshot } from './helpers';

const GEN = join(__dirname, '..', 'bin', 'gen.js');
const GOVAPP = join(__dirname, '..', '..', '..', 'examples', 'govapp');
const COMPOSE = 'docker-compose.yml';
const FRONTEND = 'services/frontend/service.yaml';
const DEPLOYMENT = 'k8s/base/frontend/deployment.yaml';

function gen(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.DEBUG;
  const result = spawnSync(process.execPath, [GEN, ...args], { cwd, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A copy of examples/govapp in a temporary folder. */
function govapp(): string {
  const root = mkdtempSync(join(tmpdir(), 'twinform-adopt-'));
  roots.push(root);
  cpSync(GOVAPP, root, { recursive: true });
  return root;
}

const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');

/** Replaces the one occurrence of `from` in a file of the project. */
function editFile(root: string, path: string, from: string, to: string): void {
  const text = read(root, path);
  expect(text.split(from)).toHaveLength(2);
  writeFileSync(
    join(root, path),
    text.replace(from, () => to),
  );
}

describe('gen adopt: the issue 5 acceptance run', () => {
  it('a published port edited in docker-compose.yml: gen refuses, check says "edited by hand", adopt folds it into services/frontend/service.yaml, check passes, Kubernetes follows', () => {
    const root = govapp();
    const original = read(root, FRONTEND);
    editFile(root, COMPOSE, '      - 3000:3000\n', '      - 3005:3005\n');
    const edited = read(root, COMPOSE);

    const refused = gen([], root);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refusing to overwrite');
    expect(read(root, COMPOSE)).toBe(edited);

    const check = gen(['check'], root);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('edited by hand');

    const adopt = gen(['adopt'], root);
    expect(adopt).toMatchObject({ code: 0, stderr: '' });
    expect(adopt.stdout).toContain(`${FRONTEND}: replace /ports/0/port 3005  (from ${COMPOSE}:64)`);
    // Every comment and every other byte of the spec is as it was; only the port changed.
    expect(read(root, FRONTEND)).toBe(original.replace('    port: 3000\n', '    port: 3005\n'));
    expect(read(root, FRONTEND)).not.toBe(original);

    expect(gen(['check'], root)).toMatchObject({ code: 0 });
    const service = read(root, 'k8s/base/frontend/service.yaml');
    expect(service).toContain('    - name: http\n      port: 3005\n      targetPort: http\n');
    const ingress = read(root, 'k8s/base/frontend/ingress.yaml');
    expect(ingress).toContain('                name: frontend\n                port:\n                  name: http\n');
    expect(read(root, DEPLOYMENT)).toContain('              containerPort: 3005\n');
    // The probes name the port, and the compose healthcheck follows the new number.
    expect(read(root, DEPLOYMENT)).toContain('              port: http\n');
    expect(read(root, COMPOSE)).toContain('http://127.0.0.1:3005/readyz');
    expect(read(root, COMPOSE)).toContain('      - 3005:3005\n');
  });

  it('the host side only (3000:3000 → 3005:3000) becomes hostPort; Kubernetes stays as it was', () => {
    const root = govapp();
    const original = read(root, FRONTEND);
    const service = read(root, 'k8s/base/frontend/service.yaml');
    editFile(root, COMPOSE, '      - 3000:3000\n', '      - 3005:3000\n');
    expect(gen(['adopt'], root)).toMatchObject({ code: 0 });
    expect(read(root, FRONTEND)).toBe(
      original.replace('    expose: ingress\n', '    expose: ingress\n    hostPort: 3005\n'),
    );
    expect(gen(['check'], root)).toMatchObject({ code: 0 });
    expect(read(root, 'k8s/base/frontend/service.yaml')).toBe(service);
    expect(read(root, COMPOSE)).toContain('      - 3005:3000\n');
  });
});

describe('gen adopt', () => {
  it('--dry-run prints the spec patch and writes nothing', () => {
    const root = govapp();
    editFile(root, COMPOSE, '      - 3000:3000\n', '      - 3005:3000\n');
    const before = snapshot(root);
    const run = gen(['adopt', '--dry-run'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `spec patch (not applied, --dry-run):\n  ${FRONTEND}: add /ports/0/hostPort 3005  (from ${COMPOSE}:64)\n`,
    );
    expect(snapshot(root)).toEqual(before);

    const json = gen(['adopt', '--dry-run', '--json'], root);
    expect(JSON.parse(json.stdout)).toMatchObject({
      dryRun: true,
      operations: [
        { file: FRONTEND, op: 'add', path: '/ports/0/hostPort', value: 3005, from: { file: COMPOSE, line: 64 } },
      ],
      adopted: [COMPOSE],
      conflicts: [],
      written: [],
    });
    expect(snapshot(root)).toEqual(before);
  });

  it('conflicting edits of compose and Kubernetes name both values and files, change nothing, exit 1', () => {
    const root = govapp();
    editFile(root, COMPOSE, '      - 3000:3000\n', '      - 3005:3005\n');
    editFile(root, DEPLOYMENT, 'containerPort: 3000', 'containerPort: 3006');
    const before = snapshot(root);
    const run = gen(['adopt'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `conflict: ${FRONTEND} /ports/0/port: ${COMPOSE}:64 says 3005, ${DEPLOYMENT}:64 says 3006`,
    );
    expect(run.stderr).toContain('nothing was changed');
    expect(snapshot(root)).toEqual(before);
  });

  it('an edit the spec cannot represent is reported with file:line and why, left alone, exit 1', () => {
    const root = govapp();
    editFile(root, COMPOSE, '      - 3000:3000\n', '      - 3000:3000\n    ulimits:\n      nofile: 1024\n');
    const before = snapshot(root);
    const run = gen(['adopt'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /docker-compose\.yml:65:1: error: services\.frontend\.ulimits set to \{"nofile":1024\}: the spec cannot represent this edit: .*ulimits/,
    );
    expect(run.stderr).toContain(`left as they are (edits not adopted): ${COMPOSE}`);
    expect(snapshot(root)).toEqual(before);
  });

  it('adopts only the files named, leaving other hand edits as they are', () => {
    const root = govapp();
    editFile(root, COMPOSE, '      - 3000:3000\n', '      - 3005:3000\n');
    editFile(root, DEPLOYMENT, 'replicas: 1', 'replicas: 2');
    const run = gen(['adopt', DEPLOYMENT], root);
    expect(run.code).toBe(0);
    expect(read(root, FRONTEND)).toContain('replicas: 2\n');
    expect(read(root, FRONTEND)).not.toContain('hostPort');
    expect(read(root, COMPOSE)).toContain('      - 3005:3000\n');
    const check = gen(['check'], root);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${COMPOSE}: edited by hand`);
    expect(check.stdout).not.toContain(DEPLOYMENT);
  });

  it('with nothing edited by hand there is nothing to adopt', () => {
    const root = govapp();
    expect(gen(['adopt'], root)).toMatchObject({
      code: 0,
      stdout: 'gen adopt: no generated file is edited by hand; nothing to adopt\n',
    });
  });

  it('a file that gen does not generate is a clear error', () => {
    const root = govapp();
    const run = gen(['adopt', 'README.md'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('README.md is not a file gen generates');
  });
});
