import { posix } from 'node:path';
import { applyOperation, type Operation } from 'fast-json-patch';
import {
  makeIssue,
  parseEnvTemplate,
  projectSettings,
  renderEnvTemplate,
  resolveProject,
  sortIssues,
  type GeneratedDocument,
  type Issue,
  type LoadedProject,
  type LoadedService,
  type NormalizedService,
  type ProjectSettings,
  type ResourceAmounts,
  type ServiceReference,
} from '@twinform/spec';
import { envFileConfigName, parseEnvFile } from './envfile';
import { composeEscape, composeRelativePath, escapeJsonPointer, projectPath, sortedRecord } from './escape';
import { composeProbe, healthcheckTiming, probeTest } from './healthcheck';
import {
  nginxProxyConfig,
  PROXY_CONFIG_NAME,
  PROXY_CONFIG_TARGET,
  PROXY_CONTAINER_PORT,
  PROXY_SERVICE_NAME,
  type ProxyRoute,
} from './proxy';
import { composeQuantityCpu, composeQuantityMemory } from './quantities';
import {
  orderedComposeFile,
  orderedComposeService,
  type ComposeBuild,
  type ComposeConfig,
  type ComposeDependencyCondition,
  type ComposeDeploy,
  type ComposeFile,
  type ComposeFileGrant,
  type ComposeHealthcheck,
  type ComposeResourceAmounts,
  type ComposeSecret,
  type ComposeService,
  type ComposeServiceVolume,
} from './types';

export interface ComposeResult {
  documents: GeneratedDocument[];
  issues: Issue[];
  /** Project-relative .gitignore entries the compose file needs (files holding secret values), sorted. */
  gitignore: string[];
}

/**
 * Compose cannot schedule: a cronjob becomes a service in this profile, which `docker compose up`
 * does not start; `docker compose run --rm NAME` runs it once. Its schedule (and time zone) are kept
 * in these labels so the compose file still says when Kubernetes runs it, and importers can read it back.
 */
export const CRONJOB_PROFILE = 'cronjob';
export const CRONJOB_SCHEDULE_LABEL = 'twinform.cronjob.schedule';
export const CRONJOB_TIME_ZONE_LABEL = 'twinform.cronjob.time-zone';
/** Folder (next to the compose file) of the git-ignored files compose reads secret files from. */
export const SECRETS_DIR = 'secrets';

const DEPENDENCY_CONDITION: Record<'started' | 'healthy' | 'completed', ComposeDependencyCondition> = {
  started: 'service_started',
  healthy: 'service_healthy',
  completed: 'service_completed_successfully',
};

/** Everything one run collects besides the service objects: top-level sections, issues, notes. */
class Run {
  readonly issues: Issue[] = [];
  readonly volumes = new Map<string, Record<string, never>>();
  readonly configs = new Map<string, ComposeConfig>();
  readonly secrets = new Map<string, ComposeSecret>();
  readonly gitignore = new Set<string>();
  /** .env variable -> what it holds, e.g. 'secret db key password' (for the info issue and clashes). */
  readonly envVariables = new Map<string, { holds: string; service: string }>();
  /** Project-relative secret files the user must create. */
  readonly secretFiles = new Set<string>();
  readonly hostPorts = new Map<string, string>();
  readonly byName: Map<string, NormalizedService>;
  /** service -> services (and the proxy) that may call it: dependants and allowFrom. */
  readonly callers = new Map<string, Set<string>>();
  /** The reverse of callers: caller -> the services it may call (looked up once per service). */
  readonly callees = new Map<string, Set<string>>();
  private readonly loadedByName: Map<string, LoadedService>;
  readonly composeDir: string;

  constructor(
    readonly loaded: LoadedProject,
    readonly settings: ProjectSettings,
    readonly services: NormalizedService[],
  ) {
    this.byName = new Map(services.map((service) => [service.name, service]));
    // The first service of a name, as Array#find would return it (names are unique in a valid spec).
    this.loadedByName = new Map();
    for (const service of loaded.services) {
      if (!this.loadedByName.has(service.spec.name)) this.loadedByName.set(service.spec.name, service);
    }
    const dir = posix.dirname(posix.normalize(settings.composeFile));
    this.composeDir = dir === '.' ? '' : dir;
  }

  /** A project-relative path as written in the compose file. */
  relative(path: string): string {
    return composeRelativePath(this.settings.composeFile, path);
  }

  /** A path next to the compose file, project-relative (for issues and .gitignore). */
  besideComposeFile(name: string): string {
    return this.composeDir ? `${this.composeDir}/${name}` : name;
  }

