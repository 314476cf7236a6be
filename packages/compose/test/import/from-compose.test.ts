import type { Issue, ServiceSpec } from '@twinform/spec';
import { httpCheckShell, tcpCheckShell } from '../../src';
import { fromCompose, loadComposeProject, type FromComposeOptions, type ImportResult } from '../../src/import';
import { memorySource } from './helpers';

function importCompose(
  compose: string,
  files: Record<string, string> = {},
  options: FromComposeOptions = {},
  env: Record<string, string> = {},
): ImportResult {
  const loaded = loadComposeProject(['compose.yaml'], memorySource({ ...files, 'compose.yaml': compose }), { env });
  expect(loaded.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  return fromCompose(loaded.model!, options);
}

const spec = (result: ImportResult, name: string): ServiceSpec => {
  const found = result.services.find((service) => service.spec.name === name);
  if (!found) throw new Error(`no service ${name}`);
  return found.spec;
};

const losses = (result: ImportResult): Issue[] =>
  result.issues.filter((issue) => issue.code === 'loss' && issue.severity === 'warning');
const lossAt = (result: ImportResult, pointer: string): Issue | undefined =>
  result.issues.find((issue) => issue.code === 'loss' && issue.pointer === pointer);

describe('ports', () => {
  const result = importCompose(
    [
      'services:',
      '  web:',
      '    image: nginx',
      '    ports: ["8080:80", "443:443", "8081:8080", "3000", "127.0.0.1:5000:5000", "53:53/udp"]',
      '    expose: ["9100", "80"]',
      '  db:',
      '    image: postgres',
      '    expose: [5432]',
      '    ports:',
      '      - target: 7000',
      '        published: 8080',
      '        name: admin',
      '',
    ].join('\n'),
  );

  it('names ports: well-known names, then name-port, else p<port>; long syntax names win', () => {
    expect(spec(result, 'web').ports).toEqual([
      { name: 'http', port: 80, expose: 'published', hostPort: 8080 },
      { name: 'https', port: 443, expose: 'published' },
      { name: 'http-8080', port: 8080, expose: 'published', hostPort: 8081 },
      { name: 'http-3000', port: 3000, expose: 'published' },
      { name: 'http-5000', port: 5000, expose: 'published' },
      { name: 'dns-udp', port: 53, protocol: 'UDP', expose: 'published' },
      { name: 'p9100', port: 9100 },
    ]);
    expect(spec(result, 'db').ports).toEqual([
      { name: 'admin', port: 7000 },
      { name: 'postgres', port: 5432 },
    ]);
  });

  it('reports what the spec cannot keep: random host ports, host addresses, host ports used twice', () => {
    expect(result.issues.find((issue) => issue.message.includes('random host port'))).toEqual(
      expect.objectContaining({ severity: 'info', line: 4, pointer: '/services/web/ports' }),
    );
    expect(losses(result).map((issue) => [issue.line, issue.message])).toEqual([
      [
        4,
        'services.web.ports: the port is bound to host address 127.0.0.1 only; the spec publishes on every host address.',
      ],
      [
        10,
        'services.db.ports: host port 8080/tcp is already published by web; the spec publishes each host port once, so this port is internal.',
      ],
    ]);
    expect(
      result.issues
        .filter((issue) => issue.code === 'loss')
        .every((issue) => issue.file === 'compose.yaml' && issue.line !== undefined && issue.col !== undefined),
    ).toBe(true);
  });
});

describe('environment', () => {
  const result = importCompose(
    [
      'services:',
      '  web:',
      '    image: nginx',
      '    environment:',
      '      API: http://api:3000/v1',
      '      DB: "postgres://db:5432/app?x=api:9"',
      '      PRICE: "costs $$5"',
      '      TOKEN: ${API_TOKEN}',
      '      LEVEL: ${LEVEL:-info}',
      '      PASSTHROUGH:',
      '      SECRET_FROM_TWINFORM: "${SECRET_FROM_TWINFORM:?secret creds key password is not set: put SECRET_FROM_TWINFORM=... in .env (git-ignored)}"',
      '  api:',
      '    image: api',
      '    expose: ["3000"]',
      '  db:',
      '    image: postgres',
      '    expose: ["5432"]',
      '',
    ].join('\n'),
    {},
    {},
    { API_TOKEN: 'super-secret-value' },
  );

  it('turns host:port of another service into a reference and doubles literal $', () => {
    expect(spec(result, 'web').env).toEqual({
      API: 'http://${api.http}/v1',
      DB: 'postgres://${db.postgres}/app?x=api:9',
      LEVEL: 'info',
      PRICE: 'costs $$5',
      SECRET_FROM_TWINFORM: { secret: 'creds', key: 'password' },
      TOKEN: { secret: 'web-env', key: 'TOKEN' },
    });
  });

  it('never copies a secret-looking value from the environment into the spec', () => {
    expect(JSON.stringify(result)).not.toContain('super-secret-value');
    expect(
      result.issues.find(
        (issue) => issue.pointer === undefined && issue.message.startsWith('services.web.environment.TOKEN'),
      ),
    ).toEqual(expect.objectContaining({ severity: 'info', line: 8 }));
  });

  it('reports a pass-through variable without a value', () => {
    expect(lossAt(result, '/services/web/environment/PASSTHROUGH')).toEqual(
      expect.objectContaining({ severity: 'warning', line: 10, col: 7 }),
    );
  });
});

describe('files', () => {
  const result = importCompose(
    [
      'services:',
      '  web:',
      '    image: nginx',
      '    env_file: [config/.env, app.env]',
      '    configs:',
      '      - source: site',
      '        target: /etc/nginx/conf.d/default.conf',
      '        mode: 0440',
      '      - inline',
      '    secrets:',
      '      - db_password',
      '      - source: tls',
      '        target: cert.pem',
      '',
      'configs:',
      '  site: { file: ./nginx/site.conf }',
      '  inline: { content: "a = 1" }',
      'secrets:',
      '  db_password: { file: ./secrets/db.txt }',
      '  tls: { file: ./tls.pem }',
      '',
    ].join('\n'),
    {
      'config/.env': 'A=1\n',
      'app.env': 'B=${A}\n',
      'nginx/site.conf': 'server {}\n',
      'secrets/db.txt': 'never-read',
      'tls.pem': 'never-read',
    },
  );
  const web = result.services.find((service) => service.spec.name === 'web')!;

  it('copies env and config files next to the spec, never secret files', () => {
    expect(web.spec.envFiles).toEqual(['env.env', 'app.env']);
    expect(web.spec.configs).toEqual([
      { name: 'site', mountPath: '/etc/nginx/conf.d/default.conf', file: 'site.conf', mode: '0440' },
      { name: 'inline', mountPath: '/inline', content: 'a = 1' },
    ]);
    expect(web.assets).toEqual({ 'env.env': 'A=1\n', 'app.env': 'B=${A}\n', 'site.conf': 'server {}\n' });
    expect(JSON.stringify(result)).not.toContain('never-read');
  });

  it('maps secrets to names the spec accepts, keeping the path the app reads', () => {
    expect(web.spec.secrets).toEqual([
      { name: 'db-password', mountPath: '/run/secrets/db_password' },
      { name: 'tls', mountPath: '/run/secrets/cert.pem' },
    ]);
  });

  it('reports env files that interpolate variables', () => {
    expect(losses(result).map((issue) => issue.message)).toEqual([
      'services.web.env_file: app.env refers to other variables (${...}); compose expands them, a Kubernetes ConfigMap keeps them literally.',
    ]);
  });
});

describe('healthcheck', () => {
  const compose = (test: string, extra = ''): string =>
    `services:\n  web:\n    image: nginx\n    expose: ["8080"]\n    healthcheck:\n      test: ${test}\n${extra}`;

  it("recognises twinform's own http, tcp and grpc checks", () => {
    const http = importCompose(
      compose(
        JSON.stringify(['CMD-SHELL', httpCheckShell(8080, '/ready?x=1').replace(/\$/g, '$$$$')]),
        '      interval: 5s\n      timeout: 2s\n      retries: 4\n      start_period: 20s\n',
      ),
    );
    expect(spec(http, 'web').health).toEqual({
      readiness: {
        http: { path: '/ready?x=1', port: 'http' },
        initialDelaySeconds: 20,
        periodSeconds: 5,
        timeoutSeconds: 2,
        failureThreshold: 4,
      },
    });
    const https = importCompose(
      compose(
        JSON.stringify(['CMD-SHELL', httpCheckShell(8080, '/', 'HTTPS').replace(/\$/g, '$$$$')]),
        '      interval: 10s\n      timeout: 1s\n      retries: 3\n',
      ),
    );
    expect(spec(https, 'web').health).toEqual({ readiness: { http: { path: '/', port: 'http', scheme: 'HTTPS' } } });
    const tcp = importCompose(
      compose(
        JSON.stringify(['CMD-SHELL', tcpCheckShell(8080).replace(/\$/g, '$$$$')]),
        '      interval: 10s\n      timeout: 1s\n      retries: 3\n',
      ),
    );
    expect(spec(tcp, 'web').health).toEqual({ readiness: { tcp: { port: 'http' } } });
    const grpc = importCompose(
      compose(
        '["CMD", "grpc_health_probe", "-addr=127.0.0.1:8080", "-service=api"]',
        '      interval: 10s\n      timeout: 1s\n      retries: 3\n',
      ),
    );
    expect(spec(grpc, 'web').health).toEqual({ readiness: { grpc: { port: 'http', service: 'api' } } });
  });

  it("runs other checks as they ran, with compose's default timing", () => {
    expect(spec(importCompose(compose('curl -f http://localhost:8080/ || exit 1')), 'web').health).toEqual({
      readiness: {
        exec: { command: ['sh', '-c', 'curl -f http://localhost:8080/ || exit 1'] },
        periodSeconds: 30,
        timeoutSeconds: 30,
      },
    });
    expect(
      spec(importCompose(compose('["CMD", "pg_isready", "-U", "$$USER"]', '      interval: 1m30s\n')), 'web').health,
    ).toEqual({
      readiness: { exec: { command: ['pg_isready', '-U', '$USER'] }, periodSeconds: 90, timeoutSeconds: 30 },
    });
    // A check that looks like twinform's but targets a port the service does not declare stays a shell check.
    const shell = httpCheckShell(9999, '/');
    expect(
      spec(importCompose(compose(JSON.stringify(['CMD-SHELL', shell.replace(/\$/g, '$$$$')]))), 'web').health?.readiness
        ?.exec?.command,
    ).toEqual(['sh', '-c', shell]);
  });

  it('keeps a disabled healthcheck as health.compose NONE', () => {
    expect(spec(importCompose(compose('["NONE"]')), 'web').health).toEqual({ compose: ['NONE'] });
    expect(
      spec(importCompose('services:\n  web:\n    image: nginx\n    healthcheck:\n      disable: true\n'), 'web').health,
    ).toEqual({ compose: ['NONE'] });
  });

  it('reports what a probe cannot take', () => {
    const result = importCompose(compose('["CMD", "true"]', '      interval: 500ms\n      start_interval: 1s\n'));
    expect(result.issues.filter((issue) => issue.code === 'loss').map((issue) => issue.pointer)).toEqual([
      '/services/web/healthcheck/interval',
      '/services/web/healthcheck/start_interval',
    ]);
  });
});

describe('workloads, deploy and dependencies', () => {
  const result = importCompose(
    [
      'services:',
      '  init:',
      '    image: alpine',
      '  once:',
      '    image: alpine',
      '    restart: "no"',
      '  agent:',
      '    image: agent',
      '    deploy: { mode: global }',
      '  web:',
      '    image: nginx',
      '    restart: always',
      '    stop_grace_period: 1m30s',
      '    depends_on:',
      '      init: { condition: service_completed_successfully }',
      '      once: { condition: service_started }',
      '      agent: { condition: service_healthy }',
      '    deploy:',
      '      replicas: 3',
      '      resources:',
      '        limits: { cpus: "0.5", memory: "1.5g" }',
      '        reservations: { cpus: "0.25", memory: 512M }',
      '  legacy:',
      '    image: old',
      '    mem_limit: 1g',
      '    mem_reservation: 256m',
      '    cpus: 2',
      '',
    ].join('\n'),
  );

  it('maps restart "no" and completed dependencies to jobs, global mode to a daemon', () => {
    expect(spec(result, 'init').workload).toBe('job');
    expect(spec(result, 'once').workload).toBe('job');
    expect(spec(result, 'agent').workload).toBe('daemon');
    expect(spec(result, 'web').workload).toBeUndefined();
  });

  it('maps replicas, resources (as Kubernetes quantities) and the grace period', () => {
    expect(spec(result, 'web')).toEqual(
      expect.objectContaining({
        replicas: 3,
        resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '500m', memory: '1536Mi' } },
        terminationGracePeriodSeconds: 90,
      }),
    );
    expect(spec(result, 'legacy').resources).toEqual({
      requests: { memory: '256Mi' },
      limits: { cpu: '2', memory: '1Gi' },
    });
  });

  it('keeps dependency conditions, downgrading healthy when the target has no healthcheck', () => {
    expect(spec(result, 'web').dependsOn).toEqual([{ service: 'init', condition: 'completed' }, 'once', 'agent']);
    expect(lossAt(result, '/services/web/depends_on/agent')).toEqual(
      expect.objectContaining({ severity: 'warning', line: 17 }),
    );
  });
});

