import { BACKEND, PROJECT_FILE, errorsOf, load, loadWeb, onlyError, onlyWarning, warningsOf } from './helpers';

/** A valid service 'web' plus extra lines (appended at line 3 onwards). */
const web = (body: string): string => `name: web\nimage: nginx:1.27\n${body}`;

describe('service names', () => {
  test('must be DNS-1035 labels, with a suggestion', () => {
    const result = load({ 'services/web/service.yaml': 'name: Web_App\nimage: nginx:1.27\n' });
    expect(onlyError(result)).toBe(
      "services/web/service.yaml:1:7 name: service name 'Web_App' is not a DNS-1035 label (hint: use lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (it names a Kubernetes Service and the host other services call), e.g. 'web-app')",
    );
  });

  test('at most 52 characters, and the message says why', () => {
    const name = `a${'b'.repeat(52)}`;
    const result = load({ [`services/${name}/service.yaml`]: `name: ${name}\nimage: nginx:1.27\n` });
    const error = onlyError(result);
    expect(error).toContain(
      `services/${name}/service.yaml:1:7 name: service name '${name}' is 53 characters long; the limit is 52`,
    );
    expect(error).toContain("a CronJob names its Jobs '<name>-<11 digits>'");
  });

  test('unique across files, naming both places', () => {
    const result = load({
      'services/backend/service.yaml': BACKEND,
      'services/backend-copy/service.yaml': 'description: copy\nname: backend\nimage: x:1\n',
    });
    expect(onlyError(result)).toBe(
      "services/backend/service.yaml:1:7 name: service name 'backend' is already used at services/backend-copy/service.yaml:2:7 (hint: service names must be unique across all service files and twinform.yaml: rename one of them)",
    );
  });

  test('unique between a service file and an inline service', () => {
    const result = load({
      'twinform.yaml': `${PROJECT_FILE}services:\n  - name: backend\n    image: x:1\n`,
      'services/backend/service.yaml': BACKEND,
    });
    expect(onlyError(result)).toContain(
      "twinform.yaml:8:11 services[0].name: service name 'backend' is already used at services/backend/service.yaml:1:7",
    );
  });

  test('a service whose folder has another name is a warning', () => {
    const result = load({ 'services/api/service.yaml': BACKEND });
    expect(result.errors).toEqual([]);
    expect(onlyWarning(result)).toBe(
      "services/api/service.yaml:1:7 name: service 'backend' is defined in the folder 'services/api' (hint: rename the folder to 'services/backend' or the service to 'api', so each spec sits in the folder named after it)",
    );
  });
});

describe('image and build', () => {
  test('one of them is required', () => {
    expect(onlyError(loadWeb('name: web\nreplicas: 1\n'))).toBe(
      "services/web/service.yaml:1:1 service 'web' has neither image nor build (hint: add image: <registry>/<name>:<tag> to run an image, or build: { context: . } to build one locally)",
    );
  });

  test('build alone is enough (image optional)', () => {
    expect(errorsOf(loadWeb('name: web\nbuild: { context: . }\n'))).toEqual([]);
  });

  test('build context must stay inside the project', () => {
    expect(onlyError(loadWeb('name: web\nbuild: { context: ../../.. }\n'))).toBe(
      "services/web/service.yaml:2:19 build.context: build context '../../..' leaves the project root (hint: keep referenced files inside the project (generated files must not depend on files outside it))",
    );
  });
});

