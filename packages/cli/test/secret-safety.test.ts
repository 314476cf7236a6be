/**
 * Secret safety (PRODUCT.md principle 4): no secret value reaches a generated file or the CLI's
 * output. Every example and every golden fixture is generated in a temporary copy that holds
 * realistic local secret files (./secrets/*, .env files next to the project and the services) and
 * runs with the same variables, under other values, in its environment; every generated file and
 * every line the CLI printed is then searched for each of those values (as written and base64).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { loadProject, looksLikeSecretName, projectSettings } from '@twinform/spec';
import type { CliIo } from '../src/context';
import { DiskProjectSource } from '../src/disk-source';
import { main } from '../src/main';

const REPO = join(__dirname, '..', '..', '..');
const GEN = join(__dirname, '..', 'bin', 'gen.js');

/** Project folders: examples/* and test/fixtures/golden/* (anything holding a twinform.yaml). */
function projectFolders(): string[] {
  const folders: string[] = [];
  for (const parent of ['examples', 'test/fixtures/golden']) {
    const absolute = join(REPO, parent);
    if (!existsSync(absolute)) continue;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join(absolute, entry.name, 'twinform.yaml'))) {
        folders.push(`${parent}/${entry.name}`);
      }
    }
  }
  return folders.sort();
}

/** The committed inputs only: no expected outputs, no previously generated files. */
function copyProject(folder: string): string {
  const root = mkdtempSync(join(tmpdir(), 'twinform-secrets-'));
  cpSync(join(REPO, folder), root, {
    recursive: true,
    filter: (source) => {
      const relative = source
        .slice(join(REPO, folder).length + 1)
        .split('\\')
        .join('/');
      return !/^(expected|k8s|node_modules)(\/|$)/.test(relative) && relative !== 'docker-compose.yml';
    },
  });
  return root;
}

/** A value no generator could produce by chance; each one says where it was planted. */
const fakeSecret = (origin: string): string =>
  `fake-${origin.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${randomBytes(9).toString('hex')}`;

interface SecretUse {
  secret: string;
  key?: string;
  /** The env variable that reads it, when it is read into one. */
  variable?: string;
}

/** Every { secret, key } env value and every secrets: entry, in services and their environment overrides. */
function secretUses(value: unknown, parentKey?: string, uses: SecretUse[] = []): SecretUse[] {
  if (Array.isArray(value)) {
    for (const item of value) secretUses(item, parentKey, uses);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.secret === 'string') {
      uses.push({
        secret: record.secret,
        ...(typeof record.key === 'string' ? { key: record.key } : {}),
        ...(parentKey === undefined ? {} : { variable: parentKey }),
      });
    }
    if (parentKey === 'secrets' && typeof record.name === 'string') {
      uses.push({ secret: record.name, ...(typeof record.key === 'string' ? { key: record.key } : {}) });
    }
    for (const [key, child] of Object.entries(record)) secretUses(child, key, uses);
  }
  return uses;
}

const COMMON_VARIABLES = ['DATABASE_PASSWORD', 'POSTGRES_PASSWORD', 'API_TOKEN', 'JWT_SECRET', 'AWS_SECRET_ACCESS_KEY'];

interface Planted {
  /** value → where it was planted (for the failure message). */
  values: Map<string, string>;
  env: Record<string, string>;
  /** Project-relative files that hold secrets (never searched: they are inputs). */
  secretFiles: Set<string>;
}