describe('volumes', () => {
  const result = importCompose(
    [
      'services:',
      '  db:',
      '    image: postgres',
      '    volumes:',
      '      - db-data:/var/lib/postgresql/data',
      '      - /scratch',
      '      - ./init:/docker-entrypoint-initdb.d:ro',
      '      - /var/run/docker.sock:/var/run/docker.sock',
      '      - type: tmpfs',
      '        target: /tmp',
      '        tmpfs: { size: 64m }',
      '    tmpfs: [/run]',
      'volumes:',
      '  db-data:',
      '    driver: local',
      '',
    ].join('\n'),
  );

  it('maps named, anonymous, bind and tmpfs volumes', () => {
    expect(spec(result, 'db').volumes).toEqual([
      { name: 'data', mountPath: '/var/lib/postgresql/data', type: 'persistent', size: '1Gi' },
      { name: 'scratch', mountPath: '/scratch', type: 'ephemeral' },
      {
        name: 'docker-entrypoint-initdb-d',
        mountPath: '/docker-entrypoint-initdb.d',
        type: 'bind',
        source: '../../init',
        readOnly: true,
      },
      { name: 'tmp', mountPath: '/tmp', type: 'tmpfs', size: '64Mi' },
      { name: 'run', mountPath: '/run', type: 'tmpfs' },
    ]);
  });

  it('says the size was chosen, and reports host paths and volume drivers', () => {
    expect(result.issues.find((issue) => issue.message.includes('gets a size of 1Gi'))).toEqual(
      expect.objectContaining({ severity: 'info', line: 5 }),
    );
    expect(losses(result).map((issue) => [issue.line, issue.pointer])).toEqual([
      [8, '/services/db/volumes'],
      [14, '/volumes/db-data'],
    ]);
  });

  it('resolves bind sources against another output folder', () => {
    const other = importCompose(
      'services:\n  web:\n    image: nginx\n    volumes: ["./site:/usr/share/nginx/html"]\n    build: ./app\n',
      {},
      { composeDir: 'legacy' },
    );
    expect(spec(other, 'web').volumes?.[0]?.source).toBe('../../legacy/site');
    expect(spec(other, 'web').build).toEqual({ context: '../../legacy/app' });
    const outside = importCompose('services:\n  web:\n    image: nginx\n    build: ../app\n');
    expect(spec(outside, 'web').build).toBeUndefined();
    expect(lossAt(outside, '/services/web/build/context')).toEqual(expect.objectContaining({ line: 4 }));
  });
});