describe('ports', () => {
  test.each([
    ['http_main', "port name 'http_main' is not a valid port name", "e.g. 'http-main'"],
    ['a-very-long-port-name', "port name 'a-very-long-port-name' is not a valid port name", 'at most 15'],
    ['8080', "port name '8080' is not a valid port name", 'at least one letter'],
    ['web--ui', "port name 'web--ui' is not a valid port name", "no '--'"],
    ['-http', "port name '-http' is not a valid port name", "e.g. 'http'"],
  ])('port name %s must be an IANA service name', (name, message, hint) => {
    const error = onlyError(loadWeb(web(`ports:\n  - name: "${name}"\n    port: 80\n`)));
    expect(error).toContain(`services/web/service.yaml:4:11 ports[0].name: ${message}`);
    expect(error).toContain(hint);
  });

  test('port names are unique per service', () => {
    expect(onlyError(loadWeb(web('ports:\n  - name: http\n    port: 80\n  - name: http\n    port: 81\n')))).toBe(
      "services/web/service.yaml:6:11 ports[1].name: port name 'http' is also used by ports[0] (hint: give each port its own name: probes, ingress routes and references find ports by name)",
    );
  });

  test('port numbers are unique per protocol', () => {
    const spec = web(
      'ports:\n  - name: dns\n    port: 53\n  - name: dns-udp\n    port: 53\n    protocol: UDP\n  - name: dns2\n    port: 53\n',
    );
    expect(onlyError(loadWeb(spec))).toBe(
      "services/web/service.yaml:10:11 ports[2].port: port 53/TCP is also declared by ports[0] ('dns') (hint: a container port can be declared once per protocol: remove one entry or change its number)",
    );
  });

  test('expose ingress needs routes', () => {
    expect(onlyError(loadWeb(web('ports:\n  - name: http\n    port: 80\n    expose: ingress\n')))).toBe(
      "services/web/service.yaml:6:13 ports[0].expose: port 'http' is exposed by ingress but has no ingress routes (hint: add ingress: [{ host: app.example.com, path: / }], or set expose: published or internal)",
    );
  });

  test('routes need expose ingress', () => {
    expect(onlyError(loadWeb(web('ports:\n  - name: http\n    port: 80\n    ingress:\n      - path: /\n')))).toBe(
      "services/web/service.yaml:7:7 ports[0].ingress: port 'http' has ingress routes but expose is internal (hint: set expose: ingress to route them, or remove ingress)",
    );
  });

  const ingressPort = (route: string): string =>
    web(`ports:\n  - name: http\n    port: 80\n    expose: ingress\n    ingress:\n      - ${route}\n`);

  test("a route path starts with '/'", () => {
    expect(onlyError(loadWeb(ingressPort('path: shop')))).toBe(
      "services/web/service.yaml:8:15 ports[0].ingress[0].path: ingress path 'shop' does not start with '/' (hint: write '/shop')",
    );
  });

  test('tlsSecret requires host', () => {
    expect(onlyError(loadWeb(ingressPort('{ path: /shop, tlsSecret: shop-tls }')))).toBe(
      'services/web/service.yaml:8:35 ports[0].ingress[0].tlsSecret: tlsSecret needs a host (hint: add host: the certificate in the TLS Secret is issued for a host name)',
    );
  });

  test('a route host is a lowercase DNS name', () => {
    expect(onlyError(loadWeb(ingressPort('{ host: Shop.Example.com, path: /shop }')))).toBe(
      "services/web/service.yaml:8:17 ports[0].ingress[0].host: ingress host 'Shop.Example.com' is not a valid host name (hint: write a lowercase DNS name such as app.example.com (a leading *. is allowed): 'shop.example.com')",
    );
  });

  test('host+path pairs are unique across services, naming both', () => {
    expect(onlyError(loadWeb(ingressPort('{ host: shop.example.com, path: /api }')))).toBe(
      "services/web/service.yaml:8:9 ports[0].ingress[0]: ingress route shop.example.com /api is also routed to service 'backend' at services/backend/service.yaml:8:9 (hint: each host and path can lead to one port: change the path or the host of one route)",
    );
    expect(errorsOf(loadWeb(ingressPort('{ host: shop.example.com, path: /shop }')))).toEqual([]);
  });

  test('a host port is published once', () => {
    const spec = web('ports:\n  - name: http\n    port: 80\n    expose: published\n    hostPort: 3001\n');
    const result = load({
      'services/web/service.yaml': spec,
      'services/api/service.yaml':
        'name: api\nimage: x:1\nports:\n  - name: http\n    port: 3001\n    expose: published\n',
    });
    expect(errorsOf(result)).toEqual([
      'services/web/service.yaml:7:15 ports[0].hostPort: host port 3001/TCP is also published at services/api/service.yaml:4:5 (hint: compose cannot publish one host port twice: set a different hostPort)',
    ]);
  });
});

describe('health probes', () => {
  const withPort = (health: string): string => web(`ports:\n  - name: http\n    port: 8080\nhealth:\n${health}`);

  test('reference an existing port by name or number', () => {
    expect(
      errorsOf(loadWeb(withPort('  readiness:\n    http: { port: http }\n  liveness:\n    tcp: { port: 8080 }\n'))),
    ).toEqual([]);
    expect(onlyError(loadWeb(withPort('  readiness:\n    http: { port: htp }\n')))).toBe(
      "services/web/service.yaml:8:19 health.readiness.http.port: the readiness probe uses port 'htp', which this service does not declare (hint: did you mean 'http'?)",
    );
    expect(onlyError(loadWeb(withPort('  liveness:\n    tcp: { port: 9090 }\n')))).toBe(
      'services/web/service.yaml:8:18 health.liveness.tcp.port: the liveness probe uses port 9090, which this service does not declare (hint: ports of this service: http (8080))',
    );
  });

  test('have exactly one of http, tcp, exec, grpc', () => {
    expect(onlyError(loadWeb(withPort('  readiness:\n    periodSeconds: 5\n')))).toBe(
      'services/web/service.yaml:8:5 health.readiness: the readiness probe has no check (hint: add exactly one of http, tcp, exec or grpc)',
    );
    expect(
      onlyError(loadWeb(withPort("  startup:\n    http: { port: http }\n    exec: { command: ['true'] }\n"))),
    ).toBe(
      'services/web/service.yaml:9:5 health.startup.exec: the startup probe has http and exec (hint: keep exactly one check per probe)',
    );
  });
});

