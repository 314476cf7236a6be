/**
 * fast-check arbitraries of random VALID twinform projects (project file + service specs + the
 * env and config files they reference), for round-trip properties of the importers:
 * generate → import → compare. Shared by the compose and the Kubernetes importer tests.
 *
 * Every project produced passes the spec loader (the round-trip tests assert it). Values are in
 * the spec's canonical form where the spec allows several spellings of one thing (quantities in
 * binary units and millicores, probe timings different from the Kubernetes defaults, config modes
 * as '0ddd', port names as import assigns them), so a faithful importer can give them back exactly.
 */
import fc from 'fast-check';
import type { LoadedProject, Port, Probe, ProjectSpec, ServiceSpec, Volume } from '@twinform/spec';
import { orderServiceSpec, toYaml } from '@twinform/spec';
import { portNames } from '../../src/import';

export interface GeneratedService {
  spec: ServiceSpec;
  /** Files next to service.yaml (env files, config files), keyed by path relative to the service folder. */
  assets: Record<string, string>;
}

export interface GeneratedProject {
  project: ProjectSpec;
  /** Sorted by name. */
  services: GeneratedService[];
}

export interface ProjectArbitraryOptions {
  /** At most this many services (default 4). */
  maxServices?: number;
  /** Include env values read from an env file entry ({ config, key }) (default true). */
  configEnv?: boolean;
  /** Include `${svc.port.host}` / `${svc.port.port}` references (default false: compose renders them like literals). */
  partReferences?: boolean;
}

const NAMES = ['api', 'web', 'db', 'cache', 'worker', 'queue', 'auth', 'search'];
const PORT_POOL = [80, 443, 3000, 5432, 6379, 8000, 8081, 9000, 9090, 1234, 4317, 53, 27017];
const IMAGES = ['nginx:1.27.3-alpine', 'postgres:16.4-alpine', 'redis:7.4', 'ghcr.io/acme/app:1.2.3', 'busybox:1.37.0'];
const LITERALS = [
  'hello',
  'two words',
  'price: $$5',
  'a=b',
  '',
  'true',
  '8080',
  'x_y-z',
  '$${HOME}/data',
  'quote "it"',
];
const PATHS = ['/', '/health', '/api/v1', '/ready?full=1'];
const CPUS = ['100m', '250m', '500m', '1', '1500m', '2'];
const MEMORY = ['64Mi', '128Mi', '256Mi', '512Mi', '1Gi', '2Gi'];
const LABEL_KEYS = ['team', 'tier', 'app.example.com/owner'];
const LABEL_VALUES = ['core', 'frontend', 'platform-2'];
const CRONS = ['0 3 * * *', '*/5 * * * *', '@hourly'];
const ENV_NAMES = ['LOG_LEVEL', 'MODE', 'GREETING', 'PATH_PREFIX', 'URL', 'BACKEND', 'DB_PASSWORD', 'API_TOKEN'];

/** Independent choices for one service; cross-service references are resolved afterwards. */
interface Shape {
  workload: 'service' | 'job' | 'cronjob' | 'daemon' | 'stateful';
  image: number;
  build: false | { context: '.' | 'app'; dockerfile: boolean; target: boolean; args: boolean };
  command: string[] | undefined;
  args: string[] | undefined;
  workingDir: boolean;
  user: { uid: number; gid?: number } | undefined;
  ports: Array<{ port: number; udp: boolean; expose: 'internal' | 'published' | 'ingress'; hostPort: boolean }>;
  env: Array<{ name: number; literal: number }>;
  envFile: boolean;
  config: false | { file: boolean; mode: boolean };
  secret: false | { key: boolean; mountPath: boolean };
  volumes: Array<{
    type: 'persistent' | 'ephemeral' | 'tmpfs' | 'bind';
    readOnly: boolean;
    size: boolean;
    subPath: boolean;
  }>;
  health:
    | false
    | { kind: 'http' | 'tcp' | 'exec' | 'grpc'; timing: number[]; https: boolean; path: number; alsoLiveness: boolean };
  healthNone: boolean;
  resources: false | { cpu: number; memory: number; requests: boolean };
  replicas: number;
  autoscaling: boolean;
  grace: number | undefined;
  labels: number[];
  annotation: boolean;
  readOnlyRoot: boolean;
  netBind: boolean;
}

