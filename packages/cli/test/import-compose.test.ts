import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import yargs from 'yargs/yargs';
import { toYargsCommand, type CliCommand } from '../src/commands/index';
import { handler as importHandler } from '../src/commands/import';
import { importCompose, type ImportComposeOptions } from '../src/commands/import-compose';
import { captureIo, contextFor, makeProject, removeProject, snapshot, type CapturedIo } from './helpers';

const COMPOSE = [
  'services:',
  '  web:',
  '    build: ./web',
  '    ports: ["8080:80"]',
  '    environment:',
  '      API_URL: http://api:3000',
  '    env_file: web.env',
  '    depends_on: [api]',
  '  api:',
  '    image: "shop/api:${TAG:-1.0}"',
  '    expose: ["3000"]',
  '    ulimits: { nofile: 1024 }',
  '    configs: [settings]',
  'configs:',
  '  settings: { file: ./api/settings.ini }',
  '',
].join('\n');

const FILES = {
  'compose.yaml': COMPOSE,
  'web.env': 'MODE=prod\n',
  'api/settings.ini': 'x=1\n',
  'web/Dockerfile': 'FROM nginx\n',
};

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

function project(files: Record<string, string> = FILES): string {
  const root = makeProject(files);
  roots.push(root);
  return root;
}

async function run(
  cwd: string,
  options: Partial<ImportComposeOptions>,
  flags: { json?: boolean; env?: Record<string, string> } = {},
): Promise<{ code: number; io: CapturedIo }> {
  const io = captureIo(cwd, flags.env ?? {});
  const code = await importCompose(
    { files: ['compose.yaml'], strict: false, force: false, ...options },
    contextFor(io, { color: false, json: flags.json ?? false }),
  );
  return { code, io };
}