describe('dependsOn and allowFrom', () => {
  test('targets exist, with a did-you-mean', () => {
    expect(onlyError(loadWeb(web('dependsOn: [bakend]\n')))).toBe(
      "services/web/service.yaml:3:13 dependsOn[0]: depends on 'bakend', which is not a service of this project (hint: did you mean 'backend'?)",
    );
  });

  test('no self-dependency', () => {
    expect(onlyError(loadWeb(web('dependsOn:\n  - service: web\n')))).toBe(
      "services/web/service.yaml:4:14 dependsOn[0].service: service 'web' depends on itself (hint: remove this dependsOn entry)",
    );
  });

  test('no cycle; the cycle path is reported once', () => {
    const result = load({
      'services/a/service.yaml': 'name: a\nimage: a:1\ndependsOn: [b]\n',
      'services/b/service.yaml': 'name: b\nimage: b:1\ndependsOn: [c]\n',
      'services/c/service.yaml': 'name: c\nimage: c:1\ndependsOn: [d, a]\n',
      'services/d/service.yaml': 'name: d\nimage: d:1\n',
    });
    expect(onlyError(result)).toBe(
      'services/a/service.yaml:3:13 dependsOn[0]: dependency cycle: a → b → c → a (hint: remove one of these dependsOn entries: each service would wait for the other forever)',
    );
  });

  test('dependsOn.port exists on the target', () => {
    expect(onlyError(loadWeb(web('dependsOn:\n  - { service: backend, port: htp }\n')))).toBe(
      "services/web/service.yaml:4:31 dependsOn[0].port: 'backend' has no port named 'htp' (hint: did you mean 'http'?)",
    );
  });

  test('condition completed only for job targets', () => {
    expect(onlyError(loadWeb(web('dependsOn:\n  - { service: backend, condition: completed }\n')))).toBe(
      "services/web/service.yaml:4:36 dependsOn[0].condition: condition completed needs a job, but 'backend' is a service (hint: use condition healthy or started, or make 'backend' a workload: job)",
    );
    const migrate = 'name: migrate\nimage: x:1\nworkload: job\n';
    expect(
      errorsOf(
        loadWeb(web('dependsOn:\n  - { service: migrate, condition: completed }\n'), {
          'services/migrate/service.yaml': migrate,
        }),
      ),
    ).toEqual([]);
  });

  test('condition healthy needs a health check on the target', () => {
    const plain = 'name: cache\nimage: redis:7\n';
    expect(
      onlyError(
        loadWeb(web('dependsOn:\n  - { service: cache, condition: healthy }\n'), {
          'services/cache/service.yaml': plain,
        }),
      ),
    ).toBe(
      "services/web/service.yaml:4:34 dependsOn[0].condition: condition healthy needs a health check on 'cache', and it has none (hint: add health.readiness to 'cache' (compose waits for its healthcheck), or use condition started)",
    );
  });

  test('allowFrom targets exist', () => {
    expect(onlyError(loadWeb(web('allowFrom: [backend, frontend]\n')))).toBe(
      "services/web/service.yaml:3:22 allowFrom[1]: allowFrom names 'frontend', which is not a service of this project (hint: services in this project: backend, web)",
    );
  });

  test('a reference to a service whose own spec is invalid is not reported twice', () => {
    const result = loadWeb(web('dependsOn: [broken]\nenv:\n  URL: http://${broken.http}\n'), {
      'services/broken/service.yaml': 'name: broken\nimage: 5\n',
    });
    expect(errorsOf(result)).toEqual([
      'services/broken/service.yaml:2:8 image: expected a string, found the number 5 (hint: put the value in quotes: "5")',
    ]);
  });
});