  isContainer(name: string): boolean {
    const service = this.byName.get(name);
    return service !== undefined && service.external === undefined;
  }

  loadedService(name: string): LoadedService | undefined {
    return this.loadedByName.get(name);
  }

  /**
   * JSON pointer of a field of a service's spec; when the local environment's override holds that
   * field, the value (and so the pointer) comes from the override.
   */
  pointer(service: NormalizedService, ...path: Array<string | number>): string {
    const loaded = this.loadedService(service.name);
    const base = loaded?.pointer ?? '';
    const environment = this.settings.localEnvironment;
    let node: unknown = loaded?.spec.environments?.[environment];
    for (const part of path) {
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[String(part)] : undefined;
    }
    const prefix = node !== undefined ? `${base}/environments/${escapeJsonPointer(environment)}` : base;
    return prefix + path.map((part) => `/${escapeJsonPointer(String(part))}`).join('');
  }

  issue(
    severity: Issue['severity'],
    code: Issue['code'],
    message: string,
    hint: string | undefined,
    service?: NormalizedService,
    pointer?: string,
  ): void {
    const extra: Omit<Issue, 'severity' | 'code' | 'message'> = { file: service?.file ?? this.loaded.projectFile };
    if (hint !== undefined) extra.hint = hint;
    if (pointer !== undefined) extra.pointer = pointer;
    this.issues.push(makeIssue(severity, code, message, extra));
  }

  declare<T>(section: Map<string, T>, kind: string, name: string, value: T, service: NormalizedService): void {
    if (section.has(name)) {
      this.issue(
        'error',
        'duplicate',
        `Two ${kind}s are named "${name}" in the compose file.`,
        `Rename one of them: ${kind} names are '<service>-<name>' and must be unique in the project.`,
        service,
      );
      return;
    }
    section.set(name, value);
  }

  claimHostPort(port: number, protocol: 'TCP' | 'UDP', owner: string, service?: NormalizedService): void {
    const key = `${port}/${protocol}`;
    const previous = this.hostPorts.get(key);
    if (previous === undefined) {
      this.hostPorts.set(key, owner);
      return;
    }
    this.issue(
      'warning',
      'duplicate',
      `Host port ${port}/${protocol.toLowerCase()} is published by both ${previous} and ${owner}; \`docker compose up\` fails on the second.`,
      'Give one of the ports another hostPort (or move the proxy with compose.proxy.port in the project file).',
      service,
    );
  }
}

/** docker-compose.yml for the project's local environment. Pure: data in, documents and issues out. */
export function toCompose(project: LoadedProject): ComposeResult {
  const settings = projectSettings(project.project);
  const resolved = resolveProject(project, settings.localEnvironment);
  const services = [...resolved.services].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const run = new Run(project, settings, services);

  const routes = proxyRoutes(run);
  const proxyEnabled = settings.proxy.enabled && routes.length > 0;
  collectCallers(run, proxyEnabled ? routes : []);

  const composeServices = new Map<string, ComposeService>();
  for (const service of services) {
    if (service.external !== undefined) {
      noteExternal(run, service);
      continue;
    }
    composeServices.set(service.name, applyComposePatches(run, service, composeService(run, service)));
  }
  if (proxyEnabled) {
    if (composeServices.has(PROXY_SERVICE_NAME)) {
      run.issue(
        'error',
        'duplicate',
        `Service "${PROXY_SERVICE_NAME}" clashes with the local ingress proxy that compose generates for ingress ports.`,
        'Rename the service, or set compose.proxy.enabled: false in the project file.',
        run.byName.get(PROXY_SERVICE_NAME),
      );
    } else {
      composeServices.set(PROXY_SERVICE_NAME, proxyService(run, routes));
    }
  }
  noteSecretsToCreate(run);

  const networkNames = settings.networkPolicies
    ? [...composeServices.keys()].filter((name) => run.isContainer(name))
    : [];
  const file: ComposeFile = orderedComposeFile({
    name: settings.name,
    services: sortedRecord(composeServices.entries()),
    networks: sortedRecord(networkNames.map((name): [string, Record<string, never>] => [name, {}])),
    volumes: sortedRecord(run.volumes.entries()),
    configs: sortedRecord(run.configs.entries()),
    secrets: sortedRecord(run.secrets.entries()),
  });
  const sources = [...new Set([project.projectFile, ...services.map((service) => service.file)])].sort();
  return {
    documents: [{ path: settings.composeFile, value: file, sources }],
    issues: sortIssues(run.issues),
    gitignore: [...run.gitignore].sort(),
  };
}

