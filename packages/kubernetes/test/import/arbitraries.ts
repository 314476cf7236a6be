import fc from 'fast-check';
import type {
  Config,
  DependsOn,
  EnvValue,
  Health,
  LoadedProject,
  Port,
  Probe,
  ProjectSpec,
  Resources,
  SecretMount,
  ServiceSpec,
  Volume,
  Workload,
} from '@twinform/spec';

/**
 * Random valid projects limited to what the Kubernetes base can carry: no build, no published
 * ports or host ports, no bind volumes, no compose healthcheck override, no environments, no
 * patches, no external services (those live in compose or in overlays only).
 */

const SERVICE_NAMES = ['api', 'web', 'db', 'cache', 'worker', 'jobs'] as const;
const PORT_NAMES = ['http', 'grpc', 'metrics', 'admin'] as const;
const WORKLOADS: Workload[] = ['service', 'service', 'stateful', 'job', 'cronjob', 'daemon'];

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,10}$/);
/** Literal text: no ':' (so it never reads as host:port), and '$' only in forms that stay literal. */
const literal = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9 _./=,@-]{0,16}$/),
  fc.constantFrom('a$b', 'price $5', 'x$(HOME)', '$$', 'yes', '0644', ''),
);
/** Requests stay below limits: the loader rejects a request above its limit. */
const quantity = (unit: 'cpu' | 'memory', side: 'requests' | 'limits') =>
  unit === 'cpu'
    ? side === 'requests'
      ? fc.constantFrom<string | number>('100m', '250m', 0.5)
      : fc.constantFrom<string | number>('1', '2', 1, 1.5)
    : side === 'requests'
      ? fc.constantFrom('64Mi', '128Mi')
      : fc.constantFrom('256Mi', '1Gi');

interface Plan {
  name: string;
  workload: Workload;
  ports: Array<{ name: string; port: number; protocol?: 'UDP'; ingress?: boolean }>;
}

const servicePlans = fc
  .uniqueArray(fc.constantFrom(...SERVICE_NAMES), { minLength: 1, maxLength: 4 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.record({
          name: fc.constant(name),
          workload: fc.constantFrom(...WORKLOADS),
          ports: fc
            .uniqueArray(fc.constantFrom(...PORT_NAMES), { maxLength: 3 })
            .chain((portNames) =>
              fc.tuple(
                ...portNames.map((portName) =>
                  fc.record(
                    {
                      name: fc.constant(portName),
                      port: fc.integer({ min: 1, max: 65535 }),
                      protocol: fc.constant('UDP' as const),
                      ingress: fc.boolean(),
                    },
                    { requiredKeys: ['name', 'port'] },
                  ),
                ),
              ),
            )
            .map((ports) =>
              ports.filter((port, index) => ports.findIndex((other) => other.port === port.port) === index),
            ),
        }),
      ),
    ),
  )
  .map((plans) =>
    plans.map((plan): Plan => ({
      ...plan,
      // jobs answer no requests; UDP ports get no ingress
      ports: (plan.workload === 'job' || plan.workload === 'cronjob' ? [] : plan.ports).map((port) =>
        port.protocol === 'UDP' ? { name: port.name, port: port.port, protocol: 'UDP' as const } : port,
      ),
    })),
  );