describe('env', () => {
  test('${service.port} references name an existing service and port', () => {
    expect(onlyError(loadWeb(web('env:\n  API: http://${backnd.http}/v1\n')))).toBe(
      "services/web/service.yaml:4:8 env.API: API refers to ${backnd.http}, but there is no service 'backnd' (hint: did you mean 'backend'?)",
    );
    expect(onlyError(loadWeb(web('env:\n  API: http://${backend.3001}\n')))).toBe(
      "services/web/service.yaml:4:8 env.API: API refers to ${backend.3001}, but service 'backend' has no port named '3001' (hint: use the port's name: http)",
    );
    expect(errorsOf(loadWeb(web('env:\n  API: http://${backend.http}\n  HOST: ${backend.http.host}\n')))).toEqual([]);
  });

  test('a ${...} that is not a service reference is a warning', () => {
    expect(onlyWarning(loadWeb(web('env:\n  HOME_DIR: ${HOME}/app\n  COST: $$5 and $${LITERAL}\n')))).toBe(
      "services/web/service.yaml:4:13 env.HOME_DIR: '${HOME}' in HOME_DIR is not a service reference and stays literal text (hint: reference a service as ${service.port} (lowercase, e.g. ${backend.http}); write $${ for a literal '${')",
    );
  });

  test.each([
    ['"A=B"', 'env["A=B"]'],
    ['"MY VAR"', 'env["MY VAR"]'],
    ['""', 'env[""]'],
  ])('variable name %s is refused', (name, path) => {
    const error = onlyError(loadWeb(web(`env:\n  ${name}: x\n`)));
    expect(error).toContain(`services/web/service.yaml:4:3 ${path}: env variable name`);
    expect(error).toContain("must not be empty or contain '=', spaces or control characters");
  });

  test('{config,key} names one of the envFiles, and the key exists', () => {
    const files = { 'services/web/config/app.env': '# settings\nLOG_LEVEL=info\nexport PORT=8080\n' };
    const spec = (value: string): string => web(`envFiles: [config/app.env]\nenv:\n  LEVEL: ${value}\n`);
    expect(errorsOf(loadWeb(spec('{ config: app, key: PORT }'), files))).toEqual([]);
    expect(onlyError(loadWeb(spec('{ config: ap, key: PORT }'), files))).toBe(
      "services/web/service.yaml:5:20 env.LEVEL.config: config 'ap' is not one of this service's envFiles (hint: did you mean 'app'?)",
    );
    expect(onlyError(loadWeb(spec('{ config: app, key: LOG_LEVL }'), files))).toBe(
      "services/web/service.yaml:5:30 env.LEVEL.key: key 'LOG_LEVL' is not in services/web/config/app.env (hint: did you mean 'LOG_LEVEL'?)",
    );
  });

  test('a missing env file is reported where it is listed', () => {
    expect(onlyError(loadWeb(web('envFiles: [app.env]\n')))).toBe(
      'services/web/service.yaml:3:12 envFiles[0]: env file services/web/app.env cannot be read (no such file) (hint: create it, or fix the path (relative to services/web))',
    );
  });

  test('secret names are DNS-1123 subdomains', () => {
    expect(onlyError(loadWeb(web('env:\n  DB_PASSWORD: { secret: DB_Password }\n')))).toBe(
      "services/web/service.yaml:4:26 env.DB_PASSWORD.secret: secret name 'DB_Password' is not valid (hint: use lowercase letters, digits, '-' and '.' (a Kubernetes Secret name), e.g. 'db-password')",
    );
  });

  test('a literal value under a secret-looking name is a warning suggesting a secret', () => {
    const result = loadWeb(
      web(
        'env:\n  DB_PASSWORD: hunter2\n  STRIPE_API_KEY: 12345\n  TOKEN_TTL: "3600"\n  EMPTY_SECRET: ""\n  AUTH_TOKEN: ${backend.http}\n',
      ),
    );
    expect(result.errors).toEqual([]);
    expect(warningsOf(result)).toEqual([
      'services/web/service.yaml:4:16 env.DB_PASSWORD: DB_PASSWORD looks like a secret but has a literal value, which would be committed in docker-compose.yml and the manifests (hint: read it from a secret: DB_PASSWORD: { secret: db-password })',
      'services/web/service.yaml:5:19 env.STRIPE_API_KEY: STRIPE_API_KEY looks like a secret but has a literal value, which would be committed in docker-compose.yml and the manifests (hint: read it from a secret: STRIPE_API_KEY: { secret: stripe-api-key })',
    ]);
  });
});