describe('security, labels and unsupported fields', () => {
  const result = importCompose(
    [
      'services:',
      '  vpn_server:',
      '    image: wireguard',
      '    user: "1000"',
      '    read_only: true',
      '    cap_add: [NET_ADMIN, NET_BIND_SERVICE]',
      '    privileged: true',
      '    security_opt: ["seccomp:unconfined"]',
      '    labels:',
      '      team: net',
      '      description: "A VPN server"',
      '      kompose.service.type: nodeport',
      '    container_name: vpn',
      '    hostname: vpn',
      '    ulimits: { nofile: 65535 }',
      '    extra_hosts: ["host.docker.internal:host-gateway"]',
      '    logging: { driver: json-file }',
      '    network_mode: host',
      '    devices: ["/dev/net/tun"]',
      '    sysctls: { net.ipv4.ip_forward: 1 }',
      '    dns: [1.1.1.1]',
      '    pid: host',
      '    ipc: host',
      '    platform: linux/amd64',
      '  named:',
      '    image: app',
      '    user: www-data',
      '    networks:',
      '      back: { ipv4_address: 10.0.0.5, aliases: [x] }',
      'networks:',
      '  back: { driver: bridge }',
      '',
    ].join('\n'),
  );

  it('keeps what the restricted profile allows and reports the rest', () => {
    expect(spec(result, 'vpn-server')).toEqual(
      expect.objectContaining({
        user: { uid: 1000 },
        security: { readOnlyRootFilesystem: true, addCapabilities: ['NET_BIND_SERVICE'] },
      }),
    );
    expect(spec(result, 'named').user).toBeUndefined();
  });

  it('keeps valid labels, moves other values to annotations, drops kompose labels with a line', () => {
    expect(spec(result, 'vpn-server').labels).toEqual({ team: 'net' });
    expect(spec(result, 'vpn-server').annotations).toEqual({ description: 'A VPN server' });
  });

  it('reports every field it cannot represent with its position and field path', () => {
    const lines = losses(result).map((issue) => `${issue.line}:${issue.col} ${issue.pointer}`);
    expect(lines).toEqual([
      '2:3 /services/vpn_server',
      '6:5 /services/vpn_server/cap_add',
      '7:5 /services/vpn_server/privileged',
      '8:5 /services/vpn_server/security_opt',
      '9:5 /services/vpn_server/labels/kompose.service.type',
      '13:5 /services/vpn_server/container_name',
      '14:5 /services/vpn_server/hostname',
      '15:5 /services/vpn_server/ulimits',
      '16:5 /services/vpn_server/extra_hosts',
      '17:5 /services/vpn_server/logging',
      '18:5 /services/vpn_server/network_mode',
      '19:5 /services/vpn_server/devices',
      '20:5 /services/vpn_server/sysctls',
      '21:5 /services/vpn_server/dns',
      '22:5 /services/vpn_server/pid',
      '23:5 /services/vpn_server/ipc',
      '24:5 /services/vpn_server/platform',
      '27:5 /services/named/user',
      '29:7 /services/named/networks/back',
      '31:3 /networks/back',
    ]);
    for (const issue of losses(result)) {
      expect(issue.file).toBe('compose.yaml');
      expect(issue.hint).toBeTruthy();
    }
  });
});

