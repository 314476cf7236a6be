import { loadComposeProject, type ComposeModel, type LoadComposeOptions } from '../../src/import';
import type { Issue } from '@twinform/spec';
import { memorySource } from './helpers';

function load(
  files: Record<string, string>,
  order: string[] = ['compose.yaml'],
  options: Partial<LoadComposeOptions> = {},
) {
  return loadComposeProject(order, memorySource(files), { env: {}, ...options });
}

function model(files: Record<string, string>, order?: string[], options?: Partial<LoadComposeOptions>): ComposeModel {
  const result = load(files, order, options);
  expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  return result.model!;
}

const service = (loaded: ComposeModel, name: string) => {
  const found = loaded.services.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
};

const errors = (issues: Issue[]) => issues.filter((issue) => issue.severity === 'error');

describe('interpolation in compose files', () => {
  it('uses the shell environment over .env next to the first file, in values but not keys', () => {
    const loaded = model(
      {
        'compose.yaml':
          'services:\n  web:\n    image: "nginx:${TAG}"\n    environment:\n      ${KEY}: $FROM_ENV\n      LIST: "${MISSING:-fallback}"\n',
        '.env': 'TAG=1.25\nFROM_ENV=dotenv\nKEY=nope\n',
      },
      undefined,
      { env: { FROM_ENV: 'shell' } },
    );
    const web = service(loaded, 'web');
    expect(web.image).toBe('nginx:1.25');
    expect(web.environment.map((entry) => [entry.name, entry.value])).toEqual([
      ['${KEY}', 'shell'],
      ['LIST', 'fallback'],
    ]);
    expect(loaded.variables.TAG).toBe('1.25');
  });

  it('reads --env-file files instead of .env, later files winning', () => {
    const loaded = model(
      {
        'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG}"\n',
        '.env': 'TAG=from-dotenv\n',
        'a.env': 'TAG=from-a\n',
        'b.env': 'TAG=from-b\n',
      },
      undefined,
      { envFiles: ['a.env', 'b.env'] },
    );
    expect(service(loaded, 'web').image).toBe('nginx:from-b');
  });

  it('names a missing required variable with file:line:col', () => {
    const result = load({
      'compose.yaml':
        'services:\n  db:\n    image: postgres\n    environment:\n      PASSWORD: ${PG_PASS:?database password required}\n',
    });
    expect(result.model).toBeUndefined();
    expect(errors(result.issues)).toEqual([
      expect.objectContaining({
        code: 'missing-field',
        file: 'compose.yaml',
        line: 5,
        col: 17,
        message: 'Required variable PG_PASS is not set (compose.yaml:5): database password required.',
      }),
    ]);
    expect(errors(result.issues)[0]!.hint).toContain('PG_PASS');
  });

  it('warns once per unset variable and substitutes an empty string', () => {
    const result = load({ 'compose.yaml': 'services:\n  web:\n    image: nginx$SUFFIX\n    command: ["$SUFFIX"]\n' });
    expect(result.issues.filter((issue) => issue.code === 'unresolved-reference')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 3,
        message: 'Variable SUFFIX is not set; compose substitutes an empty string.',
      }),
    ]);
    expect(service(result.model!, 'web').command).toEqual(['']);
  });

  it('keeps $$ as a literal $ and rejects a lone $', () => {
    const ok = model({
      'compose.yaml': 'services:\n  web:\n    image: nginx\n    command: ["sh", "-c", "echo $$HOME"]\n',
    });
    expect(service(ok, 'web').command).toEqual(['sh', '-c', 'echo $HOME']);
    const bad = load({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    command: "echo $(date)"\n' });
    expect(errors(bad.issues)[0]).toEqual(
      expect.objectContaining({ code: 'syntax', line: 4, hint: 'Write a literal $ as $$.' }),
    );
  });

  it('does not interpolate x- extensions', () => {
    const result = load({
      'compose.yaml': 'x-notes: ${UNSET:?ignored}\nservices:\n  web:\n    image: nginx\n    x-meta: $ALSO_IGNORED\n',
    });
    expect(errors(result.issues)).toEqual([]);
    expect(result.issues.filter((issue) => issue.code === 'unresolved-reference')).toEqual([]);
  });
});

