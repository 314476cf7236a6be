import { COMPOSE_KEY_ORDER } from '@twinform/compose';
import { composeOf, errorsOf, generate, serviceOf, yamlOf } from './fixtures';

describe('compose file', () => {
  it('renders the local environment into settings.composeFile, named after the project', () => {
    const result = generate(
      [
        {
          name: 'web',
          image: 'web:1',
          replicas: 3,
          environments: { dev: { replicas: 1 }, prod: { replicas: 5 } },
        },
      ],
      { environments: { dev: { local: true }, prod: {} }, output: { compose: 'compose.yaml' } },
    );
    expect(result.documents[0]?.path).toBe('compose.yaml');
    expect(result.documents[0]?.sources).toEqual(['services/web/service.yaml', 'twinform.yaml']);
    expect(composeOf(result).name).toBe('shop');
    expect(serviceOf(result, 'web').deploy).toEqual({ replicas: 1 });
  });

  it('writes top-level and service keys in COMPOSE_KEY_ORDER and services sorted by name', () => {
    const result = generate([
      {
        name: 'zeta',
        image: 'z:1',
        ports: [{ name: 'http', port: 80 }],
        volumes: [{ name: 'data', mountPath: '/data', size: '1Gi' }],
        secrets: [{ name: 'token' }],
        configs: [{ name: 'conf', mountPath: '/etc/conf', content: 'x' }],
        labels: { team: 'a' },
        user: { uid: 1000 },
        terminationGracePeriodSeconds: 5,
        security: { readOnlyRootFilesystem: true, addCapabilities: ['NET_BIND_SERVICE'] },
        env: { A: '1' },
        command: ['run'],
        args: ['--x'],
        workingDir: '/app',
      },
      { name: 'alpha', image: 'a:1' },
    ]);
    const file = composeOf(result);
    expect(Object.keys(file)).toEqual(['name', 'services', 'networks', 'volumes', 'configs', 'secrets']);
    expect(Object.keys(file.services)).toEqual(['alpha', 'zeta']);
    const keys = Object.keys(file.services.zeta ?? {});
    const order: readonly string[] = COMPOSE_KEY_ORDER.service;
    expect(keys).toEqual([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(keys).toEqual([
      'image',
      'entrypoint',
      'command',
      'working_dir',
      'user',
      'environment',
      'expose',
      'restart',
      'volumes',
      'configs',
      'secrets',
      'networks',
      'labels',
      'stop_grace_period',
      'read_only',
      'cap_drop',
      'cap_add',
      'security_opt',
    ]);
  });
});

describe('image and build', () => {
  it('builds from the service folder with dockerfile, target and sorted args, keeping image', () => {
    const web = serviceOf(
      generate([
        {
          name: 'web',
          image: 'registry.example.com/web:1.2',
          build: { context: 'app', dockerfile: 'Dockerfile.prod', target: 'runtime', args: { Z: 'z', A: 'a$b' } },
        },
      ]),
      'web',
    );
    expect(web.image).toBe('registry.example.com/web:1.2');
    expect(web.build).toEqual({
      context: './services/web/app',
      dockerfile: 'Dockerfile.prod',
      target: 'runtime',
      args: { A: 'a$$b', Z: 'z' },
    });
    expect(Object.keys(web.build?.args ?? {})).toEqual(['A', 'Z']);
  });

  it('resolves the build context relative to a compose file in a subfolder', () => {
    const web = serviceOf(
      generate([{ name: 'web', build: {} }], { output: { compose: 'deploy/compose.yaml' } }),
      'web',
    );
    expect(web.build).toEqual({ context: '../services/web' });
    expect(web.image).toBeUndefined();
  });
});

describe('command, args, working dir, user', () => {
  it('maps command to entrypoint, args to command, and escapes $', () => {
    const web = serviceOf(
      generate([
        {
          name: 'web',
          image: 'web:1',
          command: ['sh', '-c'],
          args: ['echo $HOME'],
          workingDir: '/srv',
          user: { uid: 1000, gid: 2000 },
        },
      ]),
      'web',
    );
    expect(web.entrypoint).toEqual(['sh', '-c']);
    expect(web.command).toEqual(['echo $$HOME']);
    expect(web.working_dir).toBe('/srv');
    expect(web.user).toBe('1000:2000');
  });

  it('defaults the group to the user id', () => {
    expect(serviceOf(generate([{ name: 'web', image: 'web:1', user: { uid: 10001 } }]), 'web').user).toBe(
      '10001:10001',
    );
  });
});

describe('ports', () => {
  const result = generate([
    {
      name: 'web',
      image: 'web:1',
      ports: [
        { name: 'http', port: 3000, expose: 'published' },
        { name: 'admin', port: 9000, expose: 'published', hostPort: 19000 },
        { name: 'dns', port: 53, protocol: 'UDP', expose: 'published', hostPort: 5353 },
        { name: 'metrics', port: 9100 },
        { name: 'gossip', port: 7946, protocol: 'UDP' },
        { name: 'app', port: 8081, expose: 'ingress', hostPort: 18081, ingress: [{ path: '/' }] },
      ],
    },
  ]);

  it('publishes published and ingress ports as "host:container" strings, /udp for UDP', () => {
    expect(serviceOf(result, 'web').ports).toEqual(['3000:3000', '19000:9000', '5353:53/udp', '18081:8081']);
    expect(yamlOf(result)).toContain('- 5353:53/udp\n');
  });

  it('exposes internal ports without publishing them', () => {
    expect(serviceOf(result, 'web').expose).toEqual(['9100', '7946/udp']);
  });

  it('warns when two services publish the same host port', () => {
    const clash = generate([
      { name: 'a', image: 'a:1', ports: [{ name: 'http', port: 8080, expose: 'published' }] },
      { name: 'b', image: 'b:1', ports: [{ name: 'http', port: 80, expose: 'published', hostPort: 8080 }] },
    ]);
    expect(clash.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'duplicate', message: expect.stringContaining('8080/tcp') }),
    );
  });
});