describe('gen import compose', () => {
  it('writes twinform.yaml, one service.yaml per service and their files next to the compose file', async () => {
    const root = project();
    const { code, io } = await run(root, {});
    expect(code).toBe(0);
    const files = snapshot(root);
    expect(Object.keys(files).sort()).toEqual([
      'api/settings.ini',
      'compose.yaml',
      'services/api/service.yaml',
      'services/api/settings.ini',
      'services/web/service.yaml',
      'services/web/web.env',
      'twinform.yaml',
      'web.env',
      'web/Dockerfile',
    ]);
    for (const path of ['twinform.yaml', 'services/api/service.yaml', 'services/web/service.yaml']) {
      expect(files[path]!.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+\.schema\.json$/);
    }
    expect(parse(files['services/web/service.yaml']!)).toEqual({
      name: 'web',
      build: { context: '../../web' },
      ports: [{ name: 'http', port: 80, expose: 'published', hostPort: 8080 }],
      env: { API_URL: 'http://${api.http}' },
      envFiles: ['web.env'],
      dependsOn: ['api'],
    });
    expect(parse(files['services/api/service.yaml']!)).toEqual(
      expect.objectContaining({
        image: 'shop/api:1.0',
        configs: [{ name: 'settings', mountPath: '/settings', file: 'settings.ini' }],
      }),
    );
    expect(io.stdout).toContain('imported 2 services');
    // The loss report: location, field and why, on stderr.
    expect(io.stderr).toMatch(
      /compose\.yaml:12:5\s+warning\s+\/services\/api\/ulimits\s+services\.api\.ulimits: per-process limits/,
    );
  });

  it('prints the report as JSON with --json', async () => {
    const root = project();
    const { code, io } = await run(root, {}, { json: true });
    expect(code).toBe(0);
    const output = JSON.parse(io.stdout) as {
      written: boolean;
      services: string[];
      losses: number;
      issues: Array<{ pointer?: string; line?: number }>;
    };
    expect(output.written).toBe(true);
    expect(output.services).toEqual(['api', 'web']);
    expect(output.losses).toBe(1);
    expect(output.issues).toContainEqual(
      expect.objectContaining({ pointer: '/services/api/ulimits', line: 12, file: 'compose.yaml' }),
    );
    // The table goes to stderr in both modes, so a person watching a JSON run still sees it.
    expect(io.stderr).toContain('/services/api/ulimits');
  });

  it('--strict: exit 1 and nothing written when anything is lost', async () => {
    const root = project();
    const { code, io } = await run(root, { strict: true });
    expect(code).toBe(1);
    expect(Object.keys(snapshot(root)).sort()).toEqual(Object.keys(FILES).sort());
    expect(io.stderr).toContain('nothing written (--strict, and 1 loss reported)');
  });

  it('--strict passes when nothing is lost', async () => {
    const root = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    expose: ["80"]\n' });
    expect((await run(root, { strict: true })).code).toBe(0);
  });

  it('refuses to overwrite an existing service.yaml without --force, writing nothing', async () => {
    const root = project({ ...FILES, 'services/web/service.yaml': 'name: web\nimage: mine\n' });
    const { code, io } = await run(root, {});
    expect(code).toBe(1);
    expect(io.stderr).toContain('services/web/service.yaml already exists with other content');
    expect(snapshot(root)['services/api/service.yaml']).toBeUndefined();
    expect(snapshot(root)['twinform.yaml']).toBeUndefined();
    expect((await run(root, { force: true })).code).toBe(0);
    expect(parse(snapshot(root)['services/web/service.yaml']!).build).toEqual({ context: '../../web' });
  });

  it('keeps an existing twinform.yaml, adding services/*/service.yaml to serviceFiles when needed', async () => {
    const root = project({
      ...FILES,
      'twinform.yaml': '# my project\nname: shop\nserviceFiles: [apps/*/service.yaml]\n',
    });
    expect((await run(root, {})).code).toBe(0);
    expect(snapshot(root)['twinform.yaml']).toBe(
      '# my project\nname: shop\nserviceFiles: [ apps/*/service.yaml, services/*/service.yaml ]\n',
    );
    const unchanged = project({ ...FILES, 'twinform.yaml': 'name: shop\n' });
    expect((await run(unchanged, {})).code).toBe(0);
    expect(snapshot(unchanged)['twinform.yaml']).toBe('name: shop\n');
  });

  it('writes into --out; paths that would leave the --out folder are reported', async () => {
    const root = project();
    const { code, io } = await run(root, { out: 'spec' });
    expect(code).toBe(1);
    expect(io.stderr).toContain('services.web.build.context: the build context ../web is outside the project folder');
    expect(snapshot(root)['spec/twinform.yaml']).toBeUndefined();
    const images = project({
      'compose.yaml': 'services:\n  web:\n    image: nginx\n    env_file: web.env\n',
      'web.env': 'A=1\n',
    });
    expect((await run(images, { out: 'spec' })).code).toBe(0);
    expect(snapshot(images)['spec/services/web/web.env']).toBe('A=1\n');
    // Compose files inside --out are read from it, so their build contexts stay inside the project.
    const nested = project({
      'deploy/compose.yaml': 'services:\n  web:\n    build: ../web\n',
      'web/Dockerfile': 'FROM nginx\n',
    });
    expect((await run(nested, { files: ['deploy/compose.yaml'], out: '.' })).code).toBe(0);
    expect(parse(snapshot(nested)['services/web/service.yaml']!).build).toEqual({ context: '../../web' });
  });

  it('reads --env-file instead of .env and imports services of --profile', async () => {
    const root = project({
      'compose.yaml':
        'services:\n  web:\n    image: "nginx:${TAG}"\n  debug:\n    image: busybox\n    profiles: [debug]\n',
      '.env': 'TAG=from-dotenv\n',
      'prod.env': 'TAG=from-prod\n',
    });
    expect((await run(root, { envFile: ['prod.env'], profile: ['debug'] })).code).toBe(0);
    const files = snapshot(root);
    expect(parse(files['services/web/service.yaml']!).image).toBe('nginx:from-prod');
    expect(files['services/debug/service.yaml']).toBeDefined();
  });

  it('fails with the variable and its line when a required variable is missing, writing nothing', async () => {
    const root = project({
      'compose.yaml':
        'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: ${PG_PASS:?set a password}\n',
    });
    const { code, io } = await run(root, {});
    expect(code).toBe(1);
    expect(io.stderr).toMatch(
      /compose\.yaml:5:26\s+error\s+-\s+Required variable PG_PASS is not set \(compose\.yaml:5\): set a password\./,
    );
    expect(Object.keys(snapshot(root))).toEqual(['compose.yaml']);
    const withShell = await run(root, {}, { env: { PG_PASS: 'x' } });
    expect(withShell.code).toBe(0);
  });

  it('never reads outside the compose folder, through .. or a symbolic link', async () => {
    const outside = project({ 'secret.env': 'KEY=outside\n' });
    const root = project({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    env_file: [linked.env]\n' });
    symlinkSync(join(outside, 'secret.env'), join(root, 'linked.env'));
    const { code, io } = await run(root, {});
    expect(code).toBe(1);
    expect(io.stderr).toContain('symbolic link that leads outside the project folder');
    const up = project({ 'compose.yaml': 'include: [../other/compose.yaml]\nservices: {}\n' });
    const result = await run(up, {});
    expect(result.code).toBe(1);
    expect(result.io.stderr).toContain('The included file ../other/compose.yaml is outside the project folder.');
  });

  it('reports a missing compose file', async () => {
    const root = project({});
    mkdirSync(join(root, 'empty'), { recursive: true });
    const { code, io } = await run(root, { files: ['nope.yaml'] });
    expect(code).toBe(1);
    expect(io.stderr).toContain('nope.yaml does not exist or is not a file');
  });

  it('is reached through `gen import compose`', async () => {
    const root = project();
    writeFileSync(join(root, 'extra.yaml'), 'services:\n  web:\n    environment: { EXTRA: "1" }\n');
    const io = captureIo(root);
    const code = await importHandler(
      {
        kind: 'compose',
        files: ['compose.yaml', 'extra.yaml'],
        strict: false,
        force: false,
        json: false,
        quiet: true,
        color: false,
      },
      contextFor(io, { quiet: true, color: false }),
    );
    expect(code).toBe(0);
    expect(parse(snapshot(root)['services/web/service.yaml']!).env).toEqual({
      API_URL: 'http://${api.http}',
      EXTRA: '1',
    });
  });
});

describe('the registry entry', () => {
  it('parses `gen import compose FILE... --env-file --profile --strict --out` and runs the import', async () => {
    const root = project({
      'compose.yaml':
        'services:\n  web:\n    image: "nginx:${TAG}"\n  debug:\n    image: busybox\n    profiles: [debug]\n',
      'prod.env': 'TAG=1.27\n',
    });
    const io = captureIo(root);
    const state = { exitCode: -1 };
    // The line the registry (src/commands/index.ts) needs for `import`.
    const registration = {
      command: 'import <kind> <files..>',
      describe: 'create or extend the spec from compose files or Kubernetes manifests',
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      load: () => require('../src/commands/import') as CliCommand,
    };
    await yargs(
      [
        'import',
        'compose',
        'compose.yaml',
        '--env-file',
        'prod.env',
        '--profile',
        'debug',
        '--strict',
        '--out',
        'spec',
      ],
      root,
    )
      .option('json', { type: 'boolean', default: false, global: true })
      .option('quiet', { type: 'boolean', default: true, global: true })
      .option('color', { type: 'boolean', default: false, global: true })
      .command(toYargsCommand(registration, io, state))
      .strict()
      .exitProcess(false)
      .parseAsync();
    expect(state).toEqual({ exitCode: 0 });
    expect(parse(snapshot(root)['spec/services/web/service.yaml']!).image).toBe('nginx:1.27');
    expect(snapshot(root)['spec/services/debug/service.yaml']).toBeDefined();
  });
});
