import type {
  Autoscaling,
  Build,
  Config,
  Disruption,
  EnvironmentOverride,
  External,
  Health,
  IngressRoute,
  Job,
  Patches,
  ProjectSpec,
  Resources,
  Rollout,
  Schedule,
  SecretMount,
  Security,
  ServiceSpec,
  User,
  Volume,
  Workload,
} from './generated/types';

/** A service spec as loaded from disk, before any environment is applied. */
export interface LoadedService {
  spec: ServiceSpec;
  /** Project-relative path of the file that defines it ('twinform.yaml' for inline services). */
  file: string;
  /** Project-relative folder that relative paths in the spec resolve against ('' = project root). */
  dir: string;
  /** JSON pointer of the spec inside `file` ('' for a service file, '/services/2' when inline). */
  pointer: string;
}

/** Everything a generator needs, read from disk by the loader. Generators never read files. */
export interface LoadedProject {
  /** Project-relative path of the project file, normally 'twinform.yaml'. */
  projectFile: string;
  project: ProjectSpec;
  /** Sorted by name. */
  services: LoadedService[];
  /** Contents of files the specs reference (configs, env files), keyed by project-relative path. */
  assets: Record<string, string>;
}

export interface ProjectSettings {
  name: string;
  namespace?: string;
  /** Declared environments, sorted by name. */
  environments: string[];
  /** The environment docker-compose.yml renders. */
  localEnvironment: string;
  composeFile: string;
  kubernetesDir: string;
  waitImage: string;
  ingressClassName?: string;
  ingressControllerNamespace: string;
  networkPolicies: boolean;
  proxy: { enabled: boolean; image: string; port: number };
  secretStore?: { name: string; kind: 'SecretStore' | 'ClusterSecretStore'; refreshInterval: string };
}

export const DEFAULT_SERVICE_FILES = ['services/*/service.yaml'];
export const DEFAULT_WAIT_IMAGE = 'busybox:1.37.0';
export const DEFAULT_PROXY_IMAGE = 'nginxinc/nginx-unprivileged:1.27.3-alpine';

export function projectSettings(project: ProjectSpec): ProjectSettings {
  const environmentEntries = Object.entries(project.environments ?? { dev: { local: true } });
  const environments = environmentEntries.map(([name]) => name).sort();
  const local =
    environmentEntries.find(([, env]) => env.local)?.[0] ??
    (environments.includes('dev') ? 'dev' : (environments[0] ?? 'dev'));
  const settings: ProjectSettings = {
    name: project.name,
    environments,
    localEnvironment: local,
    composeFile: project.output?.compose ?? 'docker-compose.yml',
    kubernetesDir: project.output?.kubernetes ?? 'k8s',
    waitImage: project.kubernetes?.waitImage ?? DEFAULT_WAIT_IMAGE,
    ingressControllerNamespace: project.kubernetes?.ingressControllerNamespace ?? 'ingress-nginx',
    networkPolicies: project.kubernetes?.networkPolicies ?? true,
    proxy: {
      enabled: project.compose?.proxy?.enabled ?? true,
      image: project.compose?.proxy?.image ?? DEFAULT_PROXY_IMAGE,
      port: project.compose?.proxy?.port ?? 8080,
    },
  };
  if (project.namespace !== undefined) settings.namespace = project.namespace;
  if (project.kubernetes?.ingressClassName !== undefined)
    settings.ingressClassName = project.kubernetes.ingressClassName;
  if (project.secretStore) {
    settings.secretStore = {
      name: project.secretStore.name,
      kind: project.secretStore.kind ?? 'ClusterSecretStore',
      refreshInterval: project.secretStore.refreshInterval ?? '1h',
    };
  }
  return settings;
}

export interface NormalizedRoute {
  host?: string;
  path: string;
  pathType: 'Prefix' | 'Exact' | 'ImplementationSpecific';
  tlsSecret?: string;
}

