import type { ServiceSpec } from '@twinform/spec';
import { composeOf, errorsOf, generate, projectOf, serviceOf, yamlOf } from './fixtures';
import { toCompose } from '@twinform/compose';

describe('workloads', () => {
  it('job: runs once, and a completed dependency waits for its success', () => {
    const result = generate([
      { name: 'migrate', image: 'm:1', workload: 'job', job: { backoffLimit: 2 } },
      { name: 'api', image: 'api:1', dependsOn: [{ service: 'migrate', condition: 'completed' }] },
    ]);
    expect(serviceOf(result, 'migrate').restart).toBe('no');
    expect(serviceOf(result, 'migrate').deploy).toBeUndefined();
    expect(serviceOf(result, 'api').depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
  });

  it('cronjob: a profile compose does not start by default, the schedule kept as labels, and an info issue', () => {
    const result = generate([
      {
        name: 'report',
        image: 'r:1',
        workload: 'cronjob',
        schedule: { cron: '0 3 * * *', timeZone: 'Europe/Berlin' },
        labels: { team: 'bi' },
      },
    ]);
    const report = serviceOf(result, 'report');
    expect(report.profiles).toEqual(['cronjob']);
    expect(report.restart).toBe('no');
    expect(report.labels).toEqual({
      team: 'bi',
      'twinform.cronjob.schedule': '0 3 * * *',
      'twinform.cronjob.time-zone': 'Europe/Berlin',
    });
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        pointer: '/schedule',
        message: expect.stringContaining('docker compose run --rm report'),
      }),
    );
  });

  it('daemon: one instance that keeps running', () => {
    const agent = serviceOf(generate([{ name: 'agent', image: 'a:1', workload: 'daemon' }]), 'agent');
    expect(agent.deploy).toBeUndefined();
    expect(agent.restart).toBe('unless-stopped');
  });

  it('stateful: persistent volumes become named volumes; more than one replica is a warning', () => {
    const result = generate([
      {
        name: 'db',
        image: 'postgres:16',
        workload: 'stateful',
        replicas: 3,
        volumes: [{ name: 'data', mountPath: '/var/lib/postgresql/data', size: '10Gi', storageClass: 'fast' }],
      },
    ]);
    expect(serviceOf(result, 'db').volumes).toEqual([
      { type: 'volume', source: 'db-data', target: '/var/lib/postgresql/data' },
    ]);
    expect(composeOf(result).volumes).toEqual({ 'db-data': {} });
    expect(result.issues).toContainEqual(expect.objectContaining({ severity: 'warning', pointer: '/replicas' }));
  });
});

describe('volumes', () => {
  const result = generate([
    {
      name: 'app',
      image: 'app:1',
      volumes: [
        { name: 'data', mountPath: '/data', size: '1Gi' },
        { name: 'shared', mountPath: '/srv/shared', size: '1Gi', subPath: 'app', readOnly: true },
        { name: 'scratch', type: 'ephemeral', mountPath: '/scratch' },
        { name: 'cache', type: 'tmpfs', mountPath: '/tmp', size: '64Mi' },
        { name: 'code', type: 'bind', mountPath: '/app/src', source: 'src', readOnly: true },
        { name: 'fixtures', type: 'bind', mountPath: '/fixtures', source: 'test', subPath: 'data' },
      ],
    },
  ]);

  it('maps each type to the long syntax', () => {
    expect(serviceOf(result, 'app').volumes).toEqual([
      { type: 'volume', source: 'app-data', target: '/data' },
      { type: 'volume', source: 'app-shared', target: '/srv/shared', read_only: true, volume: { subpath: 'app' } },
      { type: 'volume', target: '/scratch' },
      { type: 'tmpfs', target: '/tmp', tmpfs: { size: '64M' } },
      { type: 'bind', source: './services/app/src', target: '/app/src', read_only: true },
      { type: 'bind', source: './services/app/test/data', target: '/fixtures' },
    ]);
  });

  it('declares the named volumes at the top level, sorted', () => {
    expect(Object.keys(composeOf(result).volumes ?? {})).toEqual(['app-data', 'app-shared']);
  });

  it('says when an ephemeral size limit cannot be kept', () => {
    const limited = generate([
      { name: 'app', image: 'a:1', volumes: [{ name: 's', type: 'ephemeral', mountPath: '/s', size: '1Gi' }] },
    ]);
    expect(limited.issues).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'loss', pointer: '/volumes/0' }),
    );
  });
});