describe('reachability', () => {
  it('turns shared user-defined networks into allowFrom (callers that do not depend on the service)', () => {
    const result = importCompose(
      [
        'services:',
        '  proxy: { image: nginx, depends_on: [web], networks: [front] }',
        '  web: { image: app, networks: [front, back] }',
        '  db: { image: postgres, networks: [back] }',
        '  admin: { image: adminer, networks: [back] }',
        'networks: { front: {}, back: {} }',
        '',
      ].join('\n'),
    );
    expect(spec(result, 'db').allowFrom).toEqual(['admin', 'web']);
    expect(spec(result, 'web').allowFrom).toEqual(['admin', 'db']);
    // web shares the front network with proxy, so it can call proxy too.
    expect(spec(result, 'proxy').allowFrom).toEqual(['web']);
  });

  it('notes that the default network is narrowed to dependsOn', () => {
    const result = importCompose('services:\n  a: { image: x }\n  b: { image: y }\n');
    expect(result.issues.some((issue) => issue.message.startsWith("On compose's default network"))).toBe(true);
    expect(spec(result, 'a').allowFrom).toBeUndefined();
  });

  it('renames services to DNS labels and follows the rename in references', () => {
    const result = importCompose(
      'services:\n  otel_collector: { image: otel, expose: ["4317"] }\n  app:\n    image: app\n    depends_on: [otel_collector]\n    environment: { OTEL: "http://otel_collector:4317" }\n',
    );
    expect(spec(result, 'app').dependsOn).toEqual(['otel-collector']);
    expect(spec(result, 'app').env).toEqual({ OTEL: 'http://${otel-collector.otlp-grpc}' });
    expect(lossAt(result, '/services/otel_collector')).toEqual(
      expect.objectContaining({ severity: 'warning', line: 2 }),
    );
  });
});