export interface NormalizedPort {
  name: string;
  port: number;
  protocol: 'TCP' | 'UDP';
  expose: 'internal' | 'published' | 'ingress';
  /** Compose host port: set for published and ingress ports (defaults to port). */
  hostPort?: number;
  /** Empty unless expose is ingress. */
  ingress: NormalizedRoute[];
}

export interface NormalizedDependency {
  service: string;
  condition: 'started' | 'healthy' | 'completed';
  port?: string;
}

export type NormalizedEnvValue = string | { secret: string; key: string } | { config: string; key: string };

/** A service with one environment applied and every default filled in. Generators consume this. */
export interface NormalizedService {
  name: string;
  /** Project-relative file of the spec. */
  file: string;
  /** Project-relative folder of the spec. */
  dir: string;
  workload: Workload;
  image?: string;
  build?: Build;
  command?: string[];
  args?: string[];
  workingDir?: string;
  user?: User;
  ports: NormalizedPort[];
  /** Sorted by variable name. */
  env: Array<[string, NormalizedEnvValue]>;
  envFiles: string[];
  configs: Config[];
  secrets: Array<Required<Pick<SecretMount, 'name' | 'key' | 'mountPath'>>>;
  volumes: Volume[];
  health: Health;
  resources?: Resources;
  replicas?: number;
  autoscaling?: Autoscaling;
  disruption?: Disruption;
  rollout?: Rollout;
  terminationGracePeriodSeconds?: number;
  job?: Job;
  schedule?: Schedule;
  dependsOn: NormalizedDependency[];
  allowFrom: string[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  security: Required<Pick<Security, 'profile' | 'readOnlyRootFilesystem' | 'automountServiceAccountToken'>> & {
    addCapabilities: string[];
  };
  external?: External;
  patches: Patches;
}

/** A project resolved for one environment (or for the base, environment undefined). */
export interface ResolvedProject {
  settings: ProjectSettings;
  /** undefined = the base: no environment overrides applied. */
  environment?: string;
  /** Sorted by name. */
  services: NormalizedService[];
  assets: Record<string, string>;
  projectFile: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const NAMED_LISTS = new Set(['ports', 'configs', 'secrets', 'volumes']);

/**
 * Applies an environment override: objects merge key by key, lists of named items merge by name,
 * other lists replace, null removes.
 */
export function mergeOverride<T extends Record<string, unknown>>(base: T, override: Record<string, unknown>): T {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) {
      delete result[key];
    } else if (NAMED_LISTS.has(key) && Array.isArray(value) && Array.isArray(result[key])) {
      result[key] = mergeNamedList(
        result[key] as Array<Record<string, unknown>>,
        value as Array<Record<string, unknown>>,
      );
    } else if (isPlainObject(value) && isPlainObject(result[key])) {
      result[key] = mergeOverride(result[key] as Record<string, unknown>, value);
    } else {
      result[key] = value;
    }
  }
  return result as T;
}

function mergeNamedList(
  base: Array<Record<string, unknown>>,
  override: Array<Record<string, unknown>>,
): Array<Record<string, unknown>> {
  const merged = base.map((item) => {
    const change = override.find((candidate) => candidate.name === item.name);
    return change ? mergeOverride(item, change) : item;
  });
  for (const item of override) {
    if (!base.some((candidate) => candidate.name === item.name)) merged.push(item);
  }
  return merged;
}

/** The spec of one service in one environment (undefined = base), without the environments map. */
export function applyEnvironment(spec: ServiceSpec, environment: string | undefined): ServiceSpec {
  const { environments, ...rest } = spec;
  const override: EnvironmentOverride | undefined = environment ? environments?.[environment] : undefined;
  if (!override) return rest as ServiceSpec;
  return mergeOverride(rest as Record<string, unknown>, override as Record<string, unknown>) as unknown as ServiceSpec;
}

function normalizeRoute(route: IngressRoute): NormalizedRoute {
  const normalized: NormalizedRoute = { path: route.path ?? '/', pathType: route.pathType ?? 'Prefix' };
  if (route.host !== undefined) normalized.host = route.host;
  if (route.tlsSecret !== undefined) normalized.tlsSecret = route.tlsSecret;
  return normalized;
}