describe('configs', () => {
  it('declares file and inline configs as <service>-<name> and mounts them with an octal mode', () => {
    const result = generate([
      {
        name: 'web',
        image: 'nginx:1',
        configs: [
          { name: 'site', mountPath: '/etc/nginx/conf.d/default.conf', file: 'nginx/site.conf', mode: '0440' },
          { name: 'motd', mountPath: '/etc/motd', content: 'costs $5\n' },
        ],
      },
    ]);
    expect(composeOf(result).configs).toEqual({
      'web-motd': { content: 'costs $$5\n' },
      'web-site': { file: './services/web/nginx/site.conf' },
    });
    expect(serviceOf(result, 'web').configs).toEqual([
      { source: 'web-site', target: '/etc/nginx/conf.d/default.conf', mode: 0o440 },
      { source: 'web-motd', target: '/etc/motd' },
    ]);
    expect(yamlOf(result)).toContain('mode: 288\n');
  });
});

describe('env files', () => {
  const assets = { 'services/api/config/app.env': '# comment\nLOG_LEVEL=debug\nexport GREETING="hi $USER"\n' };

  it('lists env_file paths relative to the compose file and inlines { config, key } values', () => {
    const result = generate(
      [
        {
          name: 'api',
          image: 'api:1',
          envFiles: ['config/app.env'],
          env: { LEVEL: { config: 'app', key: 'LOG_LEVEL' }, HELLO: { config: 'app', key: 'GREETING' } },
        },
      ],
      {},
      assets,
    );
    const api = serviceOf(result, 'api');
    expect(api.env_file).toEqual(['./services/api/config/app.env']);
    expect(api.environment).toEqual({ HELLO: 'hi $$USER', LEVEL: 'debug' });
    expect(errorsOf(result)).toEqual([]);
  });

  it('reports a missing key with the env pointer', () => {
    const result = generate(
      [{ name: 'api', image: 'api:1', envFiles: ['config/app.env'], env: { X: { config: 'app', key: 'NOPE' } } }],
      {},
      assets,
    );
    expect(errorsOf(result)).toEqual([expect.objectContaining({ code: 'unresolved-reference', pointer: '/env/X' })]);
  });
});

describe('secret files', () => {
  const result = generate([
    {
      name: 'api',
      image: 'api:1',
      secrets: [{ name: 'api-key' }, { name: 'db', key: 'password', mountPath: '/etc/db/password' }],
    },
    { name: 'worker', image: 'w:1', secrets: [{ name: 'api-key' }] },
  ]);

  it('reads each secret from ./secrets/<name> and mounts it at its path', () => {
    expect(composeOf(result).secrets).toEqual({
      'api-key': { file: './secrets/api-key' },
      'db.password': { file: './secrets/db.password' },
    });
    expect(serviceOf(result, 'api').secrets).toEqual([
      { source: 'api-key', target: '/run/secrets/api-key' },
      { source: 'db.password', target: '/etc/db/password' },
    ]);
    expect(serviceOf(result, 'worker').secrets).toEqual([{ source: 'api-key', target: '/run/secrets/api-key' }]);
  });

  it('git-ignores the secrets folder and lists the files to create', () => {
    expect(result.gitignore).toEqual(['secrets/']);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        file: 'twinform.yaml',
        message:
          'Compose reads secret files from git-ignored files; create them before `docker compose up`: secrets/api-key, secrets/db.password.',
      }),
    );
  });

  it('keeps secrets and .env next to a compose file in a subfolder', () => {
    const nested = generate(
      [{ name: 'api', image: 'api:1', secrets: [{ name: 'tls' }], env: { T: { secret: 'tok' } } }],
      { output: { compose: 'deploy/compose.yaml' } },
    );
    expect(composeOf(nested).secrets).toEqual({ tls: { file: './secrets/tls' } });
    expect(nested.gitignore).toEqual(['deploy/.env', 'deploy/secrets/']);
  });
});

describe('autoscaling', () => {
  it('runs minReplicas and says so', () => {
    const result = generate([
      { name: 'api', image: 'api:1', autoscaling: { minReplicas: 2, maxReplicas: 10, cpuUtilization: 70 } },
    ]);
    expect(serviceOf(result, 'api').deploy).toEqual({ replicas: 2 });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'loss', pointer: '/autoscaling' }),
    );
  });
});

