/**
 * `gen import compose` on compose files nobody vetted: broken YAML, bombs, wrong types, hostile
 * names, cycles, dangling references, missing required variables, extends/include cycles and
 * paths out of the project. Input lives in in/, output goes to out/; a refused import writes
 * nothing anywhere, a successful one writes only under out/ and its spec validates.
 */
import {
  aliasBomb,
  deepFlowList,
  expectCleanFailure,
  expectNoChanges,
  genInProcess,
  INVALID_UTF8,
  sandbox,
  type Sandbox,
} from './harness';

const COMPOSE = 'in/compose.yaml';

const WEB = [
  'services:',
  '  web:',
  '    image: nginx:1.27',
  '    ports: ["8080:80"]',
  '    environment:',
  '      API_URL: http://api:3000',
  '    depends_on: [api]',
  '  api:',
  '    image: ghcr.io/acme/api:1.0.0',
  '    expose: ["3000"]',
  '',
].join('\n');

interface ComposeCase {
  name: string;
  files: Record<string, string | Buffer>;
  /** As the CLI shows it (relative to the sandbox, the cwd). */
  file?: string;
  line?: number;
  col?: number;
  mentions?: Array<string | RegExp>;
  args?: string[];
  env?: Record<string, string>;
}

function importInto(
  box: Sandbox,
  testCase: Pick<ComposeCase, 'args' | 'env'>,
  files = [COMPOSE],
): ReturnType<typeof genInProcess> {
  return genInProcess(
    ['import', 'compose', ...files, '--out', 'out', ...(testCase.args ?? [])],
    box.root,
    testCase.env,
  );
}

const webWith = (from: string, to: string): string => {
  if (!WEB.includes(from)) throw new Error(`the compose file has no '${from}'`);
  return WEB.replace(from, to);
};