const shapeArbitrary: fc.Arbitrary<Shape> = fc.record({
  workload: fc.constantFrom('service', 'service', 'service', 'job', 'cronjob', 'daemon', 'stateful'),
  image: fc.nat({ max: IMAGES.length - 1 }),
  build: fc.option(
    fc.record({
      context: fc.constantFrom('.' as const, 'app' as const),
      dockerfile: fc.boolean(),
      target: fc.boolean(),
      args: fc.boolean(),
    }),
    { nil: false as const, freq: 3 },
  ),
  command: fc.option(fc.constantFrom(['node', 'server.js'], ['sh', '-c', 'echo $$HOME && run'], ['/app/start']), {
    nil: undefined,
  }),
  args: fc.option(fc.constantFrom(['--port', '8080'], ['--verbose'], ['run', 'price: $$1']), { nil: undefined }),
  workingDir: fc.boolean(),
  user: fc.option(
    fc.oneof(
      fc.record({ uid: fc.integer({ min: 1, max: 65000 }) }),
      fc.record({ uid: fc.integer({ min: 1, max: 65000 }), gid: fc.integer({ min: 1, max: 65000 }) }),
    ),
    { nil: undefined },
  ),
  ports: fc.uniqueArray(
    fc.record({
      port: fc.constantFrom(...PORT_POOL),
      udp: fc.boolean(),
      expose: fc.constantFrom('internal' as const, 'published' as const, 'ingress' as const),
      hostPort: fc.boolean(),
    }),
    { maxLength: 3, selector: (port) => port.port },
  ),
  env: fc.uniqueArray(
    fc.record({ name: fc.nat({ max: ENV_NAMES.length - 1 }), literal: fc.nat({ max: LITERALS.length - 1 }) }),
    {
      maxLength: 4,
      selector: (entry) => entry.name,
    },
  ),
  envFile: fc.boolean(),
  config: fc.option(fc.record({ file: fc.boolean(), mode: fc.boolean() }), { nil: false as const }),
  secret: fc.option(fc.record({ key: fc.boolean(), mountPath: fc.boolean() }), { nil: false as const }),
  volumes: fc.array(
    fc.record({
      type: fc.constantFrom('persistent' as const, 'ephemeral' as const, 'tmpfs' as const, 'bind' as const),
      readOnly: fc.boolean(),
      size: fc.boolean(),
      subPath: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  health: fc.option(
    fc.record({
      kind: fc.constantFrom('http' as const, 'tcp' as const, 'exec' as const, 'grpc' as const),
      timing: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
      https: fc.boolean(),
      path: fc.nat({ max: PATHS.length - 1 }),
      alsoLiveness: fc.boolean(),
    }),
    { nil: false as const },
  ),
  healthNone: fc.boolean(),
  resources: fc.option(
    fc.record({
      cpu: fc.nat({ max: CPUS.length - 1 }),
      memory: fc.nat({ max: MEMORY.length - 1 }),
      requests: fc.boolean(),
    }),
    {
      nil: false as const,
    },
  ),
  replicas: fc.integer({ min: 1, max: 3 }),
  autoscaling: fc.boolean(),
  grace: fc.option(fc.constantFrom(5, 30, 90), { nil: undefined }),
  labels: fc.uniqueArray(fc.nat({ max: LABEL_KEYS.length - 1 }), { maxLength: 2 }),
  annotation: fc.boolean(),
  readOnlyRoot: fc.boolean(),
  netBind: fc.boolean(),
});

/** Random valid projects. */
export function projectArbitrary(options: ProjectArbitraryOptions = {}): fc.Arbitrary<GeneratedProject> {
  const maxServices = options.maxServices ?? 4;
  return fc
    .tuple(
      fc.shuffledSubarray(NAMES, { minLength: 1, maxLength: maxServices }),
      fc.array(shapeArbitrary, { minLength: maxServices, maxLength: maxServices }),
      fc.array(fc.nat({ max: 1000 }), { minLength: 128, maxLength: 128 }),
    )
    .map(([names, shapes, dice]) => build(names, shapes, dice, options));
}

/** A deterministic stream of small choices, so cross-service decisions stay shrinkable data. */
class Dice {
  private index = 0;
  constructor(private readonly values: number[]) {}
  pick(count: number): number {
    const value = this.values[this.index % this.values.length]!;
    this.index += 1;
    return count <= 0 ? 0 : value % count;
  }
  chance(percent: number): boolean {
    return this.pick(100) < percent;
  }
}

interface Draft {
  spec: ServiceSpec;
  shape: Shape;
  assets: Record<string, string>;
}

function build(names: string[], shapes: Shape[], values: number[], options: ProjectArbitraryOptions): GeneratedProject {
  const dice = new Dice(values);
  const usedHostPorts = new Set<number>([8080]);
  let nextHostPort = 20000;
  const drafts: Draft[] = names.map((name, index) =>
    draftService(name, shapes[index]!, dice, usedHostPorts, () => nextHostPort++),
  );
  // Cross-service references: dependencies only on earlier services (no cycles).
  drafts.forEach((draft, index) => {
    const earlier = drafts.slice(0, index);
    const dependsOn: NonNullable<ServiceSpec['dependsOn']> = [];
    for (const target of earlier) {
      if (!dice.chance(45)) continue;
      const health = target.spec.health;
      const healthy =
        Boolean(health?.readiness ?? health?.liveness ?? health?.startup) && health?.compose === undefined;
      const choice = dice.pick(3);
      if (choice === 1 && healthy) dependsOn.push({ service: target.spec.name, condition: 'healthy' });
      else if (choice === 2 && target.spec.workload === 'job')
        dependsOn.push({ service: target.spec.name, condition: 'completed' });
      else dependsOn.push(target.spec.name);
    }
    if (dependsOn.length > 0) {
      draft.spec.dependsOn = dependsOn.sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
    }
  });
  drafts.forEach((draft) => {
    const others = drafts.filter((other) => other !== draft && !dependsOnName(other.spec, draft.spec.name));
    const allowFrom = others.filter(() => dice.chance(25)).map((other) => other.spec.name);
    if (allowFrom.length > 0) draft.spec.allowFrom = allowFrom.sort();
    // Env references to another service's port (rendered host:port in both targets).
    const targets = drafts.flatMap((other) =>
      (other.spec.ports ?? []).filter((port) => port.protocol !== 'UDP').map((port) => ({ other, port })),
    );
    if (targets.length > 0 && dice.chance(50)) {
      const { other, port } = targets[dice.pick(targets.length)]!;
      const env = (draft.spec.env ??= {});
      const part = options.partReferences && dice.chance(30) ? (dice.chance(50) ? '.host' : '.port') : '';
      env.BACKEND_URL = `http://\${${other.spec.name}.${port.name}${part}}/v1`;
      draft.spec.env = sortedRecord(env);
    }
  });
  const routes = new Set<string>();
  for (const draft of drafts) {
    for (const port of draft.spec.ports ?? []) {
      if (port.expose !== 'ingress') continue;
      const route: NonNullable<Port['ingress']>[number] = {};
      if (dice.chance(50)) route.host = dice.chance(20) ? '*.apps.example.com' : `${draft.spec.name}.example.com`;
      const path = ['/', `/${draft.spec.name}`, `/${draft.spec.name}/${port.name}`][dice.pick(3)]!;
      if (path !== '/') route.path = path;
      if (dice.chance(25)) route.pathType = 'Exact';
      if (route.host !== undefined && !route.host.startsWith('*') && dice.chance(30))
        route.tlsSecret = `${draft.spec.name}-tls`;
      const key = `${route.host ?? ''} ${route.path ?? '/'}`;
      if (routes.has(key)) {
        route.path = `/${draft.spec.name}-${port.name}`;
      }
      routes.add(`${route.host ?? ''} ${route.path ?? '/'}`);
      port.ingress = [route];
    }
  }
  const project: ProjectSpec = { name: 'shop' };
  if (options.configEnv !== false) {
    for (const draft of drafts) {
      const envFile = draft.spec.envFiles?.[0];
      if (envFile !== undefined && dice.chance(40)) {
        draft.spec.env = sortedRecord({ ...(draft.spec.env ?? {}), FROM_FILE: { config: 'app', key: 'GREETING' } });
      }
    }
  }
  const services = drafts
    .map((draft) => ({ spec: ordered(draft.spec), assets: draft.assets }))
    .sort((a, b) => a.spec.name.localeCompare(b.spec.name));
  return { project, services };
}

const nameOf = (entry: NonNullable<ServiceSpec['dependsOn']>[number]): string =>
  typeof entry === 'string' ? entry : entry.service;
const dependsOnName = (spec: ServiceSpec, name: string): boolean =>
  (spec.dependsOn ?? []).some((entry) => nameOf(entry) === name);

function sortedRecord<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function draftService(
  name: string,
  shape: Shape,
  dice: Dice,
  usedHostPorts: Set<number>,
  nextHostPort: () => number,
): Draft {
  const spec: ServiceSpec = { name };
  const assets: Record<string, string> = {};
  if (shape.workload !== 'service') spec.workload = shape.workload;
  if (shape.workload === 'cronjob')
    spec.schedule = dice.chance(30)
      ? { cron: CRONS[dice.pick(CRONS.length)]!, timeZone: 'Europe/Berlin' }
      : { cron: CRONS[dice.pick(CRONS.length)]! };
  if (shape.build) {
    const build: NonNullable<ServiceSpec['build']> = {};
    if (shape.build.context !== '.') build.context = shape.build.context;
    if (shape.build.dockerfile) build.dockerfile = 'Dockerfile.prod';
    if (shape.build.target) build.target = 'runtime';
    if (shape.build.args) build.args = { NODE_ENV: 'production', VERSION: '1.2.$$3' };
    spec.build = build;
    if (dice.chance(50)) spec.image = IMAGES[shape.image]!;
  } else {
    spec.image = IMAGES[shape.image]!;
  }
  if (shape.command) spec.command = shape.command;
  if (shape.args) spec.args = shape.args;
  if (shape.workingDir) spec.workingDir = '/srv/app';
  if (shape.user)
    spec.user =
      shape.user.gid === undefined || shape.user.gid === shape.user.uid ? { uid: shape.user.uid } : shape.user;

  // Ports: published and ingress first (compose lists them under ports, internal ones under expose).
  const ingressCapable = shape.workload === 'service' || shape.workload === 'stateful' || shape.workload === 'daemon';
  const portShapes = shape.ports
    .map((port) => ({
      ...port,
      udp: port.expose === 'ingress' ? false : port.udp && port.port !== 80 && port.port !== 443,
    }))
    .map((port) => ({
      ...port,
      expose: port.expose === 'ingress' && !ingressCapable ? ('published' as const) : port.expose,
    }))
    .sort((a, b) => Number(a.expose === 'internal') - Number(b.expose === 'internal'));
  const names = portNames(
    portShapes.map((port) => ({ port: port.port, protocol: port.udp ? ('udp' as const) : ('tcp' as const) })),
  );
  const ports: Port[] = portShapes.map((shapePort, index) => {
    const port: Port = { name: names[index]!, port: shapePort.port };
    if (shapePort.udp) port.protocol = 'UDP';
    if (shapePort.expose !== 'internal') {
      port.expose = shapePort.expose;
      let hostPort = shapePort.hostPort ? nextHostPort() : shapePort.port;
      if (usedHostPorts.has(hostPort)) hostPort = nextHostPort();
      usedHostPorts.add(hostPort);
      if (hostPort !== shapePort.port) port.hostPort = hostPort;
    }
    return port;
  });
  if (ports.length > 0) spec.ports = ports;

  const env: NonNullable<ServiceSpec['env']> = {};
  for (const entry of shape.env) {
    const variable = ENV_NAMES[entry.name]!;
    if (variable === 'DB_PASSWORD' || variable === 'API_TOKEN') {
      env[variable] = dice.chance(50)
        ? { secret: `${name}-creds` }
        : { secret: `${name}-creds`, key: variable.toLowerCase() };
    } else env[variable] = LITERALS[entry.literal]!;
  }
  if (Object.keys(env).length > 0) spec.env = sortedRecord(env);
  if (shape.envFile) {
    spec.envFiles = ['app.env'];
    assets['app.env'] = 'GREETING=hello world\nCOLOR=blue\n';
  }
  if (shape.config) {
    const config: NonNullable<ServiceSpec['configs']>[number] = {
      name: 'settings',
      mountPath: '/etc/app/settings.conf',
    };
    if (shape.config.file) {
      config.file = 'config/settings.conf';
      assets['config/settings.conf'] = `# settings of ${name}\nlisten = 8080\ncost = $$3\n`;
    } else config.content = `mode = fast\nprice = $$4\n`;
    if (shape.config.mode) config.mode = '0440';
    spec.configs = [config];
  }
  if (shape.secret) {
    const secret: NonNullable<ServiceSpec['secrets']>[number] = { name: `${name}-tls` };
    if (shape.secret.key) secret.key = 'tls.key';
    if (shape.secret.mountPath) secret.mountPath = '/etc/tls/private.key';
    spec.secrets = [secret];
  }
  const volumes: Volume[] = [];
  shape.volumes.forEach((shapeVolume, index) => {
    const type =
      shapeVolume.type === 'persistent' && (shape.workload === 'job' || shape.workload === 'cronjob')
        ? 'ephemeral'
        : shapeVolume.type;
    const volume: Volume = {
      name: `${type === 'bind' ? 'src' : type === 'tmpfs' ? 'scratch' : 'data'}${index}`,
      mountPath: `/mnt/${type}${index}`,
    };
    if (type !== 'persistent') volume.type = type;
    if (type === 'persistent') volume.size = shapeVolume.size ? '5Gi' : '1Gi';
    if (type === 'tmpfs' && shapeVolume.size) volume.size = '64Mi';
    if (type === 'bind') volume.source = dice.chance(50) ? 'data' : '.';
    if (shapeVolume.readOnly) volume.readOnly = true;
    if (shapeVolume.subPath && type === 'persistent') volume.subPath = 'sub';
    volumes.push(volume);
  });
  if (volumes.length > 0) spec.volumes = volumes;

  if (shape.healthNone && !shape.health) spec.health = { compose: ['NONE'] };
  if (shape.health) {
    const tcpPorts = ports.filter((port) => port.protocol !== 'UDP');
    const kind = shape.health.kind !== 'exec' && tcpPorts.length === 0 ? 'exec' : shape.health.kind;
    const port = tcpPorts[0]?.name ?? '';
    const probe: Probe = {};
    if (kind === 'http')
      probe.http = shape.health.https
        ? { path: PATHS[shape.health.path]!, port, scheme: 'HTTPS' }
        : { path: PATHS[shape.health.path]!, port };
    else if (kind === 'tcp') probe.tcp = { port };
    else if (kind === 'grpc') probe.grpc = dice.chance(50) ? { port } : { port, service: 'health.v1' };
    else probe.exec = { command: ['sh', '-c', 'test -f /tmp/ready && echo $$OK'] };
    const [delay, period, timeout, failures] = shape.health.timing as [number, number, number, number];
    if (delay > 0) probe.initialDelaySeconds = delay * 5;
    if (period > 0) probe.periodSeconds = [5, 15, 20, 30][period - 1]!;
    if (timeout > 0) probe.timeoutSeconds = timeout + 1;
    if (failures > 0) probe.failureThreshold = [1, 2, 5, 10][failures - 1]!;
    spec.health = shape.health.alsoLiveness
      ? { liveness: { ...probe, periodSeconds: 60 }, readiness: probe }
      : { readiness: probe };
  }
  if (shape.resources) {
    const limits = { cpu: CPUS[shape.resources.cpu]!, memory: MEMORY[shape.resources.memory]! };
    spec.resources = shape.resources.requests
      ? {
          requests: {
            cpu: CPUS[Math.max(0, shape.resources.cpu - 1)]!,
            memory: MEMORY[Math.max(0, shape.resources.memory - 1)]!,
          },
          limits,
        }
      : { limits };
  }
  if (shape.workload === 'service' || shape.workload === 'stateful') {
    if (shape.autoscaling)
      spec.autoscaling = { minReplicas: shape.replicas, maxReplicas: shape.replicas + 2, cpuUtilization: 70 };
    else if (shape.replicas > 1) spec.replicas = shape.replicas;
  }
  if (shape.grace !== undefined) spec.terminationGracePeriodSeconds = shape.grace;
  if (shape.labels.length > 0)
    spec.labels = sortedRecord(
      Object.fromEntries(shape.labels.map((index) => [LABEL_KEYS[index]!, LABEL_VALUES[index]!])),
    );
  if (shape.annotation) spec.annotations = { 'example.com/docs': 'https://example.com/docs?x=1' };
  const security: NonNullable<ServiceSpec['security']> = {};
  if (shape.readOnlyRoot) security.readOnlyRootFilesystem = true;
  if (shape.netBind) security.addCapabilities = ['NET_BIND_SERVICE'];
  if (Object.keys(security).length > 0) spec.security = security;
  return { spec, shape, assets };
}

const ordered = orderServiceSpec;

/** The files of a generated project as they sit on disk (for createMemorySource and loadProject). */
export function projectFiles(generated: GeneratedProject): Record<string, string> {
  const files: Record<string, string> = { 'twinform.yaml': toYaml(generated.project) };
  for (const service of generated.services) {
    files[`services/${service.spec.name}/service.yaml`] = toYaml(service.spec);
    for (const [path, content] of Object.entries(service.assets))
      files[`services/${service.spec.name}/${path}`] = content;
  }
  return files;
}

/** The generated project as the spec loader would return it (specs assumed valid). */
export function loadedProjectOf(generated: GeneratedProject): LoadedProject {
  const assets: Record<string, string> = {};
  for (const service of generated.services) {
    for (const [path, content] of Object.entries(service.assets))
      assets[`services/${service.spec.name}/${path}`] = content;
  }
  return {
    projectFile: 'twinform.yaml',
    project: generated.project,
    services: generated.services.map((service) => ({
      spec: service.spec,
      file: `services/${service.spec.name}/service.yaml`,
      dir: `services/${service.spec.name}`,
      pointer: '',
    })),
    assets,
  };
}