describe('configs, secrets, volumes', () => {
  test('config names are DNS-1123 labels', () => {
    expect(
      onlyError(loadWeb(web('configs:\n  - { name: App_Conf, content: x, mountPath: /etc/app.conf }\n'))),
    ).toContain("services/web/service.yaml:4:13 configs[0].name: config name 'App_Conf' is not a DNS-1123 label");
  });

  test('a config has exactly one of file and content', () => {
    expect(onlyError(loadWeb(web('configs:\n  - { name: app, mountPath: /etc/app.conf }\n')))).toBe(
      "services/web/service.yaml:4:5 configs[0]: config 'app' has neither file nor content (hint: add file: <path next to the spec>, or content: | with the text)",
    );
    const both = web('configs:\n  - { name: app, file: app.conf, content: x, mountPath: /etc/app.conf }\n');
    expect(onlyError(loadWeb(both, { 'services/web/app.conf': 'x' }))).toBe(
      "services/web/service.yaml:4:43 configs[0].content: config 'app' has both file and content (hint: keep exactly one of them)",
    );
  });

  test('a config file must exist and stay inside the project', () => {
    expect(onlyError(loadWeb(web('configs:\n  - { name: app, file: app.conf, mountPath: /etc/app.conf }\n')))).toBe(
      'services/web/service.yaml:4:24 configs[0].file: config file services/web/app.conf cannot be read (no such file) (hint: create it, or fix the path (relative to services/web))',
    );
    expect(
      onlyError(loadWeb(web('configs:\n  - { name: app, file: ../../../etc/passwd, mountPath: /etc/app.conf }\n'))),
    ).toBe(
      "services/web/service.yaml:4:24 configs[0].file: config file: '../../../etc/passwd' leaves the project root (hint: keep referenced files inside the project (generated files must not depend on files outside it))",
    );
    expect(
      onlyError(loadWeb(web('configs:\n  - { name: app, file: /etc/passwd, mountPath: /etc/app.conf }\n'))),
    ).toContain("configs[0].file: config file: '/etc/passwd' is an absolute path");
  });

  test('a config file inside the project is read into assets, resolved against the service folder', () => {
    const result = loadWeb(web('configs:\n  - { name: app, file: ../shared/app.conf, mountPath: /etc/app.conf }\n'), {
      'services/shared/app.conf': 'key = value\n',
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.value?.assets).toEqual({ 'services/shared/app.conf': 'key = value\n' });
  });

  test('mount paths are absolute and unique per service', () => {
    expect(onlyError(loadWeb(web('volumes:\n  - { name: tmp, type: ephemeral, mountPath: tmp }\n')))).toBe(
      "services/web/service.yaml:4:46 volumes[0].mountPath: mountPath 'tmp' is not absolute (hint: write the full path in the container, e.g. '/tmp')",
    );
    const clash = web(
      'secrets:\n  - { name: db-password }\nvolumes:\n  - { name: tmp, type: ephemeral, mountPath: /run/secrets/db-password }\n',
    );
    expect(onlyError(loadWeb(clash))).toBe(
      "services/web/service.yaml:6:46 volumes[0].mountPath: mountPath '/run/secrets/db-password' is also used by secrets[0] (hint: mount each file or volume at its own path)",
    );
  });

  test('persistent volumes need a size, bind volumes a source', () => {
    expect(onlyError(loadWeb(web('volumes:\n  - { name: data, mountPath: /data }\n')))).toBe(
      "services/web/service.yaml:4:5 volumes[0]: persistent volume 'data' needs a size (hint: add size: 1Gi (the claim's storage request), or set type: ephemeral for scratch space)",
    );
    expect(onlyError(loadWeb(web('volumes:\n  - { name: src, type: bind, mountPath: /src }\n')))).toBe(
      "services/web/service.yaml:4:5 volumes[0]: bind volume 'src' needs a source (hint: add source: <folder relative to the spec file>)",
    );
  });

  test('volume sizes are quantities', () => {
    expect(onlyError(loadWeb(web('volumes:\n  - { name: data, mountPath: /data, size: 10GB }\n')))).toBe(
      "services/web/service.yaml:4:43 volumes[0].size: size '10GB' is not a Kubernetes quantity (hint: use 10G or 10Gi)",
    );
  });
});

describe('resources', () => {
  test("'512MB' is an error with the fix", () => {
    expect(onlyError(loadWeb(web('resources:\n  limits: { memory: 512MB }\n')))).toBe(
      "services/web/service.yaml:4:21 resources.limits.memory: memory '512MB' is not a Kubernetes quantity (hint: use 512M or 512Mi)",
    );
  });

  test('cpu accepts 250m, 1 and 0.5, and refuses other forms', () => {
    expect(
      errorsOf(
        loadWeb(web("resources:\n  requests: { cpu: 250m, memory: 128Mi }\n  limits: { cpu: '1', memory: 1Gi }\n")),
      ),
    ).toEqual([]);
    expect(errorsOf(loadWeb(web('resources:\n  limits: { cpu: 0.5 }\n')))).toEqual([]);
    expect(onlyError(loadWeb(web('resources:\n  limits: { cpu: 2 cores }\n')))).toBe(
      "services/web/service.yaml:4:18 resources.limits.cpu: cpu '2 cores' is not a CPU amount (hint: write cores as '250m' (a quarter core), '1' or 0.5)",
    );
  });

  test('requests must not exceed limits', () => {
    expect(onlyError(loadWeb(web('resources:\n  requests: { memory: 1Gi }\n  limits: { memory: 512Mi }\n')))).toBe(
      'services/web/service.yaml:4:23 resources.requests.memory: requests.memory 1Gi is more than limits.memory 512Mi (hint: Kubernetes rejects a request above its limit: lower the request or raise the limit)',
    );
  });
});

describe('scaling and workloads', () => {
  test('replicas and autoscaling not both', () => {
    expect(onlyError(loadWeb(web('replicas: 2\nautoscaling: { maxReplicas: 5 }\n')))).toBe(
      'services/web/service.yaml:4:14 autoscaling: replicas and autoscaling are both set (hint: remove replicas: the HorizontalPodAutoscaler sets the count (compose runs minReplicas))',
    );
  });

  test('autoscaling min ≤ max', () => {
    expect(onlyError(loadWeb(web('autoscaling: { minReplicas: 5, maxReplicas: 3 }\n')))).toBe(
      'services/web/service.yaml:3:29 autoscaling.minReplicas: minReplicas 5 is more than maxReplicas 3 (hint: make minReplicas at most maxReplicas)',
    );
  });

  test('a cronjob requires a schedule; a schedule requires a cronjob', () => {
    expect(onlyError(loadWeb(web('workload: cronjob\n')))).toBe(
      "services/web/service.yaml:3:11 workload: a cronjob needs a schedule (hint: add schedule: { cron: '0 3 * * *' })",
    );
    expect(onlyError(loadWeb(web("schedule: { cron: '0 3 * * *' }\n")))).toBe(
      'services/web/service.yaml:3:11 schedule: schedule is only used by workload cronjob, and this service is a service (hint: set workload: cronjob, or remove schedule)',
    );
    expect(
      errorsOf(loadWeb(web("workload: cronjob\nschedule: { cron: '0 3 * * *' }\njob: { backoffLimit: 2 }\n"))),
    ).toEqual([]);
  });

  test('job settings only for job and cronjob', () => {
    expect(onlyError(loadWeb(web('job: { backoffLimit: 2 }\n')))).toBe(
      'services/web/service.yaml:3:6 job: job settings are only used by workloads job and cronjob, and this service is a service (hint: set workload: job or cronjob, or remove job)',
    );
  });
});

describe('labels', () => {
  test('label keys and values follow Kubernetes rules', () => {
    const errors = errorsOf(loadWeb(web('labels:\n  "team/": x\n  tier: "front end"\n')));
    expect(errors).toEqual([
      "services/web/service.yaml:4:3 labels[\"team/\"]: label key 'team/' is not valid (hint: use an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)",
      "services/web/service.yaml:5:9 labels.tier: label value 'front end' is not valid (hint: use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (or an annotation for free text))",
    ]);
  });
});

describe('the project file', () => {
  test('project name, namespace and environment names are DNS-1123 labels', () => {
    const result = load({ 'twinform.yaml': 'name: My Shop\nnamespace: Shop_NS\nenvironments:\n  Prod: {}\n' });
    expect(errorsOf(result)).toEqual([
      "twinform.yaml:1:7 name: project name 'My Shop' is not a DNS-1123 label (hint: use at most 63 lowercase letters, digits and '-' (it becomes the compose project name and a label value), e.g. 'my-shop')",
      "twinform.yaml:2:12 namespace: namespace 'Shop_NS' is not a DNS-1123 label (hint: use at most 63 lowercase letters, digits and '-' (a Kubernetes namespace), e.g. 'shop-ns')",
      "twinform.yaml:4:3 environments.Prod: environment name 'Prod' is not a DNS-1123 label (hint: use lowercase letters, digits and '-' (it names the overlay folder k8s/overlays/<name>), e.g. 'prod')",
    ]);
  });

  test('at most one environment is local', () => {
    const result = load({
      'twinform.yaml': 'name: shop\nenvironments:\n  dev: { local: true }\n  test: { local: true }\n',
    });
    expect(onlyError(result)).toBe(
      "twinform.yaml:4:18 environments.test.local: environments 'dev' and 'test' are both marked local (first at twinform.yaml:3:17) (hint: docker-compose.yml renders one environment: keep local: true on one of them)",
    );
  });

  test('output paths stay inside the project', () => {
    expect(onlyError(load({ 'twinform.yaml': 'name: shop\noutput:\n  kubernetes: ../deploy\n' }))).toBe(
      "twinform.yaml:3:15 output.kubernetes: '../deploy' leaves the project root (hint: keep referenced files inside the project (generated files must not depend on files outside it))",
    );
  });

  test('an invalid project file does not turn every override into a second error', () => {
    const result = load({
      'twinform.yaml': 'name: shop\nenvironments: [dev, prod]\n',
      'services/web/service.yaml': web('environments:\n  prod:\n    replicas: 2\n'),
    });
    expect(onlyError(result)).toBe(
      'twinform.yaml:2:15 environments: expected a mapping, found a list (hint: write a mapping ("key: value" lines), not a list ("- item" lines): Environments, keyed by name (DNS-1123 label))',
    );
  });

  test('service environment overrides must name declared environments', () => {
    expect(onlyError(loadWeb(web('environments:\n  prd:\n    replicas: 2\n')))).toBe(
      "services/web/service.yaml:4:3 environments.prd: environment 'prd' is not declared in twinform.yaml (hint: did you mean 'prod'?; declare new environments under environments: in twinform.yaml)",
    );
  });
});

describe('gaps the Kubernetes generator used to find (now reported with their place)', () => {
  test('a persistent volume without a size is an error', () => {
    expect(errorsOf(loadWeb(web('volumes:\n  - name: data\n    mountPath: /data\n')))).toEqual([
      expect.stringMatching(/^services\/web\/service\.yaml:4:5 volumes\[0\]: persistent volume 'data' needs a size/),
    ]);
  });

  test('a dependsOn target listed twice', () => {
    expect(onlyError(loadWeb(web('dependsOn: [backend, { service: backend }]\n')))).toBe(
      "services/web/service.yaml:3:33 dependsOn[1].service: 'backend' is listed twice in dependsOn (hint: keep one entry per service)",
    );
  });

  test('disruption takes one of minAvailable and maxUnavailable, each a count or a percentage', () => {
    expect(onlyError(loadWeb(web('replicas: 3\ndisruption:\n  minAvailable: 2\n  maxUnavailable: 1\n')))).toBe(
      'services/web/service.yaml:6:3 disruption.maxUnavailable: disruption sets both minAvailable and maxUnavailable (hint: a PodDisruptionBudget takes one of them: keep minAvailable (pods that must stay up) or maxUnavailable (pods that may be down))',
    );
    expect(errorsOf(loadWeb(web('replicas: 3\ndisruption:\n  maxUnavailable: half\n')))).toEqual([
      expect.stringContaining(
        `services/web/service.yaml:5:19 disruption.maxUnavailable: disruption.maxUnavailable "half" is neither a pod count nor a percentage`,
      ),
    ]);
    expect(errorsOf(loadWeb(web('replicas: 3\ndisruption:\n  minAvailable: -1\n')))).toHaveLength(1);
    expect(errorsOf(loadWeb(web('replicas: 3\ndisruption:\n  minAvailable: 101%\n')))).toHaveLength(1);
    expect(loadWeb(web('replicas: 3\ndisruption:\n  minAvailable: 50%\n')).errors).toEqual([]);
    expect(loadWeb(web('replicas: 3\ndisruption:\n  maxUnavailable: 0\n')).errors).toEqual([]);
  });

  test('a config and an env file of one service that would be the same ConfigMap', () => {
    const result = loadWeb(
      web('configs:\n  - name: app\n    content: x\n    mountPath: /etc/app\nenvFiles: [app.env]\n'),
      { 'services/web/app.env': 'A=1\n' },
    );
    expect(onlyError(result)).toBe(
      "services/web/service.yaml:7:12 envFiles[0]: env file 'app.env' and configs[0] would both be the ConfigMap 'web-app' (hint: rename the config or the env file: a config named 'app' and an env file named app.env both become that ConfigMap)",
    );
  });

  test("ConfigMaps of two services whose '<service>-<config>' names collide", () => {
    const result = load({
      'services/web/service.yaml': web('configs:\n  - name: cache-a\n    content: x\n    mountPath: /etc/a\n'),
      'services/web-cache/service.yaml': 'name: web-cache\nimage: redis:7\nenvFiles: [a.env]\n',
      'services/web-cache/a.env': 'A=1\n',
    });
    expect(onlyError(result)).toBe(
      "services/web/service.yaml:4:11 configs[0].name: this would be the ConfigMap 'web-cache-a', which service 'web-cache' also makes at services/web-cache/service.yaml:3:12 (hint: ConfigMaps are named '<service>-<config>': rename one of the configs (or env files))",
    );
  });
});

describe('patches', () => {
  const patched = (patches: string): string => web(`patches:\n${patches}`);

  test.each([
    [
      'kubernetes add',
      '  kubernetes:\n    - kind: Deployment\n      ops:\n        - { op: add, path: "", value: high }\n',
      '7:28',
      'patch op add has the empty path "", which replaces the whole of Deployment \'web\'',
    ],
    [
      'kubernetes remove',
      '  kubernetes:\n    - kind: Deployment\n      ops:\n        - { op: remove, path: "" }\n',
      '7:31',
      'patch op remove has the empty path "", which removes the whole of Deployment \'web\'',
    ],
    [
      'compose replace',
      '  compose:\n    - { op: replace, path: "", value: {} }\n',
      '5:28',
      'patch op replace has the empty path "", which replaces the whole of the compose service',
    ],
    [
      'compose remove',
      '  compose:\n    - { op: remove, path: "" }\n',
      '5:27',
      'patch op remove has the empty path "", which removes the whole of the compose service',
    ],
  ])('an empty path (%s) is refused at the path, with a hint', (_name, patches, position, message) => {
    const error = onlyError(loadWeb(patched(patches)));
    expect(error).toContain(`services/web/service.yaml:${position} `);
    expect(error).toContain(message);
    expect(error).toMatch(/\(hint: a patch changes one field: point at it, e\.g\. \/(spec|deploy)\/replicas/);
  });

  test('pointers must be JSON pointers, and each op needs its operand', () => {
    const errors = errorsOf(
      loadWeb(
        patched(
          '  compose:\n    - { op: add, path: deploy/replicas, value: 2 }\n    - { op: add, path: /labels/a }\n    - { op: copy, path: /labels/b }\n    - { op: move, from: "", path: /x }\n    - { op: remove, path: "/a~2b" }\n',
        ),
      ),
    );
    expect(errors).toEqual([
      expect.stringContaining("5:24 patches.compose[0].path: patch path 'deploy/replicas' is not a JSON pointer"),
      expect.stringContaining('6:7 patches.compose[1]: patch op add needs a value'),
      expect.stringContaining('7:7 patches.compose[2]: patch op copy needs from'),
      expect.stringContaining('8:25 patches.compose[3].from: patch op move has the empty from ""'),
      expect.stringContaining("9:27 patches.compose[4].path: patch path '/a~2b' is not a JSON pointer"),
    ]);
  });

  test('a Kubernetes patch may not remove or change what identifies the object', () => {
    const ops = [
      '{ op: remove, path: /metadata/name }',
      '{ op: replace, path: /metadata/name, value: other }',
      '{ op: replace, path: /kind, value: StatefulSet }',
      '{ op: move, from: /apiVersion, path: /x }',
      '{ op: replace, path: /metadata, value: { labels: { a: b } } }',
      '{ op: copy, from: /spec, path: /metadata }',
      '{ op: add, path: /apiVersion, value: "" }',
    ];
    const errors = errorsOf(
      loadWeb(
        patched(`  kubernetes:\n    - kind: Deployment\n      ops:\n${ops.map((op) => `        - ${op}\n`).join('')}`),
      ),
    );
    expect(errors.map((error) => error.replace(/ \(hint: .*\)$/, ''))).toEqual([
      "services/web/service.yaml:7:31 patches.kubernetes[0].ops[0].path: patch op remove takes metadata.name away from Deployment 'web'",
      "services/web/service.yaml:8:55 patches.kubernetes[0].ops[1].value: patch op replace of metadata.name would rename Deployment 'web'",
      "services/web/service.yaml:9:46 patches.kubernetes[0].ops[2].value: patch op replace of kind would turn Deployment 'web' into a StatefulSet",
      "services/web/service.yaml:10:29 patches.kubernetes[0].ops[3].from: patch op move takes apiVersion away from Deployment 'web'",
      "services/web/service.yaml:11:50 patches.kubernetes[0].ops[4].value: patch op replace of metadata would replace the metadata of Deployment 'web' with metadata without its name",
      "services/web/service.yaml:12:42 patches.kubernetes[0].ops[5].path: patch op copy overwrites metadata of Deployment 'web'",
      "services/web/service.yaml:13:48 patches.kubernetes[0].ops[6].value: patch op add of apiVersion would leave Deployment 'web' without an apiVersion",
    ]);
    expect(errors[0]).toContain(
      '(hint: kustomize overlays and the other generated objects find it by its apiVersion, kind and name',
    );
  });

  test('patches of other fields, and identity kept as it is, pass', () => {
    const result = loadWeb(
      patched(
        '  compose:\n    - { op: add, path: /labels/team, value: a }\n  kubernetes:\n    - kind: Deployment\n      ops:\n        - { op: add, path: /spec/template/spec/priorityClassName, value: high }\n        - { op: replace, path: /metadata/name, value: web }\n        - { op: test, path: /kind, value: Deployment }\n        - { op: add, path: /metadata/annotations, value: null }\n',
      ),
    );
    expect(result.errors).toEqual([]);
  });

  test('patches in an environment override are checked where they are written', () => {
    expect(
      onlyError(
        loadWeb(web('environments:\n  prod:\n    patches:\n      compose:\n        - { op: remove, path: "" }\n')),
      ),
    ).toContain(
      'services/web/service.yaml:7:31 environment prod: environments.prod.patches.compose[0].path: patch op remove',
    );
  });
});