describe('environment', () => {
  const backend = {
    name: 'backend',
    image: 'backend:1',
    ports: [{ name: 'http', port: 3001 }],
  };

  it('sorts literals, renders service references and doubles a literal $', () => {
    const result = generate([
      backend,
      {
        name: 'web',
        image: 'web:1',
        dependsOn: ['backend'],
        env: {
          Z_URL: 'http://${backend.http}/api',
          A_HOST: '${backend.http.host}',
          M_PORT: '${backend.http.port}',
          PRICE: 'costs $$5 or $9',
          COUNT: 3,
          DEBUG: true,
        },
      },
    ]);
    const environment = serviceOf(result, 'web').environment ?? {};
    expect(environment).toEqual({
      A_HOST: 'backend',
      COUNT: '3',
      DEBUG: 'true',
      M_PORT: '3001',
      PRICE: 'costs $$5 or $$9',
      Z_URL: 'http://backend:3001/api',
    });
    expect(Object.keys(environment)).toEqual(['A_HOST', 'COUNT', 'DEBUG', 'M_PORT', 'PRICE', 'Z_URL']);
    expect(errorsOf(result)).toEqual([]);
  });

  it('reports a reference to a missing port as an error with the env pointer', () => {
    const result = generate([backend, { name: 'web', image: 'web:1', env: { URL: '${backend.grpc}' } }]);
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({
        code: 'unresolved-reference',
        file: 'services/web/service.yaml',
        pointer: '/env/URL',
        hint: 'Use one of its ports: http.',
      }),
    ]);
  });

  it('warns when a service refers to one it may not call (no shared network)', () => {
    const result = generate([backend, { name: 'web', image: 'web:1', env: { URL: '${backend.http}' } }]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        pointer: '/env/URL',
        message: expect.stringContaining('share no compose network'),
      }),
    );
  });

  it('reads secret env values from .env with a required-variable error, and git-ignores .env', () => {
    const result = generate([
      {
        name: 'web',
        image: 'web:1',
        env: { DB_PASSWORD: { secret: 'db', key: 'password' }, TOKEN: { secret: 'token' } },
      },
    ]);
    expect(serviceOf(result, 'web').environment).toEqual({
      DB_PASSWORD: '${DB_PASSWORD:?secret db key password is not set: put DB_PASSWORD=... in .env (git-ignored)}',
      TOKEN: '${TOKEN:?secret token key token is not set: put TOKEN=... in .env (git-ignored)}',
    });
    expect(result.gitignore).toEqual(['.env']);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        message:
          'Compose reads secret env values from .env (git-ignored); set: DB_PASSWORD (secret db key password), TOKEN (secret token key token).',
      }),
    );
  });

  it('warns when one .env variable would have to hold two different secrets', () => {
    const result = generate([
      { name: 'a', image: 'a:1', env: { PASSWORD: { secret: 'db', key: 'password' } } },
      { name: 'b', image: 'b:1', env: { PASSWORD: { secret: 'cache', key: 'password' } } },
    ]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'duplicate', pointer: '/env/PASSWORD' }),
    );
  });
});