describe('several -f files', () => {
  const base = [
    'services:',
    '  web:',
    '    image: nginx:1',
    '    command: ["a", "b"]',
    '    entrypoint: ["/base"]',
    '    environment:',
    '      KEEP: base',
    '      CHANGE: base',
    '    labels: ["team=a", "tier=web"]',
    '    ports: ["8080:80", "9000"]',
    '    expose: ["3000"]',
    '    dns: [1.1.1.1]',
    '    volumes: ["data:/data", "./conf:/etc/conf:ro"]',
    '    secrets: [token]',
    '    depends_on: [db]',
    '    healthcheck:',
    '      test: ["CMD", "base"]',
    '      interval: 5s',
    '    deploy:',
    '      resources:',
    '        limits: { cpus: "1", memory: 512M }',
    '  db:',
    '    image: postgres',
    'volumes:',
    '  data: {}',
    'secrets:',
    '  token: { file: ./token.txt }',
    '',
  ].join('\n');
  const override = [
    'services:',
    '  web:',
    '    image: nginx:2',
    '    command: ["c"]',
    '    environment: ["CHANGE=override", "ADD=new"]',
    '    labels: { tier: api }',
    '    ports: ["8080:80", "8443:443"]',
    '    expose: ["3000", "4000"]',
    '    dns: [1.1.1.1, 8.8.8.8]',
    '    volumes: ["./other:/data", "cache:/cache"]',
    '    depends_on:',
    '      db: { condition: service_healthy }',
    '    healthcheck:',
    '      test: ["CMD", "override"]',
    '    deploy:',
    '      resources:',
    '        limits: { memory: 1G }',
    '  db:',
    '    healthcheck: { test: ["CMD", "pg_isready"] }',
    'volumes:',
    '  cache: {}',
    '',
  ].join('\n');
  const merged = model({ 'compose.yaml': base, 'compose.override.yaml': override }, [
    'compose.yaml',
    'compose.override.yaml',
  ]);
  const web = service(merged, 'web');

  it('overrides scalars and replaces command, entrypoint and healthcheck.test', () => {
    expect(web.image).toBe('nginx:2');
    expect(web.command).toEqual(['c']);
    expect(web.entrypoint).toEqual(['/base']);
    expect(web.healthcheck?.test).toEqual(['CMD', 'override']);
    expect(web.healthcheck?.interval).toBe('5s');
  });

  it('merges environment and labels by key, whatever syntax each file uses', () => {
    expect(Object.fromEntries(web.environment.map((entry) => [entry.name, entry.value]))).toEqual({
      KEEP: 'base',
      CHANGE: 'override',
      ADD: 'new',
    });
    expect(web.labels).toEqual({ team: 'a', tier: 'api' });
  });

  it('appends ports, expose and dns, keeping each once', () => {
    expect(web.ports.map((port) => `${port.published ?? ''}:${port.target}`)).toEqual(['8080:80', ':9000', '8443:443']);
    expect(web.expose.map((port) => port.port)).toEqual([3000, 4000]);
    expect(web.other.find((field) => field.key === 'dns')?.value).toEqual(['1.1.1.1', '1.1.1.1', '8.8.8.8']);
  });

  it('merges volumes by target (the later file wins) and mappings deeply', () => {
    expect(web.volumes.map((volume) => `${volume.type} ${volume.source} ${volume.target}`)).toEqual([
      'bind other /data',
      'bind conf /etc/conf',
      'volume cache /cache',
    ]);
    expect(web.deploy?.limits).toEqual({ cpus: '1', memory: '1G', extra: [] });
    expect(web.dependsOn.map((dependency) => [dependency.service, dependency.condition])).toEqual([
      ['db', 'service_healthy'],
    ]);
    expect(service(merged, 'db').image).toBe('postgres');
    expect(Object.keys(merged.volumes).sort()).toEqual(['cache', 'data']);
  });

  it('keeps where each value was written', () => {
    expect(web.fieldAt.image).toEqual({ file: 'compose.override.yaml', line: 3, col: 5 });
    expect(web.fieldAt.entrypoint).toEqual({ file: 'compose.yaml', line: 5, col: 5 });
    expect(web.ports[1]!.at).toEqual({ file: 'compose.yaml', line: 10, col: 24 });
    expect(web.ports[2]!.at.file).toBe('compose.override.yaml');
  });

  it('supports !reset and !override', () => {
    const loaded = model(
      {
        'a.yaml': 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n    environment: { A: "1", B: "2" }\n',
        'b.yaml': 'services:\n  web:\n    ports: !reset []\n    environment: !override { C: "3" }\n',
      },
      ['a.yaml', 'b.yaml'],
    );
    const web2 = service(loaded, 'web');
    expect(web2.ports).toEqual([]);
    expect(web2.environment.map((entry) => entry.name)).toEqual(['C']);
  });

  it("resolves relative paths of every -f file against the first file's folder", () => {
    const loaded = model(
      {
        'app/compose.yaml': 'services:\n  web:\n    image: nginx\n',
        'app/extensions/x/extra.yaml': 'services:\n  web:\n    volumes: ["./data:/data"]\n    env_file: ./app.env\n',
        'app/app.env': 'A=1\n',
      },
      ['app/compose.yaml', 'app/extensions/x/extra.yaml'],
    );
    expect(service(loaded, 'web').volumes[0]!.source).toBe('app/data');
    expect(service(loaded, 'web').envFiles[0]!.path).toBe('app/app.env');
    expect(loaded.files['app/app.env']).toBe('A=1\n');
  });

  it('accepts an empty (comments only) file', () => {
    const loaded = model(
      { 'compose.yaml': 'services:\n  web:\n    image: nginx\n', 'empty.yaml': '# nothing here\n' },
      ['compose.yaml', 'empty.yaml'],
    );
    expect(loaded.services.map((entry) => entry.name)).toEqual(['web']);
  });
});