/** Fills defaults so generators never have to. Assumes the spec passed validation. */
export function normalizeService(spec: ServiceSpec, file: string, dir: string): NormalizedService {
  const ports: NormalizedPort[] = (spec.ports ?? []).map((port) => {
    const expose = port.expose ?? 'internal';
    const normalized: NormalizedPort = {
      name: port.name,
      port: port.port as number,
      protocol: port.protocol ?? 'TCP',
      expose,
      ingress: expose === 'ingress' ? (port.ingress ?? []).map(normalizeRoute) : [],
    };
    if (expose !== 'internal') normalized.hostPort = port.hostPort ?? (port.port as number);
    return normalized;
  });
  const env: Array<[string, NormalizedEnvValue]> = Object.entries(spec.env ?? {})
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]): [string, NormalizedEnvValue] => {
      if (typeof value === 'object') {
        if ('secret' in value) return [name, { secret: value.secret, key: value.key ?? value.secret }];
        return [name, { config: value.config, key: value.key }];
      }
      return [name, String(value)];
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const dependsOn: NormalizedDependency[] = (spec.dependsOn ?? []).map((dep) => {
    if (typeof dep === 'string') return { service: dep, condition: 'started' };
    const normalized: NormalizedDependency = { service: dep.service, condition: dep.condition ?? 'started' };
    if (dep.port !== undefined) normalized.port = dep.port;
    return normalized;
  });
  const service: NormalizedService = {
    name: spec.name,
    file,
    dir,
    workload: spec.workload ?? 'service',
    ports,
    env,
    envFiles: spec.envFiles ?? [],
    configs: spec.configs ?? [],
    secrets: (spec.secrets ?? []).map((secret) => ({
      name: secret.name,
      key: secret.key ?? secret.name,
      mountPath: secret.mountPath ?? `/run/secrets/${secret.name}`,
    })),
    volumes: spec.volumes ?? [],
    health: spec.health ?? {},
    dependsOn,
    allowFrom: spec.allowFrom ?? [],
    labels: spec.labels ?? {},
    annotations: spec.annotations ?? {},
    security: {
      profile: spec.security?.profile ?? 'restricted',
      readOnlyRootFilesystem: spec.security?.readOnlyRootFilesystem ?? false,
      automountServiceAccountToken: spec.security?.automountServiceAccountToken ?? false,
      addCapabilities: spec.security?.addCapabilities ?? [],
    },
    patches: spec.patches ?? {},
  };
  const optional = [
    'image',
    'build',
    'command',
    'args',
    'workingDir',
    'user',
    'resources',
    'replicas',
    'autoscaling',
    'disruption',
    'rollout',
    'terminationGracePeriodSeconds',
    'job',
    'schedule',
    'external',
  ] as const;
  for (const key of optional) {
    if (spec[key] !== undefined) (service as unknown as Record<string, unknown>)[key] = spec[key];
  }
  return service;
}

/** Resolves the whole project for one environment (undefined = the Kubernetes base). */
export function resolveProject(loaded: LoadedProject, environment: string | undefined): ResolvedProject {
  const resolved: ResolvedProject = {
    settings: projectSettings(loaded.project),
    services: loaded.services.map((service) =>
      normalizeService(applyEnvironment(service.spec, environment), service.file, service.dir),
    ),
    assets: loaded.assets,
    projectFile: loaded.projectFile,
  };
  if (environment !== undefined) resolved.environment = environment;
  return resolved;
}

/** The environment-specific namespace, falling back to the project namespace. */
export function namespaceFor(project: ProjectSpec, environment: string | undefined): string | undefined {
  if (environment !== undefined) {
    const envNamespace = project.environments?.[environment]?.namespace;
    if (envNamespace !== undefined) return envNamespace;
  }
  return project.namespace;
}