describe('depends_on', () => {
  it('uses the long form with the mapped conditions, sorted by service', () => {
    const result = generate([
      {
        name: 'db',
        image: 'postgres:16',
        ports: [{ name: 'pg', port: 5432 }],
        health: { readiness: { tcp: { port: 'pg' } } },
      },
      { name: 'cache', image: 'redis:7' },
      { name: 'migrate', image: 'm:1', workload: 'job' },
      {
        name: 'api',
        image: 'api:1',
        dependsOn: [{ service: 'migrate', condition: 'completed' }, { service: 'db', condition: 'healthy' }, 'cache'],
      },
    ]);
    const dependsOn = serviceOf(result, 'api').depends_on ?? {};
    expect(dependsOn).toEqual({
      cache: { condition: 'service_started' },
      db: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
    expect(Object.keys(dependsOn)).toEqual(['cache', 'db', 'migrate']);
    expect(result.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
  });

  it('warns when waiting for health of a service without a healthcheck', () => {
    const result = generate([
      { name: 'db', image: 'postgres:16' },
      { name: 'api', image: 'api:1', dependsOn: [{ service: 'db', condition: 'healthy' }] },
    ]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', file: 'services/api/service.yaml', pointer: '/dependsOn/0' }),
    );
  });
});

describe('restart', () => {
  it('restarts long-running services unless stopped, and never restarts a job', () => {
    const result = generate([
      { name: 'api', image: 'api:1' },
      { name: 'migrate', image: 'm:1', workload: 'job' },
    ]);
    expect(serviceOf(result, 'api').restart).toBe('unless-stopped');
    expect(serviceOf(result, 'migrate').restart).toBe('no');
    expect(yamlOf(result)).toContain('restart: "no"\n');
  });
});

describe('deploy', () => {
  it('converts Kubernetes quantities for limits and reservations, and keeps replicas', () => {
    const result = generate([
      {
        name: 'api',
        image: 'api:1',
        replicas: 2,
        resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: 1, memory: '1Gi' } },
      },
    ]);
    expect(serviceOf(result, 'api').deploy).toEqual({
      replicas: 2,
      resources: { limits: { cpus: '1', memory: '1G' }, reservations: { cpus: '0.25', memory: '256M' } },
    });
  });

  it('reports a value that is not a quantity instead of writing it', () => {
    const result = generate([{ name: 'api', image: 'api:1', resources: { limits: { memory: 'lots' } } }]);
    expect(serviceOf(result, 'api').deploy).toBeUndefined();
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({ code: 'invalid-value', pointer: '/resources/limits/memory' }),
    ]);
  });
});

describe('labels', () => {
  it('writes the spec labels, sorted, with $ doubled', () => {
    const labels = serviceOf(
      generate([{ name: 'api', image: 'api:1', labels: { team: 'core', 'a.b/c': 'x$y' } }]),
      'api',
    ).labels;
    expect(labels).toEqual({ 'a.b/c': 'x$$y', team: 'core' });
    expect(Object.keys(labels ?? {})).toEqual(['a.b/c', 'team']);
  });
});

describe('security', () => {
  it('drops all capabilities and forbids privilege escalation by default (restricted)', () => {
    const api = serviceOf(generate([{ name: 'api', image: 'api:1' }]), 'api');
    expect(api.cap_drop).toEqual(['ALL']);
    expect(api.security_opt).toEqual(['no-new-privileges:true']);
    expect(api.cap_add).toBeUndefined();
    expect(api.read_only).toBeUndefined();
  });

  it('adds back listed capabilities and mounts the root filesystem read-only when asked', () => {
    const api = serviceOf(
      generate([
        {
          name: 'api',
          image: 'api:1',
          security: { readOnlyRootFilesystem: true, addCapabilities: ['NET_BIND_SERVICE', 'CHOWN'] },
        },
      ]),
      'api',
    );
    expect(api.cap_add).toEqual(['CHOWN', 'NET_BIND_SERVICE']);
    expect(api.read_only).toBe(true);
  });

  it('baseline keeps capabilities but still forbids escalation; privileged opts out of both', () => {
    const result = generate([
      { name: 'base', image: 'b:1', security: { profile: 'baseline' } },
      { name: 'priv', image: 'p:1', security: { profile: 'privileged' } },
    ]);
    expect(serviceOf(result, 'base').cap_drop).toBeUndefined();
    expect(serviceOf(result, 'base').security_opt).toEqual(['no-new-privileges:true']);
    expect(serviceOf(result, 'priv').cap_drop).toBeUndefined();
    expect(serviceOf(result, 'priv').security_opt).toBeUndefined();
  });
});

describe('stop_grace_period', () => {
  it('comes from terminationGracePeriodSeconds', () => {
    expect(
      serviceOf(generate([{ name: 'api', image: 'api:1', terminationGracePeriodSeconds: 45 }]), 'api')
        .stop_grace_period,
    ).toBe('45s');
  });
});