describe('networks', () => {
  const result = generate([
    { name: 'db', image: 'postgres:16', ports: [{ name: 'pg', port: 5432 }], allowFrom: ['admin'] },
    {
      name: 'api',
      image: 'api:1',
      ports: [{ name: 'http', port: 3001, expose: 'ingress', ingress: [{ path: '/api' }] }],
      dependsOn: ['db'],
    },
    { name: 'admin', image: 'admin:1' },
    { name: 'web', image: 'web:1', ports: [{ name: 'http', port: 3000, expose: 'ingress', ingress: [{ path: '/' }] }] },
  ]);

  it('gives each service its own network, joined by its callers (dependants, allowFrom, the proxy)', () => {
    expect(serviceOf(result, 'db').networks).toEqual(['db']);
    expect(serviceOf(result, 'api').networks).toEqual(['api', 'db']);
    expect(serviceOf(result, 'admin').networks).toEqual(['admin', 'db']);
    expect(serviceOf(result, 'web').networks).toEqual(['web']);
    expect(serviceOf(result, 'ingress-proxy').networks).toEqual(['api', 'web']);
  });

  it('declares every network at the top level, sorted', () => {
    expect(Object.keys(composeOf(result).networks ?? {})).toEqual(['admin', 'api', 'db', 'web']);
  });

  it('keeps every service on the default network when kubernetes.networkPolicies is false', () => {
    const open = generate(
      [
        { name: 'db', image: 'postgres:16', ports: [{ name: 'pg', port: 5432 }] },
        {
          name: 'api',
          image: 'api:1',
          ports: [{ name: 'http', port: 3001, expose: 'ingress', ingress: [{ path: '/api' }] }],
          env: { DB: 'postgres://${db.pg}/app' },
        },
      ],
      { kubernetes: { networkPolicies: false } },
    );
    expect(composeOf(open).networks).toBeUndefined();
    for (const name of ['db', 'api', 'ingress-proxy']) expect(serviceOf(open, name).networks).toBeUndefined();
    // Without NetworkPolicies any service may call any other: no "may not call" warning.
    expect(open.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
    expect(serviceOf(open, 'api').environment).toEqual({ DB: 'postgres://db:5432/app' });
  });
});

describe('local ingress proxy', () => {
  const specs: ServiceSpec[] = [
    {
      name: 'api',
      image: 'api:1',
      ports: [
        {
          name: 'http',
          port: 3001,
          expose: 'ingress',
          ingress: [{ path: '/api' }, { path: '/api/v1/health', pathType: 'Exact' }],
        },
      ],
    },
    {
      name: 'web',
      image: 'web:1',
      ports: [
        {
          name: 'http',
          port: 3000,
          expose: 'ingress',
          hostPort: 3000,
          ingress: [{ path: '/' }, { host: 'admin.example.com', path: '/' }],
        },
      ],
    },
  ];

  it('adds a pinned nginx that routes the ingress paths, published on the proxy port', () => {
    const result = generate(specs, {
      compose: { proxy: { port: 8000, image: 'nginxinc/nginx-unprivileged:1.27.3-alpine' } },
    });
    expect(serviceOf(result, 'ingress-proxy')).toEqual({
      image: 'nginxinc/nginx-unprivileged:1.27.3-alpine',
      ports: ['8000:8080'],
      depends_on: { api: { condition: 'service_started' }, web: { condition: 'service_started' } },
      restart: 'unless-stopped',
      configs: [{ source: 'ingress-proxy', target: '/etc/nginx/conf.d/default.conf' }],
      networks: ['api', 'web'],
      cap_drop: ['ALL'],
      security_opt: ['no-new-privileges:true'],
    });
    // Ingress ports stay reachable directly too.
    expect(serviceOf(result, 'web').ports).toEqual(['3000:3000']);
    const content = (composeOf(result).configs?.['ingress-proxy'] as { content: string }).content;
    expect(content).toContain(
      '    location = /api {\n        set $$upstream api:3001;\n        proxy_pass http://$$upstream;\n    }\n',
    );
    expect(content).toContain('    location /api/ {\n        set $$upstream api:3001;\n');
    expect(content).toContain('    location = /api/v1/health {\n        set $$upstream api:3001;\n');
    expect(content).toContain('    location / {\n        set $$upstream web:3000;\n');
    expect(content).toContain('    listen 8080;\n    server_name admin.example.com;\n');
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'info', message: expect.stringContaining('admin.example.com') }),
    );
  });

  it('is left out when disabled or when no port is exposed by ingress', () => {
    expect(
      composeOf(generate(specs, { compose: { proxy: { enabled: false } } })).services['ingress-proxy'],
    ).toBeUndefined();
    const plain = composeOf(
      generate([{ name: 'api', image: 'api:1', ports: [{ name: 'http', port: 80, expose: 'published' }] }]),
    );
    expect(plain.services['ingress-proxy']).toBeUndefined();
    expect(plain.configs).toBeUndefined();
  });

  it('refuses a user service that has the proxy name', () => {
    const result = generate([...specs, { name: 'ingress-proxy', image: 'x:1' }]);
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ code: 'duplicate', file: 'services/ingress-proxy/service.yaml' }),
    ]);
  });
});