function composeService(run: Run, service: NormalizedService): ComposeService {
  const fields: ComposeService = {
    image: service.image,
    build: service.build ? composeBuild(run, service) : undefined,
    entrypoint: service.command?.map(composeEscape),
    command: service.args?.map(composeEscape),
    working_dir: service.workingDir === undefined ? undefined : composeEscape(service.workingDir),
    user: service.user ? `${service.user.uid}:${service.user.gid ?? service.user.uid}` : undefined,
    environment: environment(run, service),
    env_file: nonEmpty(service.envFiles.map((file) => run.relative(projectPath(service.dir, file)))),
    depends_on: dependsOn(run, service),
    healthcheck: healthcheck(run, service),
    deploy: deploy(run, service),
    restart: service.workload === 'job' || service.workload === 'cronjob' ? 'no' : 'unless-stopped',
    volumes: volumes(run, service),
    configs: configs(run, service),
    secrets: secrets(run, service),
    networks: networks(run, service.name),
    labels: labels(run, service),
    profiles: service.workload === 'cronjob' ? [CRONJOB_PROFILE] : undefined,
    stop_grace_period:
      service.terminationGracePeriodSeconds === undefined ? undefined : `${service.terminationGracePeriodSeconds}s`,
    read_only: service.security.readOnlyRootFilesystem ? true : undefined,
    ...securityFields(service),
    ...ports(run, service),
  };
  return orderedComposeService(fields);
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function composeBuild(run: Run, service: NormalizedService): ComposeBuild {
  const build = service.build ?? {};
  const result: ComposeBuild = { context: run.relative(projectPath(service.dir, build.context ?? '.')) };
  if (build.dockerfile !== undefined) result.dockerfile = build.dockerfile;
  if (build.target !== undefined) result.target = build.target;
  const args = Object.entries(build.args ?? {});
  if (args.length > 0) result.args = sortedRecord(args.map(([name, value]) => [name, composeEscape(String(value))]));
  return result;
}

function ports(run: Run, service: NormalizedService): Pick<ComposeService, 'ports' | 'expose'> {
  const published: string[] = [];
  const exposed: string[] = [];
  for (const port of service.ports) {
    const protocol = port.protocol === 'UDP' ? '/udp' : '';
    if (port.expose === 'internal') {
      exposed.push(`${port.port}${protocol}`);
    } else {
      // Ingress ports are published too: the app stays reachable directly, as well as through the proxy.
      const hostPort = port.hostPort ?? port.port;
      published.push(`${hostPort}:${port.port}${protocol}`);
      run.claimHostPort(hostPort, port.protocol, `"${service.name}" (port ${port.name})`, service);
    }
  }
  const replicas = service.autoscaling ? (service.autoscaling.minReplicas ?? 1) : service.replicas;
  if (published.length > 0 && replicas !== undefined && replicas > 1 && service.workload !== 'daemon') {
    run.issue(
      'warning',
      'loss',
      `Service "${service.name}" runs ${replicas} replicas in compose but publishes fixed host ports (${published.join(', ')}); only one replica can bind them.`,
      'Set replicas: 1 in the local environment, or make the ports internal and reach them through the ingress proxy.',
      service,
      run.pointer(service, 'ports'),
    );
  }
  return { ports: nonEmpty(published), expose: nonEmpty(exposed) };
}

function portNumber(target: NormalizedService, port: string | number): number | undefined {
  const match =
    target.ports.find((candidate) => candidate.name === String(port)) ??
    target.ports.find((candidate) => String(candidate.port) === String(port));
  return match?.port;
}

function environment(run: Run, service: NormalizedService): Record<string, string> | undefined {
  const entries: Array<[string, string]> = [];
  for (const [name, value] of service.env) {
    if (typeof value === 'string') {
      entries.push([
        name,
        renderEnvTemplate(parseEnvTemplate(value), (ref) => reference(run, service, name, ref), composeEscape),
      ]);
    } else if ('secret' in value) {
      entries.push([name, secretEnv(run, service, name, value.secret, value.key)]);
    } else {
      const inlined = configEnv(run, service, name, value.config, value.key);
      if (inlined !== undefined) entries.push([name, inlined]);
    }
  }
  return entries.length > 0 ? sortedRecord(entries) : undefined;
}

/** `${backend.http}` -> 'backend:3001' (the compose service name is its DNS name), or the external host. */
function reference(run: Run, service: NormalizedService, variable: string, ref: ServiceReference): string {
  const target = run.byName.get(ref.service);
  const port = target ? portNumber(target, ref.port) : undefined;
  if (!target || port === undefined) {
    run.issue(
      'error',
      'unresolved-reference',
      `Env ${variable} of service "${service.name}" refers to ${ref.raw}, but ${target ? `service "${ref.service}" has no port "${ref.port}"` : `there is no service "${ref.service}"`}.`,
      target
        ? `Use one of its ports: ${target.ports.map((candidate) => candidate.name).join(', ') || '(it has none)'}.`
        : `Use an existing service name: ${[...run.byName.keys()].join(', ')}.`,
      service,
      run.pointer(service, 'env', variable),
    );
    return composeEscape(ref.raw);
  }
  const host = target.external?.host ?? target.name;
  if (
    run.settings.networkPolicies &&
    target.external === undefined &&
    target.name !== service.name &&
    !run.callers.get(target.name)?.has(service.name)
  ) {
    run.issue(
      'warning',
      'unresolved-reference',
      `Env ${variable} of service "${service.name}" points at "${target.name}", which "${service.name}" may not call: they share no compose network (and the Kubernetes NetworkPolicy blocks it too).`,
      `Add "${target.name}" to dependsOn of "${service.name}", or "${service.name}" to allowFrom of "${target.name}".`,
      service,
      run.pointer(service, 'env', variable),
    );
  }
  if (ref.part === 'host') return host;
  if (ref.part === 'port') return String(port);
  return `${host}:${port}`;
}

/** Compose variable names are [A-Za-z_][A-Za-z0-9_]*; env names outside that get a sanitized variable. */
function dotenvVariable(envName: string): string {
  const sanitized = envName.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(sanitized) ? `_${sanitized}` : sanitized;
}

/** Secret values stay out of the file: compose reads them from the git-ignored .env and refuses to start without them. */
function secretEnv(run: Run, service: NormalizedService, name: string, secret: string, key: string): string {
  const variable = dotenvVariable(name);
  const holds = `secret ${secret} key ${key}`;
  const previous = run.envVariables.get(variable);
  if (previous === undefined) {
    run.envVariables.set(variable, { holds, service: service.name });
  } else if (previous.holds !== holds) {
    run.issue(
      'warning',
      'duplicate',
      `.env variable ${variable} has to hold ${previous.holds} (service "${previous.service}") and ${holds} (service "${service.name}"); compose gives both the same value.`,
      `Rename the env variable in one of the services, or read the same secret key in both.`,
      service,
      run.pointer(service, 'env', name),
    );
  }
  run.gitignore.add(run.besideComposeFile('.env'));
  return `\${${variable}:?secret ${secret} key ${key} is not set: put ${variable}=... in .env (git-ignored)}`;
}

/** `{ config, key }` is inlined: env files are plain config (not secret), and the file is in the project. */
function configEnv(
  run: Run,
  service: NormalizedService,
  name: string,
  config: string,
  key: string,
): string | undefined {
  const file = service.envFiles.find((candidate) => envFileConfigName(candidate) === config);
  const content = file === undefined ? undefined : run.loaded.assets[projectPath(service.dir, file)];
  const value = content === undefined ? undefined : parseEnvFile(content).get(key);
  if (value === undefined) {
    run.issue(
      'error',
      'unresolved-reference',
      file === undefined
        ? `Env ${name} of service "${service.name}" reads config "${config}", but no env file of the service is named "${config}".`
        : `Env ${name} of service "${service.name}" reads key ${key} of ${projectPath(service.dir, file)}, which ${content === undefined ? 'was not loaded' : 'has no such key'}.`,
      `Use the name (without extension) of one of the service's envFiles (${service.envFiles.map(envFileConfigName).join(', ') || 'none'}) and a key defined in it.`,
      service,
      run.pointer(service, 'env', name),
    );
    return undefined;
  }
  return composeEscape(value);
}

function dependsOn(run: Run, service: NormalizedService): ComposeService['depends_on'] {
  const entries: Array<[string, { condition: ComposeDependencyCondition }]> = [];
  service.dependsOn.forEach((dependency, index) => {
    const target = run.byName.get(dependency.service);
    const pointer = run.pointer(service, 'dependsOn', index);
    if (!target) {
      run.issue(
        'error',
        'unresolved-reference',
        `Service "${service.name}" depends on "${dependency.service}", which is not a service of the project.`,
        `Use one of: ${[...run.byName.keys()].join(', ')}.`,
        service,
        pointer,
      );
      return;
    }
    if (target.external !== undefined) return; // no container to wait for; noted once per external service
    if (dependency.condition === 'healthy' && !hasHealthcheck(target)) {
      run.issue(
        'warning',
        'loss',
        `Service "${service.name}" waits for "${target.name}" to be healthy, but "${target.name}" has no compose healthcheck, so \`docker compose up\` fails.`,
        `Give "${target.name}" a readiness probe (or health.compose), or depend on it with condition started.`,
        service,
        pointer,
      );
    }
    if (dependency.condition === 'completed' && target.workload !== 'job') {
      run.issue(
        'warning',
        'advice',
        `Service "${service.name}" waits for "${target.name}" to complete, but "${target.name}" is a ${target.workload}, not a job; compose waits until it exits.`,
        'Use condition completed only for workload job; use started or healthy for long-running services.',
        service,
        pointer,
      );
    }
    if (target.workload === 'cronjob') {
      run.issue(
        'warning',
        'advice',
        `Service "${service.name}" depends on cronjob "${target.name}", which compose only starts with --profile ${CRONJOB_PROFILE}.`,
        'Depend on a job instead, or start compose with that profile.',
        service,
        pointer,
      );
    }
    entries.push([target.name, { condition: DEPENDENCY_CONDITION[dependency.condition] }]);
  });
  return entries.length > 0 ? sortedRecord(entries) : undefined;
}

function hasHealthcheck(service: NormalizedService): boolean {
  const override = service.health.compose;
  if (override) return override[0] !== 'NONE';
  return composeProbe(service.health) !== undefined;
}

function healthcheck(run: Run, service: NormalizedService): ComposeHealthcheck | undefined {
  const override = service.health.compose;
  if (override?.[0] === 'NONE') return { disable: true };
  const chosen = composeProbe(service.health);
  let test: string[] | undefined;
  if (override) {
    test = override.map(composeEscape);
  } else if (chosen) {
    test = probeTest(chosen.probe, (port) => portNumber(service, port));
    if (test === undefined) {
      run.issue(
        'error',
        'unresolved-reference',
        `The ${chosen.kind} probe of service "${service.name}" checks a port the service does not have (or names no check).`,
        `Use one of its ports: ${service.ports.map((port) => port.name).join(', ') || '(it has none)'}.`,
        service,
        run.pointer(service, 'health', chosen.kind),
      );
      return undefined;
    }
  }
  if (test === undefined) return undefined;
  return { test, ...(chosen ? healthcheckTiming(service.health, chosen.probe) : {}) };
}

function deploy(run: Run, service: NormalizedService): ComposeDeploy | undefined {
  const result: ComposeDeploy = {};
  if (service.workload === 'service' || service.workload === 'stateful') {
    if (service.autoscaling) {
      const minimum = service.autoscaling.minReplicas ?? 1;
      result.replicas = minimum;
      run.issue(
        'info',
        'loss',
        `Service "${service.name}" autoscales in Kubernetes (${minimum}-${service.autoscaling.maxReplicas} replicas); compose has no autoscaler and runs ${minimum}.`,
        undefined,
        service,
        run.pointer(service, 'autoscaling'),
      );
    } else if (service.replicas !== undefined) {
      result.replicas = service.replicas;
    }
    if (service.workload === 'stateful' && (result.replicas ?? 1) > 1 && service.volumes.some(isPersistent)) {
      run.issue(
        'warning',
        'loss',
        `Stateful service "${service.name}" runs ${result.replicas} replicas in compose, and they all mount the same named volumes (Kubernetes gives each replica its own claim).`,
        'Run one replica locally: set replicas: 1 in the local environment.',
        service,
        run.pointer(service, 'replicas'),
      );
    }
  }
  const limits = resourceAmounts(run, service, 'limits', service.resources?.limits);
  const reservations = resourceAmounts(run, service, 'requests', service.resources?.requests);
  if (limits || reservations) {
    result.resources = {};
    if (limits) result.resources.limits = limits;
    if (reservations) result.resources.reservations = reservations;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function resourceAmounts(
  run: Run,
  service: NormalizedService,
  field: 'limits' | 'requests',
  amounts: ResourceAmounts | undefined,
): ComposeResourceAmounts | undefined {
  if (!amounts) return undefined;
  const result: ComposeResourceAmounts = {};
  const invalid = (kind: 'cpu' | 'memory', value: unknown, example: string): void =>
    run.issue(
      'error',
      'invalid-value',
      `resources.${field}.${kind} of service "${service.name}" is ${JSON.stringify(value)}, which is not a Kubernetes quantity.`,
      `Write it like ${example}.`,
      service,
      run.pointer(service, 'resources', field, kind),
    );
  if (amounts.cpu !== undefined) {
    const cpus = composeQuantityCpu(amounts.cpu);
    if (cpus === undefined) invalid('cpu', amounts.cpu, "'250m' or '1'");
    else result.cpus = cpus;
  }
  if (amounts.memory !== undefined) {
    const memory = composeQuantityMemory(amounts.memory);
    if (memory === undefined) invalid('memory', amounts.memory, "'256Mi' or '1Gi'");
    else result.memory = memory;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

const isPersistent = (volume: NormalizedService['volumes'][number]): boolean =>
  (volume.type ?? 'persistent') === 'persistent';

function volumes(run: Run, service: NormalizedService): ComposeServiceVolume[] | undefined {
  const mounts = service.volumes.map((volume, index): ComposeServiceVolume => {
    const type = volume.type ?? 'persistent';
    const pointer = run.pointer(service, 'volumes', index);
    let mount: ComposeServiceVolume;
    if (type === 'tmpfs') {
      mount = { type: 'tmpfs', target: volume.mountPath };
      const size = volume.size === undefined ? undefined : composeQuantityMemory(volume.size);
      if (size !== undefined) mount.tmpfs = { size };
      else if (volume.size !== undefined) invalidSize(run, service, volume.size, pointer);
      if (volume.subPath !== undefined) {
        run.issue(
          'info',
          'loss',
          `subPath of tmpfs volume "${volume.name}" (service "${service.name}") has no compose equivalent and is left out.`,
          undefined,
          service,
          pointer,
        );
      }
    } else if (type === 'bind') {
      const source = projectPath(service.dir, posix.join(volume.source ?? '.', volume.subPath ?? '.'));
      mount = { type: 'bind', source: run.relative(source), target: volume.mountPath };
    } else {
      mount = { type: 'volume', target: volume.mountPath };
      if (type === 'persistent') {
        // Named after the service so two services' "data" volumes stay apart, as their PVCs do.
        const name = `${service.name}-${volume.name}`;
        run.declare(run.volumes, 'volume', name, {}, service);
        mount = { type: 'volume', source: name, target: volume.mountPath };
      } else if (volume.size !== undefined) {
        run.issue(
          'info',
          'loss',
          `Ephemeral volume "${volume.name}" of service "${service.name}" is limited to ${volume.size} in Kubernetes; local docker volumes have no size limit.`,
          undefined,
          service,
          pointer,
        );
      }
      if (volume.subPath !== undefined) mount.volume = { subpath: volume.subPath };
    }
    if (volume.readOnly) mount.read_only = true;
    return orderedVolume(mount);
  });
  return nonEmpty(mounts);
}

function orderedVolume(mount: ComposeServiceVolume): ComposeServiceVolume {
  const result: ComposeServiceVolume =
    mount.source === undefined
      ? { type: mount.type, target: mount.target }
      : { type: mount.type, source: mount.source, target: mount.target };
  if (mount.read_only !== undefined) result.read_only = mount.read_only;
  if (mount.volume !== undefined) result.volume = mount.volume;
  if (mount.tmpfs !== undefined) result.tmpfs = mount.tmpfs;
  return result;
}

function invalidSize(run: Run, service: NormalizedService, size: string, pointer: string): void {
  run.issue(
    'error',
    'invalid-value',
    `Volume size ${JSON.stringify(size)} of service "${service.name}" is not a Kubernetes quantity.`,
    "Write it like '64Mi' or '1Gi'.",
    service,
    `${pointer}/size`,
  );
}

function configs(run: Run, service: NormalizedService): ComposeFileGrant[] | undefined {
  const grants = service.configs.map((config): ComposeFileGrant => {
    const name = `${service.name}-${config.name}`;
    const source: ComposeConfig =
      config.file !== undefined
        ? { file: run.relative(projectPath(service.dir, config.file)) }
        : { content: composeEscape(config.content ?? '') };
    run.declare(run.configs, 'config', name, source, service);
    const grant: ComposeFileGrant = { source: name, target: config.mountPath };
    if (config.mode !== undefined) grant.mode = parseInt(config.mode, 8);
    return grant;
  });
  return nonEmpty(grants);
}

/** The compose secret (and file) name: the secret name, plus the key when it reads another key. */
function composeSecretName(secret: { name: string; key: string }): string {
  return secret.key === secret.name ? secret.name : `${secret.name}.${secret.key}`;
}

function secrets(run: Run, service: NormalizedService): ComposeFileGrant[] | undefined {
  const grants = service.secrets.map((secret): ComposeFileGrant => {
    const name = composeSecretName(secret);
    if (!run.secrets.has(name)) run.secrets.set(name, { file: `./${SECRETS_DIR}/${name}` });
    run.secretFiles.add(run.besideComposeFile(`${SECRETS_DIR}/${name}`));
    run.gitignore.add(run.besideComposeFile(`${SECRETS_DIR}/`));
    return { source: name, target: secret.mountPath };
  });
  return nonEmpty(grants);
}

function labels(run: Run, service: NormalizedService): Record<string, string> | undefined {
  const entries: Array<[string, string]> = Object.entries(service.labels).map(([key, value]) => [
    key,
    composeEscape(value),
  ]);
  if (service.workload === 'cronjob' && service.schedule) {
    entries.push([CRONJOB_SCHEDULE_LABEL, service.schedule.cron]);
    if (service.schedule.timeZone !== undefined) entries.push([CRONJOB_TIME_ZONE_LABEL, service.schedule.timeZone]);
    run.issue(
      'info',
      'loss',
      `Cronjob "${service.name}" is not scheduled by compose: it is in profile "${CRONJOB_PROFILE}" and runs once with \`docker compose run --rm ${service.name}\`; its schedule is kept in label ${CRONJOB_SCHEDULE_LABEL}.`,
      undefined,
      service,
      run.pointer(service, 'schedule'),
    );
  }
  return entries.length > 0 ? sortedRecord(entries) : undefined;
}

/**
 * restricted: drop every capability and forbid privilege escalation (the compose side of the
 * restricted Pod Security Standard); baseline keeps the image's default capabilities but still
 * forbids escalation; privileged opts out of both.
 */
function securityFields(service: NormalizedService): Pick<ComposeService, 'cap_drop' | 'cap_add' | 'security_opt'> {
  const { profile, addCapabilities } = service.security;
  return {
    cap_drop: profile === 'restricted' ? ['ALL'] : undefined,
    cap_add: nonEmpty([...addCapabilities].sort()),
    security_opt: profile === 'privileged' ? undefined : ['no-new-privileges:true'],
  };
}

/** Who may call whom: dependants and allowFrom entries, plus the proxy for ingress ports. */
function collectCallers(run: Run, routes: readonly ProxyRoute[]): void {
  const allow = (callee: string, caller: string): void => {
    if (!run.isContainer(callee) || callee === caller) return;
    let callers = run.callers.get(callee);
    if (!callers) {
      callers = new Set();
      run.callers.set(callee, callers);
    }
    callers.add(caller);
    let callees = run.callees.get(caller);
    if (!callees) {
      callees = new Set();
      run.callees.set(caller, callees);
    }
    callees.add(callee);
  };
  for (const service of run.services) {
    for (const dependency of service.dependsOn) allow(dependency.service, service.name);
    for (const caller of service.allowFrom) allow(service.name, caller);
  }
  for (const route of routes) allow(route.service, PROXY_SERVICE_NAME);
}

/**
 * Each service has a network of its own, joined by itself and by everyone allowed to call it, so a
 * service can reach exactly the services Kubernetes NetworkPolicies let it reach. Without
 * NetworkPolicies (kubernetes.networkPolicies: false) every pod may call every other, so all
 * services stay on compose's default network.
 */
function networks(run: Run, name: string): string[] | undefined {
  if (!run.settings.networkPolicies) return undefined;
  const joined = new Set<string>(run.callees.get(name));
  if (run.isContainer(name)) joined.add(name);
  return [...joined].sort();
}

function noteExternal(run: Run, service: NormalizedService): void {
  run.issue(
    'info',
    'advice',
    `Service "${service.name}" is external in environment "${run.settings.localEnvironment}" (${service.external?.host}): compose runs no container for it, env references to it render that host, and depends_on entries and ingress routes to it are left out.`,
    undefined,
    service,
    run.pointer(service, 'external'),
  );
}

function noteSecretsToCreate(run: Run): void {
  if (run.secretFiles.size > 0) {
    run.issue(
      'info',
      'advice',
      `Compose reads secret files from git-ignored files; create them before \`docker compose up\`: ${[...run.secretFiles].sort().join(', ')}.`,
      'Put the secret value (only the value) in each file; they are listed in .gitignore.',
    );
  }
  if (run.envVariables.size > 0) {
    const variables = [...run.envVariables.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([variable, { holds }]) => `${variable} (${holds})`);
    run.issue(
      'info',
      'advice',
      `Compose reads secret env values from ${run.besideComposeFile('.env')} (git-ignored); set: ${variables.join(', ')}.`,
      'Write one VARIABLE=value line per secret; compose refuses to start while one is missing.',
    );
  }
}

function proxyRoutes(run: Run): ProxyRoute[] {
  const routes: ProxyRoute[] = [];
  for (const service of run.services) {
    if (service.external !== undefined) continue;
    for (const port of service.ports) {
      for (const route of port.ingress) {
        const proxyRoute: ProxyRoute = {
          path: route.path,
          pathType: route.pathType,
          service: service.name,
          port: port.port,
        };
        if (route.host !== undefined) proxyRoute.host = route.host;
        routes.push(proxyRoute);
      }
    }
  }
  return routes;
}

function proxyService(run: Run, routes: readonly ProxyRoute[]): ComposeService {
  const { proxy } = run.settings;
  run.configs.set(PROXY_CONFIG_NAME, { content: composeEscape(nginxProxyConfig(routes)) });
  run.claimHostPort(proxy.port, 'TCP', `the ingress proxy`);
  const backends = [...new Set(routes.map((route) => route.service))].sort();
  const startedBackends = backends.filter((name) => run.byName.get(name)?.workload !== 'cronjob');
  const hosts = [...new Set(routes.flatMap((route) => (route.host === undefined ? [] : [route.host])))].sort();
  if (hosts.length > 0) {
    run.issue(
      'info',
      'advice',
      `The local ingress proxy on http://localhost:${proxy.port} routes by Host like the Ingress: routes for ${hosts.join(', ')} answer only requests with that Host header.`,
      `Try \`curl -H 'Host: ${hosts[0]}' http://localhost:${proxy.port}/\`, or map the host to 127.0.0.1 in /etc/hosts.`,
    );
  }
  const tls = run.services.some((service) =>
    service.ports.some((port) => port.ingress.some((route) => route.tlsSecret)),
  );
  if (tls) {
    run.issue(
      'info',
      'loss',
      'The local ingress proxy serves the TLS routes over plain HTTP (TLS secrets exist only in the cluster).',
      undefined,
    );
  }
  return orderedComposeService({
    image: proxy.image,
    ports: [`${proxy.port}:${PROXY_CONTAINER_PORT}`],
    depends_on: nonEmpty(startedBackends)
      ? sortedRecord(
          startedBackends.map((name): [string, { condition: ComposeDependencyCondition }] => [
            name,
            { condition: 'service_started' },
          ]),
        )
      : undefined,
    restart: 'unless-stopped',
    configs: [{ source: PROXY_CONFIG_NAME, target: PROXY_CONFIG_TARGET }],
    networks: networks(run, PROXY_SERVICE_NAME),
    cap_drop: ['ALL'],
    security_opt: ['no-new-privileges:true'],
  });
}

/** RFC 6902 patches from the spec, applied last to the generated service; a failing op is an error. */
function applyComposePatches(run: Run, service: NormalizedService, generated: ComposeService): ComposeService {
  const operations = service.patches.compose ?? [];
  if (operations.length === 0) return generated;
  let document = JSON.parse(JSON.stringify(generated)) as ComposeService;
  for (const [index, operation] of operations.entries()) {
    try {
      // Cloned so the spec's values never become (mutable) parts of the output.
      const copy = JSON.parse(JSON.stringify(operation)) as Operation;
      document = applyOperation(document, copy, true, true, true, index).newDocument;
    } catch (error) {
      run.issue(
        'error',
        'invalid-value',
        `Compose patch ${index} of service "${service.name}" (${operation.op} ${operation.path}) failed: ${patchFailure(error)}.`,
        'Patch paths address the generated compose service (e.g. /labels/team, /deploy/replicas); use op add to create a key, and check the output with the patch removed.',
        service,
        run.pointer(service, 'patches', 'compose', index),
      );
      return generated;
    }
  }
  // A patch of the whole service (path "") may replace it, but only by another service mapping.
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    const found =
      document === null
        ? 'null'
        : Array.isArray(document)
          ? 'a list'
          : `the ${typeof document} ${JSON.stringify(document)}`;
    run.issue(
      'error',
      'invalid-value',
      `Compose patches of service "${service.name}" replace the whole service with ${found}; a compose service must stay a mapping.`,
      'Patch keys inside the generated service (e.g. /labels/team, /deploy/replicas) instead of the service itself (path "").',
      service,
      run.pointer(service, 'patches', 'compose'),
    );
    return generated;
  }
  return document;
}

function patchFailure(error: unknown): string {
  if (error instanceof Error) {
    const firstLine = error.message.split('\n')[0] ?? error.message;
    return firstLine.replace(/\.$/, '');
  }
  return String(error);
}