const REFUSED: ComposeCase[] = [
  // Broken YAML.
  {
    name: 'an unclosed quote',
    files: { [COMPOSE]: webWith('image: nginx:1.27', 'image: "nginx:1.27') },
    mentions: ['quote'],
  },
  { name: 'an unclosed bracket', files: { [COMPOSE]: webWith('depends_on: [api]', 'depends_on: [api') } },
  {
    name: 'tabs as indentation',
    files: { [COMPOSE]: webWith('    image: nginx:1.27', '\timage: nginx:1.27') },
    line: 3,
    col: 1,
    mentions: ['tab'],
  },
  {
    name: 'bad indentation',
    files: { [COMPOSE]: webWith('    ports: ["8080:80"]', '      ports: ["8080:80"]') },
    line: 3,
  },
  {
    name: 'a duplicate key',
    files: { [COMPOSE]: webWith('    ports: ["8080:80"]', '    ports: ["8080:80"]\n    image: nginx:2') },
    line: 5,
    col: 5,
    mentions: ['unique'],
  },
  {
    name: 'a duplicate service',
    files: { [COMPOSE]: `${WEB}  web:\n    image: nginx:2\n` },
    line: 11,
    col: 3,
  },
  { name: 'a YAML alias bomb', files: { [COMPOSE]: `x-bomb:\n${aliasBomb('  ')}${WEB}` }, mentions: ['alias'] },
  {
    name: 'an alias bomb expanded into a service',
    files: {
      [COMPOSE]: `${aliasBomb()}${WEB}    environment: *i\n`.replace(
        '    environment:\n      API_URL: http://api:3000\n',
        '',
      ),
    },
    mentions: ['alias'],
  },
  {
    name: '10,000 levels of nested lists',
    files: { [COMPOSE]: `${WEB}x-deep: ${deepFlowList(10_000)}\n` },
    // WEB is 10 lines and ends with a line break, so x-deep is on line 11.
    line: 11,
    mentions: ['nest'],
  },
  {
    name: '10,000 nested ${...} defaults',
    files: { [COMPOSE]: webWith('image: nginx:1.27', `image: ${'${A:-'.repeat(10_000)}nginx${'}'.repeat(10_000)}`) },
    line: 3,
  },
  {
    name: 'bytes that are not UTF-8',
    files: {
      [COMPOSE]: Buffer.concat([
        Buffer.from('services:\n  web:\n    image: nginx'),
        INVALID_UTF8,
        Buffer.from(':1.27\n'),
      ]),
    },
    line: 3,
    col: 17,
    mentions: ['UTF-8'],
  },
  { name: 'a list instead of a mapping', files: { [COMPOSE]: '- web\n- api\n' }, line: 1, col: 1 },
  { name: 'services as a list', files: { [COMPOSE]: 'services: [web, api]\n' }, line: 1 },
  {
    name: 'no services at all (a misspelled services:)',
    files: { [COMPOSE]: WEB.replace('services:', 'service:') },
    mentions: ['no service'],
  },
  // Wrong types and values.
  { name: 'ports: [yes]', files: { [COMPOSE]: webWith('ports: ["8080:80"]', 'ports: [yes]') }, line: 4 },
  {
    name: 'a host port out of range',
    files: { [COMPOSE]: webWith('8080:80', '70000:80') },
    line: 4,
    mentions: ['70000'],
  },
  { name: 'container port 0', files: { [COMPOSE]: webWith('8080:80', '8080:0') }, line: 4 },
  {
    name: 'negative replicas',
    files: { [COMPOSE]: `${WEB}    deploy:\n      replicas: -1\n` },
    line: 12,
    mentions: ['replicas'],
  },
  {
    name: 'healthcheck retries of the wrong type',
    files: { [COMPOSE]: `${WEB}    healthcheck:\n      test: ["CMD", "true"]\n      retries: many\n` },
    line: 13,
  },
  // Names.
  {
    name: "a service name with '/' (not a compose name)",
    files: { [COMPOSE]: webWith('  web:', '  ../../outside/web:').replace('depends_on: [api]', 'depends_on: []') },
    line: 2,
    col: 3,
  },
  {
    name: 'a service name that is an absolute path',
    files: { [COMPOSE]: webWith('  web:', '  /etc/passwd:').replace('depends_on: [api]', 'depends_on: []') },
    line: 2,
    col: 3,
  },
  {
    name: 'a service name with a NUL byte',
    files: { [COMPOSE]: webWith('  web:', '  "we\\0b":').replace('depends_on: [api]', 'depends_on: []') },
    line: 2,
    col: 3,
  },
  {
    name: "an env variable name with '='",
    files: { [COMPOSE]: webWith('      API_URL: http://api:3000', '      "A=B": x') },
    line: 6,
  },
  {
    name: 'an env variable name with a space',
    files: {
      [COMPOSE]: webWith('    environment:\n      API_URL: http://api:3000', '    environment:\n      - "MY VAR=x"'),
    },
    line: 6,
  },
  // Dependencies and references.
  {
    name: 'a dependency cycle',
    files: { [COMPOSE]: webWith('    expose: ["3000"]', '    expose: ["3000"]\n    depends_on: [web]') },
    mentions: ['cycle'],
  },
  {
    name: 'a self-dependency',
    files: { [COMPOSE]: webWith('depends_on: [api]', 'depends_on: [api, web]') },
    line: 7,
    mentions: ['web'],
  },
  {
    name: 'a dependency on an undefined service',
    files: { [COMPOSE]: webWith('depends_on: [api]', 'depends_on: [payments]') },
    line: 7,
    mentions: ['payments'],
  },
  {
    name: 'an undeclared secret',
    files: { [COMPOSE]: `${WEB}    secrets: [db-password]\n` },
    line: 11,
    mentions: ['db-password'],
  },
  {
    name: 'an undeclared config',
    files: { [COMPOSE]: `${WEB}    configs: [nginx-conf]\n` },
    line: 11,
    mentions: ['nginx-conf'],
  },
  {
    name: 'an undeclared named volume',
    files: { [COMPOSE]: `${WEB}    volumes: ["data:/var/lib/data"]\n` },
    line: 11,
    mentions: ['data'],
  },
  // Interpolation.
  {
    name: 'a missing required variable',
    files: { [COMPOSE]: webWith('image: nginx:1.27', 'image: nginx:${NGINX_TAG:?set NGINX_TAG to the nginx version}') },
    line: 3,
    mentions: ['NGINX_TAG', 'set NGINX_TAG to the nginx version'],
  },
  {
    name: 'a missing required variable inside a default',
    files: { [COMPOSE]: webWith('image: nginx:1.27', 'image: ${IMAGE:-nginx:${TAG:?TAG is required}}') },
    line: 3,
    mentions: ['TAG'],
  },
  {
    name: 'an unclosed ${',
    files: { [COMPOSE]: webWith('image: nginx:1.27', 'image: "nginx:${TAG"') },
    line: 3,
    mentions: ['$$'],
  },
  // extends / include.
  {
    name: 'an extends cycle in one file',
    files: {
      [COMPOSE]: `${WEB}  base:\n    extends: worker\n  worker:\n    extends: base\n`,
    },
    mentions: ['cycle'],
  },
  {
    name: 'an extends cycle across files',
    files: {
      [COMPOSE]: `${WEB}  base:\n    extends: { file: other.yaml, service: worker }\n`,
      'in/other.yaml': 'services:\n  worker:\n    extends: { file: compose.yaml, service: base }\n',
    },
    file: 'in/other.yaml',
    mentions: ['cycle'],
  },
  {
    name: 'an include cycle',
    files: {
      [COMPOSE]: `include:\n  - other.yaml\n${WEB}`,
      'in/other.yaml': 'include:\n  - compose.yaml\nservices:\n  worker:\n    image: busybox:1.37\n',
    },
    file: 'in/other.yaml',
    mentions: ['cycle'],
  },
  {
    name: 'an include of a file outside the project',
    files: { [COMPOSE]: `include:\n  - ../outside/sentinel.txt\n${WEB}` },
    line: 2,
    mentions: ['outside'],
  },
  {
    name: 'an include of an absolute path',
    files: { [COMPOSE]: `include:\n  - /etc/hostname\n${WEB}` },
    line: 2,
    mentions: ['outside'],
  },
  {
    name: 'extends from a file outside the project',
    files: {
      [COMPOSE]: `${WEB}  worker:\n    extends: { file: ../outside/base.yaml, service: base }\n`,
      'outside/base.yaml': 'services:\n  base:\n    image: busybox:1.37\n',
    },
    line: 12,
    mentions: ['outside'],
  },
  {
    name: 'an env_file outside the project',
    files: { [COMPOSE]: `${WEB}    env_file: ../outside/sentinel.txt\n` },
    line: 11,
    mentions: ['outside'],
  },
  {
    name: '--env-file outside the project',
    files: { [COMPOSE]: WEB },
    file: '--env-file',
    args: ['--env-file', 'outside/sentinel.txt'],
    mentions: ['outside'],
  },
];