describe('secrets in values', () => {
  it('does not copy a value that embeds a secret-looking variable', () => {
    const result = importCompose(
      'services:\n  api:\n    image: api\n    environment:\n      DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app\n      HOME_DIR: ${HOME_DIR}\n',
      { '.env': 'DB_PASSWORD=hunter2-planted\nHOME_DIR=/srv\n' },
    );
    expect(spec(result, 'api').env).toEqual({
      DATABASE_URL: { secret: 'api-env', key: 'DATABASE_URL' },
      HOME_DIR: '/srv',
    });
    expect(JSON.stringify(result)).not.toContain('hunter2-planted');
    expect(
      result.issues.find((issue) => issue.message.startsWith('services.api.environment.DATABASE_URL'))?.message,
    ).toContain('which holds DB_PASSWORD');
  });

  it('leaves secret-looking entries of env files out of the copy and reads them from a secret', () => {
    const result = importCompose(
      'services:\n  api:\n    image: api\n    env_file: app.env\n    environment:\n      API_TOKEN: literal\n',
      {
        'app.env': 'MODE=prod\nDB_PASSWORD="two\nlines planted"\nAPI_TOKEN=other-planted\n',
      },
    );
    const api = result.services[0]!;
    expect(api.assets).toEqual({
      'app.env':
        'MODE=prod\n# DB_PASSWORD: not copied (it looks like a secret); the spec reads it from secret api-env\n# API_TOKEN: not copied (it looks like a secret); the spec reads it from secret api-env\n',
    });
    // environment wins over env_file in compose: the literal stays.
    expect(api.spec.env).toEqual({ API_TOKEN: 'literal', DB_PASSWORD: { secret: 'api-env', key: 'DB_PASSWORD' } });
    expect(JSON.stringify(result)).not.toContain('planted');
  });
});