function probe(plan: Plan, kind: keyof Health): fc.Arbitrary<Probe> {
  const tcpPorts = plan.ports.filter((port) => port.protocol !== 'UDP');
  const check: Array<fc.Arbitrary<Probe>> = [fc.record({ exec: fc.record({ command: fc.tuple(word, word) }) })];
  if (tcpPorts.length > 0) {
    const port = fc
      .constantFrom(...tcpPorts)
      .chain((chosen) => fc.constantFrom<string | number>(chosen.name, chosen.port));
    check.push(
      fc.record({
        http: fc.record(
          { path: fc.constantFrom('/', '/healthz'), port, scheme: fc.constantFrom('HTTP' as const, 'HTTPS' as const) },
          { requiredKeys: ['port'] },
        ),
      }),
      fc.record({ tcp: fc.record({ port }) }),
      fc.record({ grpc: fc.record({ port, service: word }, { requiredKeys: ['port'] }) }),
    );
  }
  const timing = fc.record(
    {
      initialDelaySeconds: fc.integer({ min: 0, max: 60 }),
      periodSeconds: fc.integer({ min: 1, max: 60 }),
      timeoutSeconds: fc.integer({ min: 1, max: 10 }),
      failureThreshold: fc.integer({ min: 1, max: 10 }),
      ...(kind === 'readiness' ? { successThreshold: fc.integer({ min: 1, max: 3 }) } : {}),
    },
    { requiredKeys: [] },
  );
  return fc.tuple(fc.oneof(...check), timing).map(([probeCheck, probeTiming]) => ({ ...probeCheck, ...probeTiming }));
}