describe.each(REFUSED)('gen import compose with $name', (testCase) => {
  it('exits 1 with the file, position and a fix, and writes nothing', async () => {
    const box = sandbox().write(testCase.files);
    const before = box.snapshot();
    const run = await importInto(box, testCase);
    expectCleanFailure(run, {
      file: testCase.file ?? COMPOSE,
      ...(testCase.line === undefined ? {} : { line: testCase.line }),
      ...(testCase.col === undefined ? {} : { col: testCase.col }),
      ...(testCase.mentions === undefined ? {} : { mentions: testCase.mentions }),
    });
    expectNoChanges(box, before);
  });
});

describe('gen import compose: accepted with a report', () => {
  /** A successful import writes only under out/, and its spec passes gen validate. */
  async function expectImported(box: Sandbox, testCase: Pick<ComposeCase, 'args' | 'env'> = {}): Promise<string> {
    const before = box.snapshot();
    const run = await importInto(box, testCase);
    if (run.code !== 0) throw new Error(`import failed (exit ${run.code}):\n${run.stderr}`);
    expectNoChanges(box, before, ['out']);
    const validate = await genInProcess(['validate', '--root', 'out'], box.root);
    if (validate.code !== 0) throw new Error(`the imported spec is not valid:\n${validate.stderr}`);
    return run.stderr;
  }

  it('renames service names compose allows but Kubernetes does not, and says so; --strict refuses', async () => {
    const box = sandbox().write({
      [COMPOSE]: WEB.replace('  web:', '  Web_Front:')
        .replace('  api:', '  ..:')
        .replace('depends_on: [api]', 'depends_on: [".."]'),
    });
    const report = await expectImported(box);
    expect(report).toMatch(/in\/compose\.yaml:2:3 +warning .*renamed to web-front/);
    expect(
      Object.keys(box.snapshot()).filter((path) => path.startsWith('out/services/') && path.endsWith('service.yaml')),
    ).toHaveLength(2);

    const strict = sandbox().write({ [COMPOSE]: WEB.replace('  web:', '  Web_Front:') });
    const before = strict.snapshot();
    const run = await importInto(strict, { args: ['--strict'] });
    expectCleanFailure(run, { file: COMPOSE, line: 2, col: 3, mentions: ['--strict'] });
    expectNoChanges(strict, before);
  });

  it('never copies secret or config files from outside the project', async () => {
    const box = sandbox().write({
      [COMPOSE]: `${WEB}    secrets: [token]\n    configs: [conf]\nsecrets:\n  token:\n    file: ../outside/sentinel.txt\nconfigs:\n  conf:\n    file: ../outside/sentinel.txt\n`,
    });
    const report = await expectImported(box);
    expect(report).toMatch(/in\/compose\.yaml:\d+:\d+ +(warning|info) .*outside/);
    const written = Object.keys(box.snapshot()).filter((path) => path.startsWith('out/') && !path.endsWith('/'));
    for (const path of written) expect(box.read(path)).not.toContain('must never change');
  });

  it('reads a byte order mark like docker compose does: the result equals the BOM-less import', async () => {
    const plain = sandbox().write({ [COMPOSE]: WEB });
    const withBom = sandbox().write({ [COMPOSE]: `\uFEFF${WEB}` });
    await expectImported(plain);
    await expectImported(withBom);
    const outputs = (box: Sandbox): Record<string, string> =>
      Object.fromEntries(
        Object.keys(box.snapshot())
          .filter((path) => path.startsWith('out/services/') && !path.endsWith('/'))
          .map((path) => [path, box.read(path)]),
      );
    expect(outputs(withBom)).toEqual(outputs(plain));
  });
});

describe('gen import compose: the output folder', () => {
  it('refuses --out that is a file, writing nothing', async () => {
    const box = sandbox().write({ [COMPOSE]: WEB, 'out.txt': 'a file\n' });
    const before = box.snapshot();
    const run = await genInProcess(['import', 'compose', COMPOSE, '--out', 'out.txt'], box.root);
    expectCleanFailure(run, { file: 'out.txt', mentions: ['folder'] });
    expectNoChanges(box, before);
  });

  it('refuses to overwrite an existing service file, writing nothing', async () => {
    const box = sandbox().write({ [COMPOSE]: WEB, 'out/services/web/service.yaml': 'name: web\nimage: mine:1\n' });
    const before = box.snapshot();
    const run = await importInto(box, {});
    expectCleanFailure(run, { file: 'out/services/web/service.yaml', mentions: ['--force'] });
    expectNoChanges(box, before);
  });

  it('exits 1 for a compose file that does not exist', async () => {
    const box = sandbox();
    const before = box.snapshot();
    const run = await genInProcess(['import', 'compose', 'in/nothere.yaml', '--out', 'out'], box.root);
    expectCleanFailure(run, { file: 'in/nothere.yaml', mentions: ['does not exist'] });
    expectNoChanges(box, before);
  });
});