/** Writes the secret files a developer keeps locally, and the environment a CI job would have. */
function plantSecrets(root: string): Planted {
  const planted: Planted = { values: new Map(), env: {}, secretFiles: new Set() };
  const loaded = loadProject(new DiskProjectSource(root));
  if (!loaded.value)
    throw new Error(`the project does not load: ${loaded.errors.map((issue) => issue.message).join('; ')}`);
  const composeDir = posix.dirname(projectSettings(loaded.value.project).composeFile);
  const beside = (name: string): string => (composeDir === '.' ? name : `${composeDir}/${name}`);
  const write = (path: string, content: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    planted.secretFiles.add(path);
  };
  const plant = (origin: string): string => {
    const value = fakeSecret(origin);
    planted.values.set(value, origin);
    return value;
  };

  const uses = loaded.value.services.flatMap((service) => secretUses(service.spec));
  const variables = new Set([...COMMON_VARIABLES, ...uses.flatMap((use) => (use.variable ? [use.variable] : []))]);
  for (const use of uses) {
    const names = new Set([use.secret, `${use.secret}.${use.key ?? use.secret}`]);
    for (const name of names) write(beside(`secrets/${name}`), `${plant(`file secrets/${name}`)}\n`);
  }
  const dotenv = (origin: string): string =>
    `${[...variables].map((variable) => `${variable}=${plant(`${origin} ${variable}`)}`).join('\n')}\n`;
  write(beside('.env'), dotenv('.env'));
  write('.env.local', dotenv('.env.local'));
  write('.env.production', dotenv('.env.production'));
  for (const service of loaded.value.services) write(`${service.dir}/.env`, dotenv(`${service.dir}/.env`));
  for (const variable of variables) planted.env[variable] = plant(`environment ${variable}`);
  return planted;
}

/** Every file under root that is not a planted secret file, with its content. */
function outputs(root: string, planted: Planted): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(join(folder, entry.name), path);
      else if (!planted.secretFiles.has(path)) files.set(path, readFileSync(join(folder, entry.name), 'utf8'));
    }
  };
  walk(root, '');
  return files;
}

/** Where any planted value (or its base64 form) shows up. */
function leaks(texts: Map<string, string>, planted: Planted): string[] {
  const found: string[] = [];
  for (const [value, origin] of planted.values) {
    const forms = [value, Buffer.from(value).toString('base64')];
    for (const [where, text] of texts) {
      if (forms.some((form) => text.includes(form))) found.push(`${where} contains the value of ${origin}`);
    }
  }
  return found.sort();
}