function service(
  plan: Plan,
  plans: Plan[],
  index: number,
): fc.Arbitrary<{ spec: ServiceSpec; assets: Record<string, string> }> {
  const dependencyTargets = plans.slice(index + 1).filter((other) => other.ports.length > 0);
  const isJob = plan.workload === 'job' || plan.workload === 'cronjob';
  const scalable = plan.workload === 'service' || plan.workload === 'stateful';
  const reference = plans.flatMap((other) => other.ports.map((port) => `\${${other.name}.${port.name}}`));
  const envLiteral =
    reference.length > 0
      ? fc.oneof(
          literal,
          fc.constantFrom(...reference).map((ref) => `http://${ref}/x`),
        )
      : literal;
  return fc
    .record(
      {
        image: fc
          .tuple(word, fc.constantFrom('1.0.0', 'latest', '2'))
          .map(([name, tag]) => `registry.example/${name}:${tag}`),
        command: fc.array(word, { minLength: 1, maxLength: 2 }),
        args: fc.array(literal, { maxLength: 2 }),
        workingDir: fc.constantFrom('/app', '/srv'),
        user: fc.record(
          { uid: fc.integer({ min: 1, max: 65000 }), gid: fc.integer({ min: 1, max: 65000 }) },
          { requiredKeys: ['uid'] },
        ),
        env: fc.dictionary(envName, envLiteral, { maxKeys: 3 }),
        secretEnv: fc.option(fc.record({ name: envName, secret: label, key: fc.option(word, { nil: undefined }) }), {
          nil: undefined,
        }),
        envFile: fc.option(fc.dictionary(envName, fc.stringMatching(/^[a-z0-9]{0,6}$/), { minKeys: 1, maxKeys: 2 }), {
          nil: undefined,
        }),
        configs: fc.uniqueArray(
          fc.record({
            name: label,
            file: fc.constantFrom('app.conf', 'settings.json', 'nginx.conf'),
            inline: fc.boolean(),
            // Lines start with a letter: a first line of only spaces does not survive YAML block scalars.
            content: fc.stringMatching(/^([a-z][a-z =]{0,8}\n){0,3}$/),
            mode: fc.option(fc.constantFrom('0644', '0400', '0755'), { nil: undefined }),
          }),
          { maxLength: 2, selector: (config) => config.name },
        ),
        secrets: fc.uniqueArray(
          fc.record({
            name: label,
            key: fc.option(word, { nil: undefined }),
            mountPath: fc.option(fc.constantFrom('/etc/creds/token', '/var/secret'), { nil: undefined }),
          }),
          { maxLength: 2, selector: (secret) => secret.name },
        ),
        volumes: fc.uniqueArray(
          fc.record({
            name: label,
            type: fc.constantFrom('persistent' as const, 'ephemeral' as const, 'tmpfs' as const),
            size: fc.option(fc.constantFrom('1Gi', '512Mi'), { nil: undefined }),
            accessMode: fc.option(fc.constantFrom('ReadWriteOnce' as const, 'ReadWriteMany' as const), {
              nil: undefined,
            }),
            storageClass: fc.option(fc.constantFrom('fast', 'standard'), { nil: undefined }),
            readOnly: fc.option(fc.constant(true), { nil: undefined }),
            subPath: fc.option(fc.constantFrom('data', 'sub/dir'), { nil: undefined }),
          }),
          { maxLength: 2, selector: (volume) => volume.name },
        ),
        liveness: probe(plan, 'liveness'),
        readiness: probe(plan, 'readiness'),
        startup: probe(plan, 'startup'),
        resources: fc.record(
          {
            requests: fc.record(
              { cpu: quantity('cpu', 'requests'), memory: quantity('memory', 'requests') },
              { requiredKeys: [] },
            ),
            limits: fc.record(
              { cpu: quantity('cpu', 'limits'), memory: quantity('memory', 'limits') },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
        replicas: fc.integer({ min: 0, max: 5 }),
        autoscaling: fc.record(
          {
            minReplicas: fc.integer({ min: 1, max: 3 }),
            maxReplicas: fc.integer({ min: 3, max: 10 }),
            cpuUtilization: fc.integer({ min: 10, max: 90 }),
            memoryUtilization: fc.integer({ min: 10, max: 90 }),
          },
          { requiredKeys: ['maxReplicas'] },
        ),
        disruption: fc.oneof(
          fc.constant({ enabled: false }),
          fc.constant({ enabled: true }),
          fc.record({ minAvailable: fc.constantFrom<number | string>(1, '50%') }),
          fc.record({ maxUnavailable: fc.constantFrom<number | string>(2, '25%') }),
        ),
        rollout: fc.record(
          {
            strategy: fc.constantFrom('RollingUpdate' as const, 'Recreate' as const),
            maxSurge: fc.constantFrom<number | string>(1, '25%'),
            maxUnavailable: fc.constantFrom<number | string>(0, '50%'),
          },
          { requiredKeys: [] },
        ),
        terminationGracePeriodSeconds: fc.integer({ min: 0, max: 120 }),
        job: fc.record(
          {
            backoffLimit: fc.integer({ min: 0, max: 6 }),
            completions: fc.integer({ min: 1, max: 3 }),
            parallelism: fc.integer({ min: 1, max: 3 }),
            activeDeadlineSeconds: fc.integer({ min: 1, max: 600 }),
            ttlSecondsAfterFinished: fc.integer({ min: 0, max: 600 }),
          },
          { requiredKeys: [] },
        ),
        schedule: fc.record(
          {
            cron: fc.constantFrom('0 3 * * *', '*/5 * * * *'),
            timeZone: fc.constantFrom('Etc/UTC', 'Europe/Paris'),
            concurrencyPolicy: fc.constantFrom('Allow' as const, 'Forbid' as const, 'Replace' as const),
            successfulJobsHistoryLimit: fc.integer({ min: 0, max: 5 }),
            failedJobsHistoryLimit: fc.integer({ min: 0, max: 5 }),
            suspend: fc.boolean(),
          },
          { requiredKeys: ['cron'] },
        ),
        dependsOn: fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, dependencyTargets.length - 1) }), {
          maxLength: dependencyTargets.length,
        }),
        dependsOnPort: fc.boolean(),
        allowFrom: fc.subarray(plans.filter((other) => other.name !== plan.name).map((other) => other.name)),
        labels: fc.dictionary(fc.constantFrom('team', 'tier', 'example.com/owner'), label, { maxKeys: 2 }),
        annotations: fc.dictionary(fc.constantFrom('example.com/note', 'prometheus.io/scrape'), word, { maxKeys: 2 }),
        security: fc.record(
          {
            profile: fc.constantFrom('restricted' as const, 'baseline' as const, 'privileged' as const),
            readOnlyRootFilesystem: fc.constant(true),
            automountServiceAccountToken: fc.constant(true),
            addCapabilities: fc.constant<string[]>(['NET_BIND_SERVICE']),
          },
          { requiredKeys: [] },
        ),
        ingressHost: fc.constantFrom('shop.example.com', undefined),
        tls: fc.boolean(),
      },
      {
        requiredKeys: [
          'image',
          'env',
          'configs',
          'secrets',
          'volumes',
          'dependsOn',
          'dependsOnPort',
          'allowFrom',
          'labels',
          'annotations',
          'ingressHost',
          'tls',
        ],
      },
    )
    .map((drawn) => {
      const spec: ServiceSpec = { name: plan.name };
      const assets: Record<string, string> = {};
      if (plan.workload !== 'service') spec.workload = plan.workload;
      spec.image = drawn.image;
      if (drawn.command) spec.command = drawn.command;
      if (drawn.args) spec.args = drawn.args;
      if (drawn.workingDir) spec.workingDir = drawn.workingDir;
      if (drawn.user) spec.user = drawn.user;
      if (plan.ports.length > 0) {
        spec.ports = plan.ports.map((planned): Port => {
          const port: Port = { name: planned.name, port: planned.port };
          if (planned.protocol) port.protocol = planned.protocol;
          if (planned.ingress) {
            port.expose = 'ingress';
            const route: NonNullable<Port['ingress']>[0] = { path: `/${plan.name}/${planned.name}` };
            if (drawn.ingressHost) route.host = drawn.ingressHost;
            if (drawn.ingressHost && drawn.tls) route.tlsSecret = `${plan.name}-tls`;
            port.ingress = [route];
          }
          return port;
        });
      }
      const env: Record<string, EnvValue> = { ...drawn.env };
      if (drawn.secretEnv) {
        env[drawn.secretEnv.name] = drawn.secretEnv.key
          ? { secret: drawn.secretEnv.secret, key: drawn.secretEnv.key }
          : { secret: drawn.secretEnv.secret };
      }
      const configNames = new Set(drawn.configs.map((config) => config.name));
      if (drawn.envFile && !configNames.has('settings')) {
        spec.envFiles = ['settings.env'];
        // The pod template's config hash covers the env file text, which a ConfigMap keeps only as
        // sorted KEY=value pairs: files in that form come back byte for byte.
        assets[`services/${plan.name}/settings.env`] = Object.entries(drawn.envFile)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([key, value]) => `${key}=${value}\n`)
          .join('');
        const firstKey = Object.keys(drawn.envFile)[0] as string;
        env.FROM_CONFIG = { config: 'settings', key: firstKey };
      }
      if (Object.keys(env).length > 0) spec.env = env;
      const files = new Set<string>();
      const configs = drawn.configs
        .filter((config) => !files.has(config.file) && files.add(config.file))
        .map((config): Config => {
          const result: Config = { name: config.name, mountPath: `/etc/${plan.name}/${config.file}` };
          if (config.inline) result.content = config.content;
          else {
            result.file = config.file;
            assets[`services/${plan.name}/${config.file}`] = config.content;
          }
          if (config.mode) result.mode = config.mode;
          return result;
        });
      if (configs.length > 0) spec.configs = configs;
      if (drawn.secrets.length > 0) {
        spec.secrets = drawn.secrets.map((secret, secretIndex): SecretMount => {
          const result: SecretMount = { name: secret.name };
          if (secret.key) result.key = secret.key;
          if (secret.mountPath) result.mountPath = `${secret.mountPath}${secretIndex}`;
          return result;
        });
      }
      const volumes = drawn.volumes.map((volume, volumeIndex): Volume => {
        const result: Volume = {
          name: `v${volumeIndex}-${volume.name}`.slice(0, 63),
          mountPath: `/data/${volumeIndex}`,
          type: volume.type,
        };
        if (volume.type === 'persistent') {
          result.size = volume.size ?? '1Gi';
          if (volume.accessMode) result.accessMode = volume.accessMode;
          if (volume.storageClass) result.storageClass = volume.storageClass;
        } else if (volume.size) result.size = volume.size;
        if (volume.readOnly) result.readOnly = true;
        if (volume.subPath) result.subPath = volume.subPath;
        return result;
      });
      if (volumes.length > 0) spec.volumes = volumes;
      const health: Health = {};
      if (drawn.liveness) health.liveness = drawn.liveness;
      if (drawn.readiness) health.readiness = drawn.readiness;
      if (drawn.startup) health.startup = drawn.startup;
      if (Object.keys(health).length > 0) spec.health = health;
      if (drawn.resources && Object.keys(drawn.resources).length > 0) spec.resources = drawn.resources as Resources;
      if (scalable) {
        if (drawn.autoscaling) spec.autoscaling = drawn.autoscaling;
        else if (drawn.replicas !== undefined) spec.replicas = drawn.replicas;
        if (drawn.disruption) spec.disruption = drawn.disruption;
      }
      if (drawn.rollout && !isJob) {
        if (plan.workload === 'stateful') spec.rollout = { strategy: 'RollingUpdate' };
        else if (plan.workload === 'daemon' || drawn.rollout.strategy !== 'Recreate') {
          const { strategy: _strategy, ...rest } = drawn.rollout;
          spec.rollout = { strategy: 'RollingUpdate', ...rest };
        } else spec.rollout = { strategy: 'Recreate' };
      }
      if (drawn.terminationGracePeriodSeconds !== undefined)
        spec.terminationGracePeriodSeconds = drawn.terminationGracePeriodSeconds;
      if (isJob && drawn.job) spec.job = drawn.job;
      if (plan.workload === 'cronjob') spec.schedule = drawn.schedule ?? { cron: '0 3 * * *' };
      const dependsOn: DependsOn = drawn.dependsOn
        .filter((target) => target < dependencyTargets.length)
        .map((target) => {
          const dependency = dependencyTargets[target] as Plan;
          const port = drawn.dependsOnPort ? dependency.ports[dependency.ports.length - 1] : undefined;
          // 'started': the spec allows 'healthy' only when the dependency has a health check
          return port
            ? { service: dependency.name, condition: 'started' as const, port: port.name }
            : { service: dependency.name, condition: 'started' as const };
        });
      if (dependsOn.length > 0) spec.dependsOn = dependsOn;
      if (drawn.allowFrom.length > 0) spec.allowFrom = drawn.allowFrom;
      if (Object.keys(drawn.labels).length > 0) spec.labels = drawn.labels;
      if (Object.keys(drawn.annotations).length > 0) spec.annotations = drawn.annotations;
      if (drawn.security) spec.security = drawn.security;
      return { spec, assets };
    });
}