describe('extends', () => {
  it("merges a service of the same file and of another file, resolving the other file's paths from its folder", () => {
    const loaded = model({
      'compose.yaml': [
        'services:',
        '  base:',
        '    image: alpine',
        '    environment: { A: "1" }',
        '  web:',
        '    extends: base',
        '    environment: { B: "2" }',
        '  api:',
        '    extends: { file: common/services.yaml, service: app }',
        '    command: ["serve"]',
        '',
      ].join('\n'),
      'common/services.yaml': 'services:\n  app:\n    build: ./api\n    env_file: app.env\n    command: ["default"]\n',
      'common/app.env': 'X=1\n',
    });
    expect(service(loaded, 'web').image).toBe('alpine');
    expect(service(loaded, 'web').environment.map((entry) => entry.name)).toEqual(['A', 'B']);
    const api = service(loaded, 'api');
    expect(api.build?.context).toBe('common/api');
    expect(api.envFiles[0]!.path).toBe('common/app.env');
    expect(api.command).toEqual(['serve']);
    expect(api.fieldAt.build?.file).toBe('common/services.yaml');
  });

  it('follows chains of extends', () => {
    const loaded = model({
      'compose.yaml':
        'services:\n  a:\n    image: alpine\n  b:\n    extends: a\n    user: "1000"\n  c:\n    extends: b\n',
    });
    expect(service(loaded, 'c').image).toBe('alpine');
    expect(service(loaded, 'c').user).toBe('1000');
  });

  it('reports a cycle', () => {
    const result = load({ 'compose.yaml': 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n' });
    expect(errors(result.issues)).toEqual([
      expect.objectContaining({
        code: 'cycle',
        file: 'compose.yaml',
        line: 5,
        message: 'extends forms a cycle: compose.yaml#a → compose.yaml#b → compose.yaml#a.',
      }),
    ]);
  });

  it('reports a cycle across files', () => {
    const result = load({
      'compose.yaml': 'services:\n  a:\n    extends: { file: other.yaml, service: b }\n',
      'other.yaml': 'services:\n  b:\n    extends: { file: compose.yaml, service: a }\n',
    });
    expect(errors(result.issues).map((issue) => issue.code)).toContain('cycle');
  });

  it('reports a missing base service and a file outside the project', () => {
    expect(errors(load({ 'compose.yaml': 'services:\n  a:\n    extends: nope\n' }).issues)[0]!.message).toBe(
      'Service a extends nope, which is not defined in compose.yaml.',
    );
    expect(
      errors(load({ 'compose.yaml': 'services:\n  a:\n    extends: { file: ../base.yaml, service: b }\n' }).issues)[0],
    ).toEqual(
      expect.objectContaining({
        code: 'io',
        line: 3,
        message: 'The extended file ../base.yaml is outside the project folder.',
      }),
    );
  });
});

describe('include', () => {
  it('adds the included services, resolving their paths from the included file', () => {
    const loaded = model({
      'compose.yaml': 'include:\n  - sub/compose.yaml\nservices:\n  web:\n    image: nginx\n    depends_on: [db]\n',
      'sub/compose.yaml': 'services:\n  db:\n    build: .\n    volumes: ["./init:/init"]\n',
    });
    expect(loaded.services.map((entry) => entry.name)).toEqual(['db', 'web']);
    expect(service(loaded, 'db').build?.context).toBe('sub');
    expect(service(loaded, 'db').volumes[0]!.source).toBe('sub/init');
  });

  it('supports the long syntax with project_directory and env_file', () => {
    const loaded = model({
      'compose.yaml':
        'include:\n  - path: [lib/a.yaml]\n    project_directory: lib\n    env_file: lib/vars.env\nservices: {}\n',
      'lib/a.yaml': 'services:\n  a:\n    image: "alpine:${TAG}"\n',
      'lib/vars.env': 'TAG=3.20\n',
    });
    expect(service(loaded, 'a').image).toBe('alpine:3.20');
  });

  it('refuses a path outside the project folder', () => {
    const result = load({ 'compose.yaml': 'include:\n  - ../shared/compose.yaml\nservices: {}\n' });
    expect(result.model).toBeUndefined();
    expect(errors(result.issues)[0]).toEqual(
      expect.objectContaining({
        code: 'io',
        file: 'compose.yaml',
        line: 2,
        col: 5,
        message: 'The included file ../shared/compose.yaml is outside the project folder.',
      }),
    );
  });

  it('reports include cycles', () => {
    const result = load({
      'compose.yaml': 'include: [a.yaml]\nservices: {}\n',
      'a.yaml': 'include: [b.yaml]\nservices: {}\n',
      'b.yaml': 'include: [a.yaml]\nservices: {}\n',
    });
    expect(errors(result.issues)[0]).toEqual(
      expect.objectContaining({
        code: 'cycle',
        message: 'include forms a cycle: compose.yaml → a.yaml → b.yaml → a.yaml.',
      }),
    );
  });

  it('refuses a service defined both in the file and in an included file', () => {
    const result = load({
      'compose.yaml': 'include: [a.yaml]\nservices:\n  web:\n    image: nginx\n',
      'a.yaml': 'services:\n  web:\n    image: httpd\n',
    });
    expect(errors(result.issues)[0]).toEqual(expect.objectContaining({ code: 'duplicate', line: 3 }));
  });
});

describe('YAML', () => {
  it('resolves anchors, aliases and merge keys (explicit keys win)', () => {
    const loaded = model({
      'compose.yaml': [
        'x-common: &common',
        '  image: app:1',
        '  environment: &env',
        '    A: "1"',
        '    B: "2"',
        'services:',
        '  one:',
        '    <<: *common',
        '  two:',
        '    <<: *common',
        '    image: app:2',
        '    environment:',
        '      <<: *env',
        '      B: "3"',
        '',
      ].join('\n'),
    });
    expect(service(loaded, 'one').image).toBe('app:1');
    expect(service(loaded, 'two').image).toBe('app:2');
    expect(Object.fromEntries(service(loaded, 'two').environment.map((entry) => [entry.name, entry.value]))).toEqual({
      A: '1',
      B: '3',
    });
    // A merged value points at where it is written: in the anchor.
    expect(service(loaded, 'one').fieldAt.image).toEqual({ file: 'compose.yaml', line: 2, col: 3 });
  });

  it('stops a billion-laughs document', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`);
    }
    lines.push('services:\n  web:\n    image: nginx\n    command: *i');
    const result = load({ 'compose.yaml': lines.join('\n') });
    expect(result.model).toBeUndefined();
    expect(errors(result.issues)[0]!.message).toContain('billion laughs');
  });

  it('reports a syntax error and a duplicate key with their positions', () => {
    const broken = load({ 'compose.yaml': 'services:\n  web:\n    image: [unclosed\n' });
    expect(errors(broken.issues)[0]).toEqual(expect.objectContaining({ code: 'syntax', file: 'compose.yaml' }));
    const duplicate = load({ 'compose.yaml': 'services:\n  web:\n    image: a\n    image: b\n' });
    expect(errors(duplicate.issues)[0]).toEqual(expect.objectContaining({ code: 'syntax', line: 4 }));
  });

  it('reads 0440 as an octal mode, as compose does', () => {
    const loaded = model({
      'compose.yaml':
        'services:\n  web:\n    image: nginx\n    configs:\n      - source: conf\n        target: /etc/conf\n        mode: 0440\nconfigs:\n  conf: { content: "x" }\n',
    });
    expect(service(loaded, 'web').configs[0]!.mode).toBe(0o440);
  });
});

describe('short and long syntax', () => {
  const loaded = model(
    {
      'compose.yaml': [
        'services:',
        '  web:',
        '    image: nginx',
        '    command: sh -c "echo \'hi there\'"',
        '    ports:',
        '      - "3000"',
        '      - "8000-8001:80-81"',
        '      - "127.0.0.1:5432:5432"',
        '      - "[::1]:6000:6000/udp"',
        '      - 9090',
        '      - "9000-9010:9000"',
        '      - target: 443',
        '        published: "8443"',
        '        protocol: tcp',
        '        host_ip: 0.0.0.0',
        '        name: web-secure',
        '    expose: ["7000-7001", "53/udp"]',
        '    volumes:',
        '      - /anonymous',
        '      - named:/named:ro,nocopy',
        '      - ./rel:/rel:z',
        '      - type: tmpfs',
        '        target: /tmp',
        '        tmpfs: { size: 64m, mode: 1777 }',
        '      - type: volume',
        '        source: named',
        '        target: /sub',
        '        volume: { subpath: data }',
        '    tmpfs: /run:size=16m',
        '    depends_on:',
        '      db: { condition: service_completed_successfully, restart: true }',
        '    environment: ["A=1", "B=x=y", "PASS"]',
        '    env_file:',
        '      - path: ./optional.env',
        '        required: false',
        '    secrets:',
        '      - token',
        '      - source: token',
        '        target: /etc/token',
        '        mode: 0400',
        '    configs: [conf]',
        '    healthcheck:',
        '      test: curl -f http://localhost/',
        '      start_interval: 1s',
        '    deploy:',
        '      mode: replicated',
        '      replicas: 2',
        '      resources: { limits: { cpus: "0.5", memory: 256M, pids: 10 }, reservations: { memory: 128M } }',
        '      restart_policy: { condition: on-failure, max_attempts: 3 }',
        '      placement: { constraints: [node.role==manager] }',
        '    ulimits: { nofile: { soft: 1, hard: 2 } }',
        '  db:',
        '    image: postgres',
        '    healthcheck: { disable: true }',
        '    networks:',
        '      back: { aliases: [database] }',
        'volumes: { named: {} }',
        'networks: { back: {} }',
        'secrets: { token: { environment: TOKEN } }',
        'configs: { conf: { content: "x = ${UNSET:-1}" } }',
        '',
      ].join('\n'),
    },
    undefined,
    { env: { PASS: 'from-shell' } },
  );
  const web = service(loaded, 'web');

  it('ports: ranges, host IPs, protocols, numbers, long syntax', () => {
    expect(
      web.ports.map((port) => ({
        target: port.target,
        published: port.published,
        hostIp: port.hostIp,
        protocol: port.protocol,
        name: port.name,
        extra: port.extra,
      })),
    ).toEqual([
      { target: 3000, published: undefined, hostIp: undefined, protocol: 'tcp', name: undefined, extra: {} },
      { target: 80, published: 8000, hostIp: undefined, protocol: 'tcp', name: undefined, extra: {} },
      { target: 81, published: 8001, hostIp: undefined, protocol: 'tcp', name: undefined, extra: {} },
      { target: 5432, published: 5432, hostIp: '127.0.0.1', protocol: 'tcp', name: undefined, extra: {} },
      { target: 6000, published: 6000, hostIp: '::1', protocol: 'udp', name: undefined, extra: {} },
      { target: 9090, published: undefined, hostIp: undefined, protocol: 'tcp', name: undefined, extra: {} },
      {
        target: 9000,
        published: undefined,
        hostIp: undefined,
        protocol: 'tcp',
        name: undefined,
        extra: { published: '9000-9010' },
      },
      { target: 443, published: 8443, hostIp: '0.0.0.0', protocol: 'tcp', name: 'web-secure', extra: {} },
    ]);
    expect(web.expose.map((port) => `${port.port}/${port.protocol}`)).toEqual(['7000/tcp', '7001/tcp', '53/udp']);
  });

  it('command strings split like a shell', () => {
    expect(web.command).toEqual(['sh', '-c', "echo 'hi there'"]);
  });

  it('volumes: anonymous, named, bind, tmpfs, subpath, and service tmpfs', () => {
    expect(
      web.volumes.map((volume) => [volume.type, volume.source, volume.target, volume.readOnly, volume.options]),
    ).toEqual([
      ['volume', undefined, '/anonymous', false, []],
      ['volume', 'named', '/named', true, ['nocopy']],
      ['bind', 'rel', '/rel', false, ['z']],
      ['tmpfs', undefined, '/tmp', false, []],
      ['volume', 'named', '/sub', false, []],
    ]);
    // Like compose (Go), a mode without a leading 0 is a decimal number.
    expect(web.volumes[3]).toEqual(expect.objectContaining({ tmpfsSize: '64m', tmpfsMode: 1777 }));
    expect(web.volumes[4]!.subpath).toBe('data');
    expect(web.tmpfs).toEqual([expect.objectContaining({ target: '/run', size: '16m' })]);
  });

  it('depends_on, environment (list, with pass-through), env_file long form, secrets, configs', () => {
    expect(web.dependsOn).toEqual([
      expect.objectContaining({ service: 'db', condition: 'service_completed_successfully', restart: true }),
    ]);
    expect(web.environment.map((entry) => [entry.name, entry.value, entry.passthrough ?? false])).toEqual([
      ['A', '1', false],
      ['B', 'x=y', false],
      ['PASS', 'from-shell', true],
    ]);
    expect(web.envFiles).toEqual([]);
    expect(web.secrets.map((secret) => [secret.source, secret.target, secret.mode])).toEqual([
      ['token', undefined, undefined],
      ['token', '/etc/token', 0o400],
    ]);
    expect(web.configs.map((config) => config.source)).toEqual(['conf']);
    expect(loaded.configs.conf!.content).toBe('x = 1');
    expect(loaded.secrets.token!.environment).toBe('TOKEN');
  });

  it('healthcheck string form, disable, deploy and unknown fields', () => {
    expect(web.healthcheck).toEqual(
      expect.objectContaining({
        test: ['CMD-SHELL', 'curl -f http://localhost/'],
        startInterval: '1s',
        disable: false,
      }),
    );
    expect(service(loaded, 'db').healthcheck?.disable).toBe(true);
    expect(web.deploy).toEqual(
      expect.objectContaining({
        mode: 'replicated',
        replicas: 2,
        limits: { cpus: '0.5', memory: '256M', extra: [expect.objectContaining({ key: 'limits.pids', value: 10 })] },
        reservations: { memory: '128M', extra: [] },
        restartPolicy: expect.objectContaining({
          condition: 'on-failure',
          extra: [expect.objectContaining({ key: 'max_attempts' })],
        }),
        extra: [expect.objectContaining({ key: 'placement' })],
      }),
    );
    expect(web.other.map((field) => field.key)).toEqual(['ulimits']);
    expect(service(loaded, 'db').networks).toEqual([
      expect.objectContaining({ name: 'back', settings: { aliases: ['database'] } }),
    ]);
  });

  it('skips an optional env_file that does not exist', () => {
    const result = load({
      'compose.yaml':
        'services:\n  web:\n    image: nginx\n    env_file:\n      - path: ./optional.env\n        required: false\n',
    });
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'info',
        line: 5,
        message: 'Optional env_file optional.env of service web does not exist; it is skipped, as compose does.',
      }),
    ]);
  });

  it('refuses a required env_file that does not exist, once for all services sharing it', () => {
    const result = load({
      'compose.yaml': 'x-a: &a\n  image: nginx\n  env_file: [.env.app]\nservices:\n  one: *a\n  two: *a\n',
    });
    expect(errors(result.issues)).toEqual([
      expect.objectContaining({
        line: 3,
        message: 'Cannot read env_file .env.app of services one, two: .env.app does not exist.',
      }),
    ]);
  });

  it('reports references to undefined services, volumes and secrets', () => {
    const result = load({
      'compose.yaml':
        'services:\n  web:\n    image: nginx\n    depends_on: [ghost]\n    volumes: ["nowhere:/x"]\n    secrets: [hidden]\n',
    });
    expect(errors(result.issues).map((issue) => [issue.line, issue.code])).toEqual([
      [4, 'unresolved-reference'],
      [5, 'unresolved-reference'],
      [6, 'unresolved-reference'],
    ]);
  });
});

describe('profiles', () => {
  const files = {
    'compose.yaml':
      'services:\n  web:\n    image: nginx\n    depends_on: [debug]\n  debug:\n    image: busybox\n    profiles: [debug]\n  tools:\n    image: alpine\n    profiles: [tools]\n',
  };

  it('skips services whose profiles are not enabled, with a line for each and the dependency on them', () => {
    const result = load(files);
    expect(result.model!.services.map((entry) => entry.name)).toEqual(['web']);
    expect(result.issues.map((issue) => [issue.severity, issue.line, issue.message])).toEqual([
      [
        'warning',
        4,
        'web depends on debug, which is not imported (profiles debug not enabled); the dependency is dropped.',
      ],
      ['info', 5, 'Service debug is not imported: its profiles (debug) are not enabled.'],
      ['info', 8, 'Service tools is not imported: its profiles (tools) are not enabled.'],
    ]);
  });

  it('imports services of enabled profiles (option, COMPOSE_PROFILES, or *)', () => {
    expect(model(files, undefined, { profiles: ['debug'] }).services.map((entry) => entry.name)).toEqual([
      'debug',
      'web',
    ]);
    expect(model(files, undefined, { env: { COMPOSE_PROFILES: 'tools' } }).services.map((entry) => entry.name)).toEqual(
      ['tools', 'web'],
    );
    expect(model(files, undefined, { profiles: ['*'] }).services).toHaveLength(3);
  });
});

describe('dependencies', () => {
  it('refuses a depends_on cycle, as compose does', () => {
    const result = load({
      'compose.yaml': 'services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: y\n    depends_on: [a]\n',
    });
    expect(result.model).toBeUndefined();
    expect(errors(result.issues)).toEqual([
      expect.objectContaining({ code: 'cycle', line: 7, message: 'depends_on forms a cycle: a → b → a.' }),
    ]);
  });
});

describe('messages', () => {
  it('shows what was written when a variable made a value invalid', () => {
    const result = load({ 'compose.yaml': 'services:\n  db:\n    image: mariadb\n    ports:\n      - "$DB_PORT"\n' });
    expect(result.issues.map((issue) => [issue.severity, issue.line, issue.message])).toEqual([
      ['warning', 5, 'Variable DB_PORT is not set; compose substitutes an empty string.'],
      ['error', 5, 'port "" (written "$DB_PORT") is not valid: "" is not a port number or range.'],
    ]);
  });
});

describe('hostile input', () => {
  it('refuses bytes that are not UTF-8, with their position', () => {
    const result = load({ 'compose.yaml': 'services:\n  web:\n    image: ngi\uFFFDnx\n' });
    expect(errors(result.issues)).toEqual([
      expect.objectContaining({
        line: 3,
        col: 15,
        message: 'compose.yaml is not valid UTF-8: these bytes cannot be decoded.',
      }),
    ]);
  });

  it('refuses deep nesting before the YAML parser or the interpolation runs out of stack', () => {
    const lists = load({
      'compose.yaml': `services:\n  web:\n    image: nginx\nx-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    });
    expect(errors(lists.issues)).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringContaining('nests more than 64 levels') }),
    ]);
    const templates = load({
      'compose.yaml': `services:\n  web:\n    image: ${'${A:-'.repeat(10_000)}nginx${'}'.repeat(10_000)}\n`,
    });
    expect(errors(templates.issues)).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining('nests more than 32 levels') }),
    ]);
  });

  it('refuses service and variable names compose refuses', () => {
    const names = load({
      'compose.yaml':
        'services:\n  ../web:\n    image: nginx\n  api:\n    image: api\n    environment: ["MY VAR=x", "A=B=C"]\n',
    });
    expect(errors(names.issues).map((issue) => [issue.line, issue.message])).toEqual([
      [2, '"../web" is not a valid compose service name.'],
      [6, 'environment variable name "MY VAR" is not valid.'],
    ]);
  });

  it('ignores a byte order mark', () => {
    expect(model({ 'compose.yaml': '\uFEFFservices:\n  web:\n    image: nginx\n' }).services[0]!.at).toEqual({
      file: 'compose.yaml',
      line: 2,
      col: 3,
    });
  });
});