describe('external services', () => {
  const project = projectOf(
    [
      {
        name: 'db',
        image: 'postgres:16',
        workload: 'stateful',
        ports: [{ name: 'pg', port: 5432 }],
        volumes: [{ name: 'data', mountPath: '/data', size: '1Gi' }],
        environments: { dev: { external: { host: 'db.dev.example.com' } } },
      },
      {
        name: 'api',
        image: 'api:1',
        dependsOn: ['db'],
        env: { DATABASE: 'postgres://${db.pg}/app', DB_HOST: '${db.pg.host}' },
      },
    ],
    { environments: { dev: { local: true }, prod: {} } },
  );
  const result = toCompose(project);

  it('runs no container, renders references with the external host and drops depends_on', () => {
    const file = composeOf(result);
    expect(Object.keys(file.services)).toEqual(['api']);
    expect(file.volumes).toBeUndefined();
    expect(Object.keys(file.networks ?? {})).toEqual(['api']);
    const api = serviceOf(result, 'api');
    expect(api.environment).toEqual({
      DATABASE: 'postgres://db.dev.example.com:5432/app',
      DB_HOST: 'db.dev.example.com',
    });
    expect(api.depends_on).toBeUndefined();
    expect(api.networks).toEqual(['api']);
  });

  it('says so in an info issue pointing at the environment override', () => {
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        file: 'services/db/service.yaml',
        pointer: '/environments/dev/external',
      }),
    );
    expect(errorsOf(result)).toEqual([]);
  });
});

describe('compose patches', () => {
  it('applies RFC 6902 operations to the generated service, last', () => {
    const result = generate([
      {
        name: 'api',
        image: 'api:1',
        labels: { team: 'core' },
        patches: {
          compose: [
            { op: 'add', path: '/labels/tier', value: 'backend' as never },
            { op: 'replace', path: '/restart', value: 'always' as never },
            { op: 'remove', path: '/security_opt' },
          ],
        },
      },
    ]);
    const api = serviceOf(result, 'api');
    expect(api.labels).toEqual({ team: 'core', tier: 'backend' });
    expect(api.restart).toBe('always');
    expect(api.security_opt).toBeUndefined();
    expect(errorsOf(result)).toEqual([]);
  });

  it('reports a failing operation with its spec pointer and leaves the service unpatched', () => {
    const result = generate([
      {
        name: 'api',
        image: 'api:1',
        patches: {
          compose: [
            { op: 'add', path: '/labels', value: { a: 'b' } },
            { op: 'replace', path: '/deploy/replicas', value: 3 as never },
          ],
        },
      },
    ]);
    expect(serviceOf(result, 'api').labels).toBeUndefined();
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({
        code: 'invalid-value',
        file: 'services/api/service.yaml',
        pointer: '/patches/compose/1',
        message: expect.stringContaining('replace /deploy/replicas'),
      }),
    ]);
  });

  it.each([
    [{ op: 'add', path: '', value: 'high' }, 'the string "high"'],
    [{ op: 'remove', path: '' }, 'null'],
    [{ op: 'replace', path: '', value: ['a'] }, 'a list'],
  ])('refuses patches that turn the whole service into something else than a mapping (%j)', (operation, found) => {
    const result = generate([{ name: 'api', image: 'api:1', patches: { compose: [operation as never] } }]);
    expect(serviceOf(result, 'api').image).toBe('api:1');
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({
        code: 'invalid-value',
        file: 'services/api/service.yaml',
        pointer: '/patches/compose',
        message: `Compose patches of service "api" replace the whole service with ${found}; a compose service must stay a mapping.`,
      }),
    ]);
  });

  it('points into the environment override when the patches come from there, and into inline services', () => {
    const project = projectOf([], { environments: { dev: { local: true } } });
    project.services = [
      {
        spec: {
          name: 'api',
          image: 'api:1',
          environments: { dev: { patches: { compose: [{ op: 'test', path: '/image', value: 'other' as never }] } } },
        },
        file: 'twinform.yaml',
        dir: '',
        pointer: '/services/0',
      },
    ];
    expect(errorsOf(toCompose(project))).toEqual([
      expect.objectContaining({ file: 'twinform.yaml', pointer: '/services/0/environments/dev/patches/compose/0' }),
    ]);
  });

  it('does not mutate the input', () => {
    const value = { nested: ['x'] };
    const project = projectOf([
      { name: 'api', image: 'api:1', patches: { compose: [{ op: 'add', path: '/labels', value }] } },
    ]);
    const before = JSON.stringify(project);
    const result = toCompose(project);
    (serviceOf(result, 'api').labels as unknown as { nested: string[] }).nested.push('changed');
    expect(JSON.stringify(project)).toBe(before);
  });
});