export const projectSpecs: fc.Arbitrary<ProjectSpec> = fc.record(
  {
    name: fc.constantFrom('shop', 'gov-app'),
    namespace: fc.constantFrom('shop', 'prod-apps'),
    kubernetes: fc.record(
      {
        waitImage: fc.constant('busybox:1.36.1'),
        ingressClassName: fc.constant('nginx'),
        ingressControllerNamespace: fc.constant('ingress-system'),
        networkPolicies: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    secretStore: fc.record({
      name: fc.constant('vault'),
      kind: fc.constant('SecretStore' as const),
      refreshInterval: fc.constant('5m'),
    }),
  },
  { requiredKeys: ['name'] },
);

/** A whole project as the loader would return it. */
export const loadedProjects: fc.Arbitrary<LoadedProject> = fc
  .tuple(projectSpecs, servicePlans)
  .chain(([project, plans]) =>
    fc.tuple(fc.constant(project), fc.tuple(...plans.map((plan, index) => service(plan, plans, index)))),
  )
  .map(([project, services]) => ({
    projectFile: 'twinform.yaml',
    project,
    services: services
      .map(({ spec }) => ({
        spec,
        file: `services/${spec.name}/service.yaml`,
        dir: `services/${spec.name}`,
        pointer: '',
      }))
      .sort((a, b) => (a.spec.name < b.spec.name ? -1 : 1)),
    assets: Object.assign({}, ...services.map(({ assets }) => assets)) as Record<string, string>,
  }));