async function genWithEnvironment(
  args: string[],
  root: string,
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  let output = '';
  const io: CliIo = {
    out: (text) => {
      output += text;
    },
    err: (text) => {
      output += text;
    },
    env: { ...process.env, ...env, NO_COLOR: '1' },
    cwd: root,
    isTTY: false,
  };
  // Code that reads process.env directly must meet the secrets too.
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return { code: await main(args, io), output };
  } finally {
    for (const name of Object.keys(env)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const FOLDERS = projectFolders();

it('finds the examples and golden fixtures, some of which use secrets', () => {
  expect(FOLDERS.filter((folder) => folder.startsWith('examples/')).length).toBeGreaterThan(0);
  expect(FOLDERS.filter((folder) => folder.startsWith('test/fixtures/golden/')).length).toBeGreaterThan(0);
  const withSecrets = FOLDERS.filter((folder) => {
    const loaded = loadProject(new DiskProjectSource(join(REPO, folder)));
    return (loaded.value?.services ?? []).some((service) => secretUses(service.spec).length > 0);
  });
  expect(withSecrets.length).toBeGreaterThanOrEqual(2);
});

describe.each(FOLDERS)('%s', (folder) => {
  it('writes no local secret or environment value into a generated file or the output', async () => {
    const root = copyProject(folder);
    roots.push(root);
    const planted = plantSecrets(root);
    expect(planted.values.size).toBeGreaterThan(0);

    const printed = new Map<string, string>();
    const generate = await genWithEnvironment([], root, planted.env);
    expect({ code: generate.code, output: generate.output }).toMatchObject({ code: 0 });
    printed.set('the output of gen', generate.output);
    for (const command of [
      ['check', '--json'],
      ['validate', '--json'],
    ]) {
      const run = await genWithEnvironment(command, root, planted.env);
      expect(run.code).toBe(0);
      printed.set(`the output of gen ${command.join(' ')}`, run.output);
    }

    const files = outputs(root, planted);
    expect([...files.keys()].some((path) => path.startsWith('k8s/') || path.endsWith('docker-compose.yml'))).toBe(true);
    expect(leaks(new Map([...files, ...printed]), planted)).toEqual([]);
  });
});

describe('the real CLI process', () => {
  it('keeps the environment and .env values of examples/govapp out of its files and output', () => {
    const root = copyProject('examples/govapp');
    roots.push(root);
    const planted = plantSecrets(root);
    const run = spawnSync(process.execPath, [GEN], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...planted.env },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const texts = outputs(root, planted);
    texts.set('stdout', run.stdout);
    texts.set('stderr', run.stderr);
    expect(leaks(texts, planted)).toEqual([]);
  });
});

describe('the leak search itself', () => {
  it('finds a planted value that reaches a generated file (an env file is plain config: it becomes a ConfigMap)', async () => {
    // Without this, a search that never matches would pass every test above.
    const root = copyProject('examples/kitchen-sink');
    roots.push(root);
    const configFile = 'services/api/config/settings.env';
    expect(existsSync(join(root, configFile))).toBe(true);
    const canary = fakeSecret('canary');
    writeFileSync(join(root, configFile), `${readFileSync(join(root, configFile), 'utf8')}CANARY=${canary}\n`);
    const planted: Planted = { values: new Map([[canary, configFile]]), env: {}, secretFiles: new Set() };
    expect((await genWithEnvironment([], root, {})).code).toBe(0);
    const found = leaks(outputs(root, planted), planted);
    expect(found).toContain(`k8s/base/api/configmap-settings.yaml contains the value of ${configFile}`);
  });
});

describe('gen import compose', () => {
  it('copies no value of a secret-looking variable from .env or the shell into the spec', async () => {
    const root = mkdtempSync(join(tmpdir(), 'twinform-secrets-import-'));
    roots.push(root);
    const values = {
      DB_PASSWORD: fakeSecret('dotenv DB_PASSWORD'),
      API_TOKEN: fakeSecret('shell API_TOKEN'),
      SMTP_PASSWORD: fakeSecret('dotenv SMTP_PASSWORD'),
    };
    expect(Object.keys(values).every(looksLikeSecretName)).toBe(true);
    writeFileSync(join(root, '.env'), `DB_PASSWORD=${values.DB_PASSWORD}\nSMTP_PASSWORD=${values.SMTP_PASSWORD}\n`);
    writeFileSync(
      join(root, 'compose.yaml'),
      [
        'services:',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
        '  api:',
        '    image: ghcr.io/acme/api:1',
        '    environment:',
        '      API_TOKEN: $API_TOKEN',
        '      DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app',
        '      SMTP_URL: smtp://mailer:${SMTP_PASSWORD}@smtp.example.com',
        '',
      ].join('\n'),
    );
    const planted: Planted = {
      values: new Map(Object.entries(values).map(([name, value]) => [value, name])),
      env: { API_TOKEN: values.API_TOKEN },
      secretFiles: new Set(['.env']),
    };
    const imported = await genWithEnvironment(['import', 'compose', 'compose.yaml', '--out', 'out'], root, planted.env);
    const printed = new Map([['the output of gen import compose', imported.output]]);
    if (imported.code === 0)
      printed.set('the output of gen', (await genWithEnvironment(['--root', 'out'], root, planted.env)).output);
    const written = existsSync(join(root, 'out'))
      ? outputs(join(root, 'out'), { ...planted, secretFiles: new Set() })
      : new Map();
    const texts = new Map([
      ...[...written].map(([path, content]): [string, string] => [`out/${path}`, content]),
      ...printed,
    ]);
    expect(leaks(texts, planted)).toEqual([]);
    expect(imported.code).toBe(0);
  });
});
