import { posix } from 'node:path';
import {
  DEFAULT_PROXY_IMAGE,
  isDns1123Subdomain,
  isLabelValue,
  isQualifiedName,
  looksLikeSecretName,
  makeIssue,
  orderServiceSpec,
  sortIssues,
  toLabel,
} from '@twinform/spec';
import type { ImportedService, ImportResult } from '@twinform/spec';
import type {
  Build,
  Config,
  DependsOn,
  EnvValue,
  Health,
  Issue,
  LoadedProject,
  Port,
  Probe,
  ProjectSpec,
  SecretMount,
  ServiceSpec,
  SourcePosition,
  Volume,
} from '@twinform/spec';
import { CRONJOB_PROFILE, CRONJOB_SCHEDULE_LABEL, CRONJOB_TIME_ZONE_LABEL, SECRETS_DIR, toCompose } from '../toCompose';
import { PROXY_CONFIG_NAME, PROXY_CONTAINER_PORT, PROXY_SERVICE_NAME } from '../proxy';
import { parseDotenv } from './dotenv';
import { variablesIn } from './interpolate';
import { recogniseTest } from './healthcheck-import';
import { normalizePath } from './load';
import type { ComposeModel, ComposePort, ComposeService } from './model';
import { targetOf } from './normalize';
import { describeValue, emptyRecord, own } from '@twinform/spec';
import { portNames } from './port-names';
import { parseProxyConfig } from './proxy-import';
import type { ImportedRoute } from './proxy-import';
import { cpuQuantity, dockerBytes, bytesQuantity, memoryQuantity } from './quantities-import';
import { parseSecretTemplate } from './secret-template';
import { parseDuration } from './syntax';
import { keepValidSpecs, type GeneratorCheck } from '@twinform/spec';

export interface FromComposeOptions {
  /** Folder of the compose project relative to the output folder ('' = the same folder, the default). */
  composeDir?: string;
  /** Project name (default: the compose project's name). */
  projectName?: string;
  /**
   * More generators whose errors the import must avoid, besides toCompose (`gen import compose`
   * passes the Kubernetes generator: `gen validate` runs both).
   */
  generators?: readonly GeneratorCheck[];
}

export type { ImportedService, ImportResult };

/** Size given to persistent volumes: compose volumes have none, the spec needs one for the claim. */
export const DEFAULT_VOLUME_SIZE = '1Gi';
/** Kubernetes probe defaults (left out of the spec when the compose value equals them). */
const PROBE_DEFAULTS = { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 };
/** Compose healthcheck defaults when a field is not written. */
const COMPOSE_HEALTH_DEFAULTS = { interval: 30, timeout: 30, retries: 3 };

/** Why a compose field has no place in the spec, and what to do instead. */
const UNSUPPORTED: Record<string, [why: string, hint: string]> = {
  container_name: ['the spec names containers after the service', 'other services reach it by its service name'],
  hostname: [
    'the spec has no host name setting; the service name is the host name',
    'use the service name to reach it',
  ],
  domainname: ['the spec has no domain name setting', 'use the service name to reach it'],
  ulimits: [
    'per-process limits (ulimits) have no spec or Kubernetes pod field',
    'set them in the image, or add a compose patch',
  ],
  extra_hosts: [
    'static /etc/hosts entries are not part of the spec',
    'use DNS names, or add a compose patch (Kubernetes: hostAliases patch)',
  ],
  logging: [
    'the logging driver belongs to the container runtime, not the spec',
    'configure logging on the host or cluster',
  ],
  network_mode: [
    'the spec always runs services on the project network',
    'reach other services by name; add a compose patch for host networking',
  ],
  devices: ['host devices are not part of the spec', 'add a compose patch (Kubernetes needs a device plugin)'],
  device_cgroup_rules: ['device cgroup rules are not part of the spec', 'add a compose patch'],
  sysctls: [
    'kernel parameters are not part of the spec',
    'add a compose patch (Kubernetes: securityContext.sysctls patch)',
  ],
  dns: ['custom DNS servers are not part of the spec', 'add a compose patch (Kubernetes: dnsConfig patch)'],
  dns_search: ['DNS search domains are not part of the spec', 'add a compose patch (Kubernetes: dnsConfig patch)'],
  dns_opt: ['DNS options are not part of the spec', 'add a compose patch (Kubernetes: dnsConfig patch)'],
  pid: ['sharing the PID namespace is not part of the spec', 'add a compose patch'],
  ipc: ['sharing the IPC namespace is not part of the spec', 'add a compose patch'],
  uts: ['sharing the UTS namespace is not part of the spec', 'add a compose patch'],
  userns_mode: ['user namespace settings are not part of the spec', 'add a compose patch'],
  cgroup: ['cgroup namespace settings are not part of the spec', 'add a compose patch'],
  cgroup_parent: ['cgroup parents are not part of the spec', 'add a compose patch'],
  platform: ['the target platform is not part of the spec', 'pick the platform when building or pulling the image'],
  init: [
    'an init process (docker --init) is not part of the spec',
    'use an image with an init (e.g. tini) as its entrypoint',
  ],
  tty: ['a terminal is not part of the spec', 'add a compose patch if the process needs one'],
  stdin_open: ['an open stdin is not part of the spec', 'add a compose patch if the process needs one'],
  shm_size: ['the /dev/shm size is not part of the spec', 'mount a tmpfs volume at /dev/shm with the size you need'],
  links: [
    'links are legacy: services reach each other by name on the project network',
    'use dependsOn when the order matters',
  ],
  external_links: [
    'links to containers outside the project are not part of the spec',
    'reach them through a published address',
  ],
  volumes_from: ["mounting another container's volumes is not part of the spec", 'give both services the same volume'],
  group_add: ['supplementary groups are not part of the spec', 'add a compose patch'],
  mac_address: ['fixed MAC addresses are not part of the spec', 'remove it'],
  stop_signal: ['the stop signal is not part of the spec', 'handle SIGTERM in the process'],
  pull_policy: ['the pull policy is not part of the spec', 'pin the image tag'],
  develop: ['compose watch settings are not part of the spec', 'keep them in a compose override file'],
  label_file: ['label files are not part of the spec', 'write the labels under labels'],
  annotations: [
    'container annotations are not part of the spec',
    'use the spec annotations (Kubernetes pod annotations)',
  ],
  runtime: ['the container runtime is not part of the spec', 'add a compose patch'],
  isolation: ['the isolation technology is not part of the spec', 'add a compose patch'],
  storage_opt: ['storage driver options are not part of the spec', 'add a compose patch'],
  oom_kill_disable: ['OOM killer settings are not part of the spec', 'set a memory limit instead'],
  oom_score_adj: ['OOM score adjustments are not part of the spec', 'set memory requests and limits instead'],
  mem_swappiness: ['swap settings are not part of the spec', 'set a memory limit instead'],
  memswap_limit: ['swap limits are not part of the spec', 'set a memory limit instead'],
  cpu_shares: ['CPU shares are not part of the spec', 'set resources.requests.cpu instead'],
  cpu_quota: ['CPU quotas are not part of the spec', 'set resources.limits.cpu instead'],
  cpu_period: ['CPU periods are not part of the spec', 'set resources.limits.cpu instead'],
  cpu_count: ['CPU counts are not part of the spec', 'set resources.limits.cpu instead'],
  cpu_percent: ['CPU percentages are not part of the spec', 'set resources.limits.cpu instead'],
  cpuset: ['CPU pinning is not part of the spec', 'remove it'],
  cpu_rt_runtime: ['real-time CPU settings are not part of the spec', 'remove it'],
  cpu_rt_period: ['real-time CPU settings are not part of the spec', 'remove it'],
  pids_limit: ['process limits are not part of the spec', 'add a compose patch'],
  blkio_config: ['block IO limits are not part of the spec', 'add a compose patch'],
  gpus: [
    'GPU access is not part of the spec',
    'add a compose patch (Kubernetes: a resources patch for the device plugin)',
  ],
  credential_spec: ['credential specs are not part of the spec', 'add a compose patch'],
  post_start: ['lifecycle hooks are not part of the spec', 'run the step in the entrypoint'],
  pre_stop: ['lifecycle hooks are not part of the spec', 'handle SIGTERM in the process'],
  provider: ['provider services are not part of the spec', 'describe the service with an image'],
  models: ['AI model attachments are not part of the spec', 'add a compose patch'],
  attach: ['log attachment is not part of the spec', 'remove it'],
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface NamedPort {
  name: string;
  port: number;
  protocol: 'tcp' | 'udp';
  /** The compose entry it comes from (published port or expose). */
  published?: ComposePort;
  at: SourcePosition;
}

/**
 * Maps a loaded compose project onto service specs. Every compose field is either represented in
 * a spec or reported as a loss issue (file:line:col, the field and why), never dropped silently.
 * Pure: the model (with the contents of env and config files) in, specs, assets and issues out.
 */
export function fromCompose(model: ComposeModel, options: FromComposeOptions = {}): ImportResult {
  return new ComposeImporter(model, options).run();
}

class ComposeImporter {
  private readonly issues: Issue[] = [];
  private readonly names = new Map<string, string>();
  private readonly ports = new Map<string, NamedPort[]>();
  private readonly byName: Map<string, ComposeService>;
  private readonly jobs = new Set<string>();
  private readonly routes: ImportedRoute[] = [];
  private proxy?: { image: string; port?: number; service: ComposeService };
  /** host port/protocol → the compose port that publishes it first (in file order). */
  private readonly publishedHostPorts = new Map<string, { service: string; port: ComposePort }>();
  private readonly notedSecrets = new Set<string>();

  constructor(
    private readonly model: ComposeModel,
    private readonly options: FromComposeOptions,
  ) {
    this.byName = new Map(model.services.map((service) => [service.name, service]));
  }

  run(): ImportResult {
    this.recogniseProxy();
    const services = this.model.services.filter((service) => service !== this.proxy?.service);
    this.assignNames(services);
    for (const service of services) this.ports.set(service.name, this.namedPorts(service));
    this.claimHostPorts(services);
    this.findJobs(services);
    const imported = services.map((service) => this.importService(service));
    this.applyRoutes(imported);
    this.reportTopLevel();
    imported.sort((a, b) => compare(a.spec.name, b.spec.name));
    const result: ImportResult = { project: this.project(), services: imported, issues: [] };
    // With errors nothing is written; otherwise what is written must pass `gen validate`.
    if (!this.issues.some((issue) => issue.severity === 'error')) {
      const generators = [(loaded: LoadedProject) => toCompose(loaded).issues, ...(this.options.generators ?? [])];
      this.issues.push(...keepValidSpecs(result, generators));
    }
    result.issues = sortIssues(this.issues);
    return result;
  }

  // -- issues ---------------------------------------------------------------------------------

  /** `field` is a dotted path, or segments when a key itself contains dots (labels, env names). */
  private loss(
    service: ComposeService | undefined,
    field: string | string[],
    at: SourcePosition,
    why: string,
    hint: string,
    severity: Issue['severity'] = 'warning',
  ): void {
    const segments = fieldSegments(service, field);
    const pointer = `/${segments.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
    this.issues.push(
      makeIssue(severity, 'loss', `${segments.join('.')}: ${why}.`, { ...at, hint: capitalise(hint), pointer }),
    );
  }

  private note(
    service: ComposeService | undefined,
    field: string | string[],
    at: SourcePosition,
    message: string,
    hint?: string,
  ): void {
    const path = fieldSegments(service, field).join('.');
    this.issues.push(
      makeIssue('info', 'advice', `${path}: ${message}.`, { ...at, ...(hint ? { hint: capitalise(hint) } : {}) }),
    );
  }

  // -- names ----------------------------------------------------------------------------------

  private assignNames(services: ComposeService[]): void {
    const taken = new Set<string>();
    for (const service of services) {
      const base = toLabel(service.name, 52, true) ?? 'service';
      let name = base;
      for (let index = 2; taken.has(name); index += 1) name = `${base.slice(0, 49)}-${index}`;
      taken.add(name);
      this.names.set(service.name, name);
      if (name !== service.name) {
        this.loss(
          service,
          '',
          service.at,
          `the service is renamed to ${name}: spec service names are DNS labels (lowercase letters, digits and '-'), and the name is the host name other services use`,
          `update host names in config files that still say ${service.name}; env values of the form ${service.name}:PORT are converted`,
        );
      }
    }
  }

  private specName(composeName: string): string {
    return this.names.get(composeName) ?? composeName;
  }

  // -- paths ----------------------------------------------------------------------------------

  /** A project-relative path of the compose project, relative to the output folder. */
  private outPath(path: string): string {
    return normalizePath(posix.join(this.options.composeDir ?? '', path));
  }

  /** A compose path as seen from the output folder (what the user compares with the project). */
  private shownPath(path: string): string {
    if (path.startsWith('/') || path.startsWith('~') || path.includes('://')) return path;
    return this.outPath(path);
  }

  private serviceDir(service: ComposeService): string {
    return `services/${this.specName(service.name)}`;
  }

  /** The path relative to the service folder, or undefined when it leaves the output folder. */
  private serviceRelative(service: ComposeService, path: string): string | undefined {
    if (path.startsWith('/') || path.startsWith('~') || /^[A-Za-z]:[\\/]/.test(path)) return undefined;
    const out = this.outPath(path);
    if (out === '..' || out.startsWith('../')) return undefined;
    return posix.relative(this.serviceDir(service), out === '.' ? '' : out) || '.';
  }

  // -- ports ----------------------------------------------------------------------------------

  private namedPorts(service: ComposeService): NamedPort[] {
    const entries: Array<Omit<NamedPort, 'name'> & { requested?: string }> = [];
    const seen = new Map<string, number>();
    for (const port of service.ports) {
      const key = `${port.target}/${port.protocol}`;
      if (seen.has(key)) {
        this.loss(
          service,
          'ports',
          port.at,
          `container port ${key} is published a second time; the spec publishes a port once`,
          'keep one host port per container port',
        );
        continue;
      }
      seen.set(key, entries.length);
      const entry: Omit<NamedPort, 'name'> & { requested?: string } = {
        port: port.target,
        protocol: port.protocol,
        published: port,
        at: port.at,
      };
      if (port.name !== undefined) entry.requested = port.name;
      entries.push(entry);
    }
    for (const exposed of service.expose) {
      const key = `${exposed.port}/${exposed.protocol}`;
      if (seen.has(key)) continue;
      seen.set(key, entries.length);
      entries.push({ port: exposed.port, protocol: exposed.protocol, at: exposed.at });
    }
    const names = portNames(
      entries.map((entry) => ({
        port: entry.port,
        protocol: entry.protocol,
        ...(entry.requested ? { requested: entry.requested } : {}),
      })),
    );
    return entries.map((entry, index) => {
      const named: NamedPort = { name: names[index]!, port: entry.port, protocol: entry.protocol, at: entry.at };
      if (entry.published) named.published = entry.published;
      return named;
    });
  }

  private specPorts(service: ComposeService, origins: Record<string, SourcePosition>): Port[] {
    const result: Port[] = [];
    for (const named of this.ports.get(service.name) ?? []) {
      const port: Port = { name: named.name, port: named.port };
      if (named.protocol === 'udp') port.protocol = 'UDP';
      const published = named.published;
      if (published) {
        const hostPort = published.published ?? named.port;
        const key = `${hostPort}/${named.protocol}`;
        const owner = this.publishedHostPorts.get(key);
        if (owner !== undefined && owner.port !== published) {
          this.loss(
            service,
            'ports',
            published.at,
            `host port ${key} is already published by ${owner.service}; the spec publishes each host port once, so this port is internal`,
            'give one of them another host port',
          );
        } else {
          port.expose = 'published';
          if (hostPort !== named.port) port.hostPort = hostPort;
        }
        if (published.published === undefined) {
          const range = published.extra.published;
          this.loss(
            service,
            'ports',
            published.at,
            range === undefined
              ? `compose publishes container port ${named.port} on a random host port; the spec publishes it on ${hostPort}`
              : `compose picks a host port from the range ${describeValue(range)}; the spec publishes it on ${hostPort}`,
            'set hostPort if another port is needed',
            'info',
          );
        }
        if (published.hostIp !== undefined && published.hostIp !== '0.0.0.0' && published.hostIp !== '::') {
          this.loss(
            service,
            'ports',
            published.at,
            `the port is bound to host address ${published.hostIp} only; the spec publishes on every host address`,
            'restrict access with a firewall, or add a compose patch that sets host_ip',
          );
        }
        for (const [key, value] of Object.entries(published.extra)) {
          if (key === 'published') continue;
          if (key === 'mode' && value === 'ingress') continue;
          this.loss(
            service,
            ['ports', key],
            published.at,
            `port attribute ${key}: ${describeValue(value)} has no spec field`,
            'remove it, or add a compose patch',
          );
        }
      }
      origins[`/ports/${result.length}`] = named.at;
      result.push(port);
    }
    return result;
  }

  /** The first compose port (in file order) that publishes each host port owns it. */
  private claimHostPorts(services: ComposeService[]): void {
    const published = services.flatMap((service) =>
      (this.ports.get(service.name) ?? []).flatMap((named) =>
        named.published ? [{ service: service.name, named, port: named.published }] : [],
      ),
    );
    published.sort(
      (a, b) =>
        compare(a.port.at.file, b.port.at.file) ||
        a.port.at.line - b.port.at.line ||
        a.port.at.col - b.port.at.col ||
        compare(a.service, b.service),
    );
    for (const entry of published) {
      const key = `${entry.port.published ?? entry.named.port}/${entry.named.protocol}`;
      if (!this.publishedHostPorts.has(key))
        this.publishedHostPorts.set(key, { service: entry.service, port: entry.port });
    }
  }

  /** The name of a service's port with this number (TCP preferred). */
  private portName(composeName: string, port: number): string | undefined {
    const ports = this.ports.get(composeName) ?? [];
    return (
      ports.find((candidate) => candidate.port === port && candidate.protocol === 'tcp') ??
      ports.find((candidate) => candidate.port === port)
    )?.name;
  }

  // -- workloads ------------------------------------------------------------------------------

  private findJobs(services: ComposeService[]): void {
    for (const service of services) {
      for (const dependency of service.dependsOn) {
        if (dependency.condition === 'service_completed_successfully') this.jobs.add(dependency.service);
      }
    }
  }

  private workload(service: ComposeService, spec: ServiceSpec): void {
    const schedule = service.labels[CRONJOB_SCHEDULE_LABEL];
    if (schedule !== undefined && service.profiles.includes(CRONJOB_PROFILE)) {
      spec.workload = 'cronjob';
      spec.schedule = { cron: schedule };
      const timeZone = service.labels[CRONJOB_TIME_ZONE_LABEL];
      if (timeZone !== undefined) spec.schedule.timeZone = timeZone;
      return;
    }
    const mode = service.deploy?.mode;
    if (mode === 'global') {
      spec.workload = 'daemon';
      return;
    }
    if (mode === 'replicated-job' || mode === 'global-job') {
      spec.workload = 'job';
      if (mode === 'global-job')
        this.loss(
          service,
          'deploy.mode',
          service.deploy!.at,
          'a job on every node has no spec workload; it becomes one job',
          'run it as a job, or as a daemon if it must run everywhere',
        );
      return;
    }
    if (mode !== undefined && mode !== 'replicated') {
      this.loss(
        service,
        'deploy.mode',
        service.deploy!.at,
        `deploy mode ${mode} is unknown`,
        'use replicated or global',
      );
    }
    const restart = service.restart;
    const policy = service.deploy?.restartPolicy?.condition;
    const runsOnce = restart === 'no' || policy === 'none';
    if (runsOnce || this.jobs.has(service.name)) {
      spec.workload = 'job';
      if (!runsOnce) {
        this.note(
          service,
          'restart',
          service.at,
          'the service becomes a job because other services wait for it to complete (service_completed_successfully)',
        );
      }
      return;
    }
    if (restart !== undefined && restart.startsWith('on-failure')) {
      this.loss(
        service,
        'restart',
        service.fieldAt.restart ?? service.at,
        `restart ${restart} has no spec equivalent; services are restarted whenever they stop (unless-stopped)`,
        'use workload job for a task that runs to completion',
      );
    } else if (restart === 'always') {
      this.loss(
        service,
        'restart',
        service.fieldAt.restart ?? service.at,
        'restart always becomes unless-stopped (the generated compose restarts the service unless you stopped it)',
        'nothing to do unless the service must restart after docker stop',
        'info',
      );
    } else if (restart !== undefined && restart !== 'unless-stopped') {
      this.loss(
        service,
        'restart',
        service.fieldAt.restart ?? service.at,
        `restart ${restart} is unknown`,
        'use no, always, on-failure or unless-stopped',
      );
    }
    if (policy !== undefined && policy !== 'any' && policy !== 'on-failure') {
      this.loss(
        service,
        'deploy.restart_policy.condition',
        service.deploy!.restartPolicy!.at,
        `restart condition ${policy} is unknown`,
        'use none, on-failure or any',
      );
    } else if (policy === 'on-failure') {
      this.loss(
        service,
        'deploy.restart_policy.condition',
        service.deploy!.restartPolicy!.at,
        'restart on-failure has no spec equivalent; services are restarted whenever they stop',
        'use workload job for a task that runs to completion',
      );
    }
  }

  // -- one service ----------------------------------------------------------------------------

  private importService(service: ComposeService): ImportedService {
    const origins: Record<string, SourcePosition> = { '': service.at };
    const assets = emptyRecord<string>();
    const spec: ServiceSpec = { name: this.specName(service.name) };
    this.workload(service, spec);
    if (service.image !== undefined) {
      spec.image = service.image;
      origins['/image'] = service.fieldAt.image ?? service.at;
    }
    if (service.build) this.build(service, spec, origins);
    if (service.image === undefined && !spec.build) {
      this.issues.push(
        makeIssue(
          'error',
          'missing-field',
          `services.${service.name} has neither an image nor a build the spec can use.`,
          {
            ...service.at,
            hint: 'Give the service an image (or a build context inside the project folder).',
          },
        ),
      );
    }
    if (service.entrypoint !== undefined) {
      spec.command = service.entrypoint;
      origins['/command'] = service.fieldAt.entrypoint ?? service.at;
    }
    if (service.command !== undefined) {
      spec.args = service.command;
      origins['/args'] = service.fieldAt.command ?? service.at;
    }
    if (service.workingDir !== undefined) spec.workingDir = service.workingDir;
    this.user(service, spec);
    const ports = this.specPorts(service, origins);
    if (ports.length > 0) spec.ports = ports;
    this.environment(service, spec, origins);
    this.envFiles(service, spec, assets);
    this.configs(service, spec, assets);
    this.secrets(service, spec);
    this.volumes(service, spec);
    this.health(service, spec);
    this.deploy(service, spec);
    if (service.stopGracePeriod !== undefined) {
      const seconds = parseDuration(service.stopGracePeriod);
      if (seconds.ok) {
        spec.terminationGracePeriodSeconds = Math.ceil(seconds.value);
        if (!Number.isInteger(seconds.value)) {
          this.loss(
            service,
            'stop_grace_period',
            service.fieldAt.stop_grace_period!,
            `${service.stopGracePeriod} is rounded up to ${spec.terminationGracePeriodSeconds}s (Kubernetes counts whole seconds)`,
            'nothing to do',
            'info',
          );
        }
      } else {
        this.loss(
          service,
          'stop_grace_period',
          service.fieldAt.stop_grace_period!,
          `${service.stopGracePeriod} is not a duration: ${seconds.reason}`,
          'write it like 30s',
        );
      }
    }
    this.dependsOn(service, spec);
    this.allowFrom(service, spec);
    this.labels(service, spec);
    this.security(service, spec);
    this.unsupported(service);
    return { spec: orderSpec(spec), assets, origins };
  }

  private build(service: ComposeService, spec: ServiceSpec, origins: Record<string, SourcePosition>): void {
    const build = service.build!;
    const context = this.serviceRelative(service, build.context);
    if (/^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i.test(build.context) || context === undefined) {
      this.loss(
        service,
        'build.context',
        build.at,
        `the build context ${this.shownPath(build.context)} is ${context === undefined && !build.context.includes('://') ? 'outside the project folder' : 'remote'}; spec build contexts are folders inside the project`,
        spec.image === undefined && service.image === undefined
          ? 'build the image yourself and set image'
          : 'the service runs its image; build it yourself',
      );
      return;
    }
    const result: Build = {};
    if (context !== '.') result.context = context;
    if (build.dockerfile !== undefined) result.dockerfile = build.dockerfile;
    if (build.target !== undefined) result.target = build.target;
    const args = new Map<string, string>();
    for (const [name, value] of Object.entries(build.args)) {
      if (value === undefined) {
        this.loss(
          service,
          ['build', 'args', name],
          build.at,
          `build argument ${name} has no value (compose would pass it from the shell, where it is not set)`,
          `give it a value: ${name}=...`,
        );
      } else args.set(name, value);
    }
    if (args.size > 0) result.args = Object.fromEntries([...args].sort(([a], [b]) => compare(a, b)));
    for (const extra of build.extra) {
      this.loss(
        service,
        ['build', extra.key],
        extra.at,
        `build option ${extra.key} has no spec field`,
        'build the image outside compose for this option, or add a compose patch',
      );
    }
    spec.build = result;
    origins['/build'] = build.at;
  }

  private user(service: ComposeService, spec: ServiceSpec): void {
    if (service.user === undefined) return;
    const at = service.fieldAt.user ?? service.at;
    const match = /^(\d+)(?::(\d+))?$/.exec(service.user);
    if (!match) {
      this.loss(
        service,
        'user',
        at,
        `user ${service.user} is a name; the spec takes numeric ids (Kubernetes runAsUser)`,
        'look up the numeric uid:gid of that user in the image and write user: { uid, gid }',
      );
      return;
    }
    const uid = Number(match[1]);
    const gid = match[2] === undefined ? undefined : Number(match[2]);
    if (uid === 0) {
      this.loss(
        service,
        'user',
        at,
        'the service runs as root (uid 0), which the restricted security profile forbids; the spec leaves the user to the image',
        'run as a non-root uid, or set security.profile: baseline and user: { uid: 0 }',
      );
      return;
    }
    spec.user = gid === undefined || gid === uid ? { uid } : { uid, gid };
    if (gid === undefined) {
      this.loss(
        service,
        'user',
        at,
        `no group is given; the spec runs the process with gid ${uid} (the same as the uid)`,
        'write user: "uid:gid" if another group is needed',
        'info',
      );
    }
  }

  // -- env ------------------------------------------------------------------------------------

  private environment(service: ComposeService, spec: ServiceSpec, origins: Record<string, SourcePosition>): void {
    const env = emptyRecord<EnvValue>();
    const interpolated: string[] = [];
    for (const entry of service.environment) {
      const secret = entry.value === undefined ? undefined : parseSecretTemplate(entry.value);
      if (secret) {
        const reference: { secret: string; key?: string } = { secret: secret.secret };
        if (secret.key !== secret.secret) reference.key = secret.key;
        env[entry.name] = reference;
        origins[`/env/${entry.name}`] = entry.at;
        continue;
      }
      if (entry.value === undefined) {
        this.loss(
          service,
          ['environment', entry.name],
          entry.at,
          `${entry.name} has no value: compose passes it from the shell, where it is not set`,
          `give it a value in the compose file, in .env or in the shell, then import again`,
        );
        continue;
      }
      const secretVariables =
        entry.template === undefined ? [] : variablesIn(entry.template).filter(looksLikeSecretName);
      const fromEnvironment = entry.template !== undefined || entry.passthrough === true;
      if (fromEnvironment && (looksLikeSecretName(entry.name) || secretVariables.length > 0)) {
        // Never copy a secret from .env or the shell into a committed spec.
        const secretName = `${this.specName(service.name)}-env`;
        env[entry.name] = { secret: secretName, key: entry.name };
        this.note(
          service,
          ['environment', entry.name],
          entry.at,
          `${entry.name} came from ${entry.template ?? 'the shell'}${secretVariables.length > 0 && !looksLikeSecretName(entry.name) ? `, which holds ${secretVariables.join(', ')}` : ''}; the value is not copied: the spec reads it from secret ${secretName} key ${entry.name}`,
          `create that secret in Kubernetes; locally put ${entry.name}=... in .env (git-ignored)`,
        );
        origins[`/env/${entry.name}`] = entry.at;
        continue;
      }
      if (fromEnvironment) interpolated.push(entry.name);
      env[entry.name] = this.envText(entry.value);
      origins[`/env/${entry.name}`] = entry.at;
    }
    if (interpolated.length > 0) {
      const first = service.environment.find((entry) => entry.name === interpolated[0])!;
      this.note(
        service,
        'environment',
        first.at,
        `${interpolated.join(', ')} ${interpolated.length === 1 ? 'was' : 'were'} interpolated from .env or the shell at import time; the spec keeps the values`,
        'edit them in service.yaml (per environment: environments.<env>.env)',
      );
    }
    if (Object.keys(env).length > 0)
      spec.env = Object.fromEntries(Object.entries(env).sort(([a], [b]) => compare(a, b)));
  }

  /** An env value as the spec writes it: `$` doubled, and `svc:port` of another service as `${svc.port}`. */
  private envText(value: string): string {
    const hosts = [...this.names.keys()].sort((a, b) => b.length - a.length || compare(a, b));
    if (hosts.length === 0) return value.replace(/\$/g, '$$$$');
    const pattern = new RegExp(`(?<![A-Za-z0-9_.-])(${hosts.map(escapeRegExp).join('|')}):(\\d{1,5})(?![0-9])`, 'g');
    let result = '';
    let index = 0;
    for (const match of value.matchAll(pattern)) {
      const portName = this.portName(match[1]!, Number(match[2]));
      if (portName === undefined) continue;
      result += value.slice(index, match.index).replace(/\$/g, '$$$$');
      result += `\${${this.specName(match[1]!)}.${portName}}`;
      index = match.index! + match[0].length;
    }
    return result + value.slice(index).replace(/\$/g, '$$$$');
  }

  private envFiles(service: ComposeService, spec: ServiceSpec, assets: Record<string, string>): void {
    const files: string[] = [];
    const taken = new Set<string>();
    for (const envFile of service.envFiles) {
      const content = own(this.model.files, envFile.path);
      if (content === undefined) continue;
      if (envFile.format !== undefined) {
        this.loss(
          service,
          'env_file',
          envFile.at,
          `env_file format ${envFile.format} has no spec field; the file is read as KEY=VALUE lines`,
          'convert the file to KEY=VALUE lines',
        );
      }
      if (!envFile.required) {
        this.loss(
          service,
          'env_file',
          envFile.at,
          'required: false is not kept: the file is copied next to the spec and is always read',
          'nothing to do',
          'info',
        );
      }
      const parsed = parseDotenv(content);
      if (parsed.entries.some((entry) => entry.interpolated)) {
        this.loss(
          service,
          'env_file',
          envFile.at,
          `${envFile.path} refers to other variables (\${...}); compose expands them, a Kubernetes ConfigMap keeps them literally`,
          'write the values out in the file',
        );
      }
      const asset = this.assetName(service, envFile.path, 'env', taken, '.env');
      taken.add(asset);
      assets[asset] = this.withoutSecrets(service, spec, envFile, content, parsed.entries);
      files.push(asset);
    }
    if (files.length > 0) spec.envFiles = files;
  }

  /**
   * An env file is copied next to the spec and becomes a ConfigMap: a secret-looking entry in it
   * is not copied; the spec reads that variable from a secret instead (compose: from .env).
   */
  private withoutSecrets(
    service: ComposeService,
    spec: ServiceSpec,
    envFile: ComposeService['envFiles'][number],
    content: string,
    entries: ReturnType<typeof parseDotenv>['entries'],
  ): string {
    const secret = entries.filter((entry) => looksLikeSecretName(entry.name));
    if (secret.length === 0) return content;
    const secretName = `${this.specName(service.name)}-env`;
    const replaced = new Map<number, string | undefined>();
    for (const entry of secret) {
      for (let line = entry.line; line <= entry.endLine; line += 1) replaced.set(line, undefined);
      replaced.set(
        entry.line,
        `# ${entry.name}: not copied (it looks like a secret); the spec reads it from secret ${secretName}`,
      );
      const env = (spec.env ??= {});
      if (own(env, entry.name) === undefined) env[entry.name] = { secret: secretName, key: entry.name };
    }
    const lines = content
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .flatMap((text, index) => {
        if (!replaced.has(index + 1)) return [text];
        const replacement = replaced.get(index + 1);
        return replacement === undefined ? [] : [replacement];
      });
    spec.env = Object.fromEntries(Object.entries(spec.env ?? {}).sort(([a], [b]) => compare(a, b)));
    this.note(
      service,
      'env_file',
      envFile.at,
      `${secret.map((entry) => entry.name).join(', ')} in ${envFile.path} ${secret.length === 1 ? 'looks' : 'look'} like a secret and ${secret.length === 1 ? 'is' : 'are'} not copied; the spec reads ${secret.length === 1 ? 'it' : 'them'} from secret ${secretName}`,
      `create that secret in Kubernetes; locally put ${secret.map((entry) => `${entry.name}=...`).join(' ')} in .env (git-ignored)`,
    );
    return lines.join('\n');
  }

  /**
   * Where a copied file goes in the service folder: the same relative path when it already lies in
   * it (importing generated output changes nothing), else its file name made safe for a ConfigMap name.
   */
  private assetName(
    service: ComposeService,
    path: string,
    fallback: string,
    taken: Set<string>,
    extension?: string,
  ): string {
    const inside = this.serviceRelative(service, path);
    if (inside !== undefined && inside !== '.' && !inside.startsWith('../') && !taken.has(inside)) return inside;
    const base = posix.basename(path);
    const dot = base.lastIndexOf('.');
    const stem = toLabel(dot > 0 ? base.slice(0, dot) : base.replace(/^\.+/, '')) ?? fallback;
    const ext =
      extension ??
      (dot > 0
        ? base
            .slice(dot)
            .toLowerCase()
            .replace(/[^.a-z0-9]/g, '')
        : '');
    let name = `${stem}${ext}`;
    for (let index = 2; taken.has(name); index += 1) name = `${stem}-${index}${ext}`;
    return name;
  }

  // -- configs and secrets --------------------------------------------------------------------

  private configs(service: ComposeService, spec: ServiceSpec, assets: Record<string, string>): void {
    const configs: Config[] = [];
    const names = new Set<string>();
    const taken = new Set(Object.keys(assets));
    for (const mount of service.configs) {
      const definition = own(this.model.configs, mount.source);
      if (!definition) continue;
      const config: Config = {
        name: uniqueLabel(stripPrefix(mount.source, service.name), names),
        mountPath: targetOf(mount, '/'),
      };
      if (definition.external) {
        this.loss(
          service,
          'configs',
          mount.at,
          `config ${mount.source} is external (created outside compose); the spec needs its file or content`,
          'copy the config into a file in the project and point file: at it',
        );
        continue;
      }
      if (definition.file !== undefined) {
        const content = own(this.model.files, definition.file);
        if (content === undefined) continue;
        const asset = this.assetName(service, definition.file, config.name, taken);
        taken.add(asset);
        assets[asset] = content;
        config.file = asset;
      } else if (definition.content !== undefined) {
        config.content = definition.content;
      } else if (definition.environment !== undefined) {
        const value = own(this.model.variables, definition.environment);
        if (value === undefined) {
          this.loss(
            service,
            'configs',
            mount.at,
            `config ${mount.source} reads variable ${definition.environment}, which is not set`,
            `set ${definition.environment} and import again`,
          );
          continue;
        }
        config.content = value;
        this.note(
          service,
          'configs',
          mount.at,
          `config ${mount.source} is the value of ${definition.environment} at import time, kept as inline content`,
        );
      } else {
        this.loss(
          service,
          'configs',
          mount.at,
          `config ${mount.source} has no file, content or environment`,
          'give it a file',
        );
        continue;
      }
      if (mount.mode !== undefined) config.mode = `0${mount.mode.toString(8).padStart(3, '0')}`;
      if (mount.uid !== undefined || mount.gid !== undefined) {
        this.loss(
          service,
          'configs',
          mount.at,
          'the owner (uid/gid) of a config file has no spec field',
          'make the file readable through mode',
        );
      }
      configs.push(config);
    }
    if (configs.length > 0) spec.configs = configs;
  }

  private secrets(service: ComposeService, spec: ServiceSpec): void {
    const secrets: SecretMount[] = [];
    for (const mount of service.secrets) {
      const definition = own(this.model.secrets, mount.source);
      if (!definition) continue;
      const dot = mount.source.indexOf('.');
      const rawName = dot > 0 ? mount.source.slice(0, dot) : mount.source;
      const name = isDns1123Subdomain(rawName) ? rawName : (toLabel(rawName) ?? 'secret');
      const secret: SecretMount = { name };
      if (dot > 0) secret.key = mount.source.slice(dot + 1);
      const target = targetOf(mount, '/run/secrets/');
      if (target !== `/run/secrets/${name}`) secret.mountPath = target;
      if (mount.uid !== undefined || mount.gid !== undefined || mount.mode !== undefined) {
        this.loss(
          service,
          'secrets',
          mount.at,
          'the owner and mode of a secret file have no spec field',
          'make the app read the file as the default owner',
        );
      }
      // The generated compose file reads every secret from secrets/<name>[.<key>] next to it.
      const generatedName = secret.key === undefined ? name : `${name}.${secret.key}`;
      const expected = normalizePath(posix.join(this.model.projectDir, SECRETS_DIR, generatedName));
      if (!this.notedSecrets.has(mount.source)) {
        this.notedSecrets.add(mount.source);
        if (definition.file !== undefined && definition.file !== expected) {
          this.note(
            undefined,
            ['secrets', mount.source],
            definition.at,
            `the secret is read from ${definition.file}; the generated compose file reads ${SECRETS_DIR}/${generatedName} (git-ignored), and the value is never copied`,
            `copy the file yourself: cp ${definition.file} ${SECRETS_DIR}/${generatedName}`,
          );
        } else if (definition.environment !== undefined) {
          this.note(
            undefined,
            ['secrets', mount.source],
            definition.at,
            `the secret comes from variable ${definition.environment}; the generated compose file reads ${SECRETS_DIR}/${generatedName} (git-ignored)`,
            `write the value into ${SECRETS_DIR}/${generatedName}`,
          );
        } else if (definition.external) {
          this.note(
            undefined,
            ['secrets', mount.source],
            definition.at,
            `the secret is external; the generated compose file reads ${SECRETS_DIR}/${generatedName} (git-ignored)`,
            `write the value into ${SECRETS_DIR}/${generatedName}`,
          );
        }
      }
      secrets.push(secret);
    }
    if (secrets.length > 0) spec.secrets = secrets;
  }

  // -- volumes --------------------------------------------------------------------------------

  private volumes(service: ComposeService, spec: ServiceSpec): void {
    const volumes: Volume[] = [];
    const names = new Set<string>();
    const nameFor = (candidate: string | undefined, target: string): string =>
      uniqueLabel(candidate ?? posix.basename(target), names, 'data');
    for (const mount of service.volumes) {
      const extras = Object.entries(mount.extra);
      for (const [key, value] of extras) {
        this.loss(
          service,
          ['volumes', key],
          mount.at,
          `volume option ${key}: ${describeValue(value)} has no spec field`,
          'remove it, or add a compose patch',
        );
      }
      for (const option of mount.options) {
        this.loss(
          service,
          'volumes',
          mount.at,
          `mount option ${option} of ${mount.target} has no spec field`,
          'nothing to do unless the mount depends on it (SELinux labels: relabel the folder yourself)',
          'info',
        );
      }
      if (mount.type === 'volume' && mount.source !== undefined) {
        const volume: Volume = {
          name: nameFor(stripPrefix(mount.source, service.name), mount.target),
          mountPath: mount.target,
          type: 'persistent',
          size: DEFAULT_VOLUME_SIZE,
        };
        if (mount.readOnly) volume.readOnly = true;
        if (mount.subpath !== undefined) volume.subPath = mount.subpath;
        this.namedVolumeNotes(service, mount.source, mount.at);
        volumes.push(volume);
      } else if (mount.type === 'volume') {
        const volume: Volume = { name: nameFor(undefined, mount.target), mountPath: mount.target, type: 'ephemeral' };
        if (mount.readOnly) volume.readOnly = true;
        volumes.push(volume);
      } else if (mount.type === 'bind') {
        const source = mount.source === undefined ? undefined : this.serviceRelative(service, mount.source);
        if (source === undefined) {
          this.loss(
            service,
            'volumes',
            mount.at,
            `the bind mount of ${mount.source === undefined ? '(no source)' : this.shownPath(mount.source)} at ${mount.target} is ${mount.source?.startsWith('/') || mount.source?.startsWith('~') ? 'a host path' : 'outside the project folder'}; spec bind sources are folders inside the project`,
            'copy the files into the project, or use a persistent volume',
          );
          continue;
        }
        const volume: Volume = {
          name: nameFor(undefined, mount.target),
          mountPath: mount.target,
          type: 'bind',
          source,
        };
        if (mount.readOnly) volume.readOnly = true;
        volumes.push(volume);
      } else if (mount.type === 'tmpfs') {
        const volume = this.tmpfsVolume(
          service,
          mount.target,
          mount.tmpfsSize,
          mount.at,
          nameFor(undefined, mount.target),
        );
        if (mount.readOnly) volume.readOnly = true;
        volumes.push(volume);
        if (mount.tmpfsMode !== undefined) {
          this.loss(
            service,
            'volumes',
            mount.at,
            `the tmpfs mode ${mount.tmpfsMode.toString(8)} has no spec field`,
            'nothing to do unless the app needs that mode',
          );
        }
      } else {
        this.loss(
          service,
          'volumes',
          mount.at,
          `${mount.type} mounts have no spec equivalent`,
          'use a persistent or bind volume',
        );
      }
    }
    for (const tmpfs of service.tmpfs) {
      if (volumes.some((volume) => volume.mountPath === tmpfs.target)) continue;
      volumes.push(this.tmpfsVolume(service, tmpfs.target, tmpfs.size, tmpfs.at, nameFor(undefined, tmpfs.target)));
      for (const option of tmpfs.options) {
        this.loss(
          service,
          'tmpfs',
          tmpfs.at,
          `tmpfs option ${option} has no spec field`,
          'nothing to do unless the app needs it',
        );
      }
    }
    if (volumes.length > 0) spec.volumes = volumes;
  }

  private tmpfsVolume(
    service: ComposeService,
    target: string,
    size: string | undefined,
    at: SourcePosition,
    name: string,
  ): Volume {
    const volume: Volume = { name, mountPath: target, type: 'tmpfs' };
    if (size !== undefined) {
      const quantity = memoryQuantity(size);
      if (quantity === undefined)
        this.loss(service, 'tmpfs', at, `tmpfs size ${size} is not a size`, 'write it like 64m');
      else volume.size = quantity;
    }
    return volume;
  }

  private namedVolumeNotes(service: ComposeService, source: string, at: SourcePosition): void {
    const definition = own(this.model.volumes, source);
    const users = this.model.services.filter((other) =>
      other.volumes.some((mount) => mount.type === 'volume' && mount.source === source),
    );
    if (users.length > 1 && users[0] === service) {
      this.loss(
        service,
        'volumes',
        at,
        `volume ${source} is shared by ${users.map((user) => user.name).join(', ')}; spec volumes belong to one service, so each gets its own`,
        'share data through a service (or a bind folder for local development)',
      );
    }
    const options = Object.keys(definition?.definition ?? {}).filter((key) => key !== 'name' && !key.startsWith('x-'));
    if (definition && options.length > 0 && users[0] === service) {
      this.loss(
        undefined,
        ['volumes', source],
        definition.at,
        `volume settings (${options.join(', ')}) have no spec field; the generated compose file declares a plain named volume`,
        definition.definition.external
          ? 'the data of the external volume is not carried over: copy it into the new volume'
          : 'configure storage through the Kubernetes storage class',
      );
    }
    const generatedName = `${this.specName(service.name)}-${stripPrefix(source, service.name)}`;
    if (generatedName !== source) {
      this.loss(
        service,
        'volumes',
        at,
        `named volume ${source} gets a size of ${DEFAULT_VOLUME_SIZE} (compose volumes have none) and is called ${generatedName} in the generated compose file`,
        `set the size the data needs; copy the data from docker volume ${source} if you keep it`,
        'info',
      );
    } else {
      this.loss(
        service,
        'volumes',
        at,
        `named volume ${source} gets a size of ${DEFAULT_VOLUME_SIZE}: compose volumes have no size and a Kubernetes claim needs one`,
        'set the size the data needs in service.yaml',
        'info',
      );
    }
  }

  // -- health ---------------------------------------------------------------------------------

  private health(service: ComposeService, spec: ServiceSpec): void {
    const healthcheck = service.healthcheck;
    if (!healthcheck) return;
    if (healthcheck.disable) {
      spec.health = { compose: ['NONE'] };
      return;
    }
    if (!healthcheck.test) {
      this.loss(
        service,
        'healthcheck',
        healthcheck.at,
        "the healthcheck only changes the timing of the image's HEALTHCHECK; the spec needs the test itself",
        'write the test under healthcheck.test, or a readiness probe in service.yaml',
      );
      return;
    }
    const recognised = recogniseTest(healthcheck.test);
    if (!recognised) {
      this.loss(service, 'healthcheck', healthcheck.at, 'the healthcheck test is empty', 'write test: ["CMD", ...]');
      return;
    }
    let check = recognised.check;
    if (recognised.port !== undefined) {
      const name = this.portName(service.name, recognised.port);
      if (name === undefined) {
        check = { exec: { command: ['sh', '-c', healthcheck.test.slice(1).join(' ')] } };
      } else {
        if (check.http) check = { http: { ...check.http, port: name } };
        else if (check.tcp) check = { tcp: { port: name } };
        else if (check.grpc) check = { grpc: { ...check.grpc, port: name } };
      }
    }
    const probe: Probe = { ...check };
    const seconds = (text: string | undefined, field: string, fallback: number): number => {
      if (text === undefined) return fallback;
      const parsed = parseDuration(text);
      if (!parsed.ok) {
        this.loss(
          service,
          `healthcheck.${field}`,
          healthcheck.at,
          `${text} is not a duration: ${parsed.reason}`,
          'write it like 10s',
        );
        return fallback;
      }
      const whole = Math.max(1, Math.ceil(parsed.value));
      if (whole !== parsed.value) {
        this.loss(
          service,
          `healthcheck.${field}`,
          healthcheck.at,
          `${text} becomes ${whole}s (probes count whole seconds, at least 1)`,
          'nothing to do',
          'info',
        );
      }
      return whole;
    };
    const period = seconds(healthcheck.interval, 'interval', COMPOSE_HEALTH_DEFAULTS.interval);
    const timeout = seconds(healthcheck.timeout, 'timeout', COMPOSE_HEALTH_DEFAULTS.timeout);
    const retries = Math.max(1, healthcheck.retries ?? COMPOSE_HEALTH_DEFAULTS.retries);
    if (healthcheck.startPeriod !== undefined) {
      const start = parseDuration(healthcheck.startPeriod);
      if (start.ok && start.value > 0) probe.initialDelaySeconds = Math.ceil(start.value);
    }
    if (period !== PROBE_DEFAULTS.periodSeconds) probe.periodSeconds = period;
    if (timeout !== PROBE_DEFAULTS.timeoutSeconds) probe.timeoutSeconds = timeout;
    if (retries !== PROBE_DEFAULTS.failureThreshold) probe.failureThreshold = retries;
    if (healthcheck.retries === 0) {
      this.loss(
        service,
        'healthcheck.retries',
        healthcheck.at,
        'retries 0 becomes 1 (a probe fails after at least one failure)',
        'nothing to do',
        'info',
      );
    }
    if (healthcheck.startInterval !== undefined) {
      this.loss(
        service,
        'healthcheck.start_interval',
        healthcheck.at,
        'the check interval during the start period has no probe field',
        'nothing to do: the probe checks at its period from the start',
        'info',
      );
    }
    const health: Health = { readiness: orderProbe(probe) };
    spec.health = health;
  }

  // -- deploy ---------------------------------------------------------------------------------

  private deploy(service: ComposeService, spec: ServiceSpec): void {
    const deploy = service.deploy;
    const workload = spec.workload ?? 'service';
    if (deploy?.replicas !== undefined) {
      if (workload === 'service' || workload === 'stateful') {
        spec.replicas = deploy.replicas;
      } else if (deploy.replicas !== 1) {
        this.loss(
          service,
          'deploy.replicas',
          deploy.at,
          `${deploy.replicas} replicas do not apply to a ${workload}`,
          workload === 'job' ? 'use job.parallelism' : 'remove replicas',
        );
      }
    }
    const limits = this.amounts(service, deploy?.limits, 'deploy.resources.limits');
    const requests = this.amounts(service, deploy?.reservations, 'deploy.resources.reservations');
    const legacy = this.legacyResources(service, Boolean(limits), Boolean(requests));
    const finalLimits = limits ?? legacy.limits;
    const finalRequests = requests ?? legacy.requests;
    if (finalLimits || finalRequests) {
      spec.resources = {};
      if (finalRequests) spec.resources.requests = finalRequests;
      if (finalLimits) spec.resources.limits = finalLimits;
    }
    for (const extra of deploy?.extra ?? []) {
      this.loss(
        service,
        ['deploy', ...extra.key.split('.')],
        extra.at,
        `deploy.${extra.key} is a swarm setting with no spec field`,
        extra.key === 'update_config'
          ? 'set rollout (maxSurge, maxUnavailable) in service.yaml'
          : 'remove it, or express it in the spec another way',
      );
    }
    for (const extra of deploy?.restartPolicy?.extra ?? []) {
      this.loss(
        service,
        ['deploy', 'restart_policy', extra.key],
        extra.at,
        `restart_policy.${extra.key} has no spec field`,
        'remove it',
      );
    }
  }

  private amounts(
    service: ComposeService,
    resources: NonNullable<ComposeService['deploy']>['limits'],
    field: string,
  ): { cpu?: string; memory?: string } | undefined {
    if (!resources) return undefined;
    const result: { cpu?: string; memory?: string } = {};
    if (resources.cpus !== undefined) {
      const cpu = cpuQuantity(resources.cpus);
      if (cpu === undefined)
        this.loss(
          service,
          `${field}.cpus`,
          service.deploy!.at,
          `cpus ${resources.cpus} is not a number of cores`,
          "write it like '0.5'",
        );
      else result.cpu = cpu;
    }
    if (resources.memory !== undefined) {
      const memory = memoryQuantity(resources.memory);
      if (memory === undefined)
        this.loss(
          service,
          `${field}.memory`,
          service.deploy!.at,
          `memory ${resources.memory} is not a size`,
          'write it like 256M',
        );
      else result.memory = memory;
    }
    for (const extra of resources.extra) {
      this.loss(
        service,
        ['deploy', 'resources', ...extra.key.split('.')],
        extra.at,
        `${extra.key} has no spec field`,
        'remove it, or add a patch',
      );
    }
    return Object.keys(result).length > 0 ? result : undefined;
  }

  private legacyResources(
    service: ComposeService,
    hasLimits: boolean,
    hasRequests: boolean,
  ): { limits?: { cpu?: string; memory?: string }; requests?: { memory?: string } } {
    const result: { limits?: { cpu?: string; memory?: string }; requests?: { memory?: string } } = {};
    for (const field of service.legacyResources) {
      const value = typeof field.value === 'number' || typeof field.value === 'string' ? field.value : '';
      const ignored =
        (field.key === 'mem_reservation' && hasRequests) || (field.key !== 'mem_reservation' && hasLimits);
      if (ignored) {
        this.loss(
          service,
          field.key,
          field.at,
          `${field.key} is ignored because deploy.resources sets the same limit`,
          'remove one of them',
        );
        continue;
      }
      if (field.key === 'cpus') {
        const cpu = value === '' ? undefined : cpuQuantity(value);
        if (cpu === undefined)
          this.loss(
            service,
            field.key,
            field.at,
            `cpus ${describeValue(field.value)} is not a number of cores`,
            "write it like '0.5'",
          );
        else (result.limits ??= {}).cpu = cpu;
      } else {
        const bytes = value === '' ? undefined : dockerBytes(value);
        if (bytes === undefined) {
          this.loss(service, field.key, field.at, `${describeValue(field.value)} is not a size`, 'write it like 256m');
          continue;
        }
        if (field.key === 'mem_limit') (result.limits ??= {}).memory = bytesQuantity(bytes);
        else (result.requests ??= {}).memory = bytesQuantity(bytes);
      }
    }
    return result;
  }

  // -- dependencies and reachability ----------------------------------------------------------

  private dependsOn(service: ComposeService, spec: ServiceSpec): void {
    const result: DependsOn = [];
    for (const dependency of service.dependsOn) {
      const target = this.byName.get(dependency.service);
      if (!target || target === this.proxy?.service) continue;
      const name = this.specName(dependency.service);
      let condition: 'started' | 'healthy' | 'completed' =
        dependency.condition === 'service_healthy'
          ? 'healthy'
          : dependency.condition === 'service_completed_successfully'
            ? 'completed'
            : 'started';
      if (
        condition === 'healthy' &&
        (!target.healthcheck || (!target.healthcheck.test && !target.healthcheck.disable) || target.healthcheck.disable)
      ) {
        this.loss(
          service,
          ['depends_on', dependency.service],
          dependency.at,
          `${dependency.service} has no healthcheck in the compose file (perhaps one in its image), so the spec waits for it to start, not to be healthy`,
          `give ${dependency.service} a readiness probe and set condition: healthy`,
        );
        condition = 'started';
      }
      if (dependency.restart !== undefined || dependency.required === false) {
        this.loss(
          service,
          ['depends_on', dependency.service],
          dependency.at,
          `${dependency.restart !== undefined ? 'restart' : 'required: false'} of a dependency has no spec field`,
          'remove it',
          'info',
        );
      }
      result.push(condition === 'started' ? name : { service: name, condition });
    }
    if (result.length > 0) spec.dependsOn = result;
  }

  /**
   * Who may call a service. In twinform's own output every service has a network named after it,
   * joined by its callers; elsewhere services on a shared user-defined network reach each other.
   * Callers that depend on the service are implied by dependsOn; the others become allowFrom.
   */
  private allowFrom(service: ComposeService, spec: ServiceSpec): void {
    if (!this.usesNetworks()) return;
    const callers = new Set<string>();
    const twinform = this.twinformNetworks();
    for (const other of this.model.services) {
      if (other === service || other === this.proxy?.service) continue;
      const networks = new Set(this.networksOf(other));
      const shared = twinform
        ? networks.has(service.name)
        : this.networksOf(service).some((network) => networks.has(network));
      if (shared && !other.dependsOn.some((dependency) => dependency.service === service.name))
        callers.add(this.specName(other.name));
    }
    if (callers.size > 0) spec.allowFrom = [...callers].sort(compare);
  }

  private networksCache?: boolean;

  /** Whether any service joins a user-defined network (else all share compose's default network). */
  private usesNetworks(): boolean {
    this.networksCache ??= this.model.services.some((service) => service.networks.length > 0);
    return this.networksCache;
  }

  private twinformCache?: boolean;

  private twinformNetworks(): boolean {
    this.twinformCache ??=
      Object.keys(this.model.networks).length > 0 &&
      Object.keys(this.model.networks).every((network) => this.byName.has(network)) &&
      this.model.services.every(
        (service) => service === this.proxy?.service || this.networksOf(service).includes(service.name),
      );
    return this.twinformCache;
  }

  private networksOf(service: ComposeService): string[] {
    if (service.other.some((field) => field.key === 'network_mode')) return [];
    return service.networks.length > 0 ? service.networks.map((network) => network.name) : ['default'];
  }

  // -- labels and security --------------------------------------------------------------------

  private labels(service: ComposeService, spec: ServiceSpec): void {
    const labels = emptyRecord<string>();
    const annotations = emptyRecord<string>();
    const at = service.fieldAt.labels ?? service.at;
    for (const [key, value] of Object.entries(service.labels).sort(([a], [b]) => compare(a, b))) {
      if (spec.workload === 'cronjob' && (key === CRONJOB_SCHEDULE_LABEL || key === CRONJOB_TIME_ZONE_LABEL)) continue;
      if (key.startsWith('kompose.')) {
        this.loss(
          service,
          ['labels', key],
          at,
          'kompose settings have no meaning for twinform',
          'express the setting in service.yaml',
        );
        continue;
      }
      if (!isQualifiedName(key)) {
        this.loss(
          service,
          ['labels', key],
          at,
          `label key ${key} is not a valid Kubernetes label or annotation key`,
          'rename the label',
        );
        continue;
      }
      if (isLabelValue(value)) labels[key] = value;
      else {
        annotations[key] = value;
        this.loss(
          service,
          ['labels', key],
          at,
          `the value of label ${key} is not a valid Kubernetes label value; it becomes a pod annotation, which the generated compose file does not carry`,
          'shorten the value to 63 characters of letters, digits, -, _ and .',
          'info',
        );
      }
    }
    if (Object.keys(labels).length > 0) spec.labels = Object.fromEntries(Object.entries(labels));
    if (Object.keys(annotations).length > 0) spec.annotations = Object.fromEntries(Object.entries(annotations));
  }

  private security(service: ComposeService, spec: ServiceSpec): void {
    const security: NonNullable<ServiceSpec['security']> = {};
    if (this.model.generatedByTwinform) {
      // twinform writes the profile as cap_drop/security_opt; read it back exactly.
      const noNewPrivileges = service.securityOpt.some((option) => /^no-new-privileges(:true|=true)?$/.test(option));
      const dropsAll = service.capDrop.some((capability) => capability.toUpperCase() === 'ALL');
      if (!noNewPrivileges) security.profile = 'privileged';
      else if (!dropsAll) security.profile = 'baseline';
    }
    if (service.readOnly) security.readOnlyRootFilesystem = true;
    const at = (field: string): SourcePosition => service.fieldAt[field] ?? service.at;
    const added = service.capAdd.map((capability) => capability.toUpperCase().replace(/^CAP_/, ''));
    if (added.includes('ALL')) {
      this.loss(
        service,
        'cap_add',
        at('cap_add'),
        'adding all capabilities is not allowed by the restricted profile',
        'list the capabilities the process needs and set security.profile: privileged',
      );
    } else {
      const allowed = (capability: string): boolean =>
        security.profile !== undefined || capability === 'NET_BIND_SERVICE';
      const kept = added.filter(allowed);
      const dropped = added.filter((capability) => !allowed(capability));
      if (kept.length > 0) security.addCapabilities = kept;
      if (dropped.length > 0) {
        this.loss(
          service,
          'cap_add',
          at('cap_add'),
          `capabilities ${dropped.join(', ')} are not added: the restricted security profile (the default) allows only NET_BIND_SERVICE`,
          `if the service needs them, set security: { profile: privileged, addCapabilities: [${dropped.join(', ')}] } and accept a pod outside the restricted Pod Security Standard`,
        );
      }
    }
    if (service.privileged) {
      this.loss(
        service,
        'privileged',
        at('privileged'),
        'privileged containers have no place in the spec; the service gets the restricted profile',
        'set security.profile: privileged if it truly needs host access, and review why',
      );
    }
    for (const option of service.securityOpt) {
      if (/^no-new-privileges(:true|=true)?$/.test(option)) continue;
      this.loss(
        service,
        'security_opt',
        at('security_opt'),
        `security option ${option} has no spec field`,
        'the restricted profile applies RuntimeDefault seccomp and no privilege escalation',
      );
    }
    if (Object.keys(security).length > 0) spec.security = security;
  }

  private unsupported(service: ComposeService): void {
    for (const field of service.other) {
      const reason = own(UNSUPPORTED, field.key);
      if (reason) this.loss(service, field.key, field.at, reason[0], reason[1]);
      else
        this.loss(service, field.key, field.at, `${field.key} has no spec field`, 'remove it, or add a compose patch');
    }
    for (const network of service.networks) {
      const settings = Object.keys(network.settings).filter((key) => !key.startsWith('x-'));
      if (settings.length > 0) {
        this.loss(
          service,
          ['networks', network.name],
          network.at,
          `network settings (${settings.join(', ')}) have no spec field`,
          'reach the service by its service name',
        );
      }
    }
    if (
      service.profiles.length > 0 &&
      !(
        service.profiles.length === 1 &&
        service.profiles[0] === CRONJOB_PROFILE &&
        service.labels[CRONJOB_SCHEDULE_LABEL] !== undefined
      )
    ) {
      this.loss(
        service,
        'profiles',
        service.fieldAt.profiles ?? service.at,
        `profiles (${service.profiles.join(', ')}) have no spec field; the service starts with the others`,
        'remove the service from service.yaml files if it should not run by default',
        'info',
      );
    }
  }

  // -- project --------------------------------------------------------------------------------

  private reportTopLevel(): void {
    for (const field of this.model.other) {
      if (field.key === 'version') {
        this.loss(
          undefined,
          'version',
          field.at,
          'the version key is obsolete and ignored by compose',
          'nothing to do',
          'info',
        );
      } else {
        this.loss(undefined, field.key, field.at, `top-level ${field.key} has no spec field`, 'remove it');
      }
    }
    for (const network of Object.values(this.model.networks)) {
      if (this.twinformNetworks()) continue;
      const options = Object.keys(network.definition).filter((key) => !key.startsWith('x-'));
      if (options.length > 0) {
        this.loss(
          undefined,
          ['networks', network.name],
          network.at,
          `network settings (${options.join(', ')}) have no spec field; reachability comes from dependsOn and allowFrom`,
          'nothing to do unless the network connects to something outside the project',
        );
      }
    }
    if (!this.usesNetworks() && this.model.services.length > 1) {
      const first = this.model.services[0]!;
      this.issues.push(
        makeIssue(
          'info',
          'advice',
          "On compose's default network every service could call every other; the spec lets a service be called only by services that depend on it (dependsOn) or are listed in its allowFrom.",
          {
            ...first.at,
            hint: 'Add allowFrom entries for callers that do not depend on the service they call.',
          },
        ),
      );
    }
    const rootServices = this.model.generatedByTwinform
      ? []
      : this.model.services.filter((service) => !service.capDrop.map((cap) => cap.toUpperCase()).includes('ALL'));
    if (rootServices.length > 0) {
      this.issues.push(
        makeIssue(
          'info',
          'advice',
          `${rootServices.map((service) => service.name).join(', ')} ran with docker's default capabilities; the spec applies the restricted security profile (non-root user, no capabilities, no privilege escalation).`,
          {
            ...rootServices[0]!.at,
            hint: 'Images that must start as root need security: { profile: baseline } in their service.yaml.',
          },
        ),
      );
    }
  }

  private project(): ProjectSpec {
    const name = toLabel(this.options.projectName ?? this.model.name) ?? 'app';
    const project: ProjectSpec = { name };
    if (this.proxy) {
      const proxy: NonNullable<NonNullable<ProjectSpec['compose']>['proxy']> = {};
      if (this.proxy.image !== DEFAULT_PROXY_IMAGE) proxy.image = this.proxy.image;
      if (this.proxy.port !== undefined && this.proxy.port !== 8080) proxy.port = this.proxy.port;
      if (Object.keys(proxy).length > 0) project.compose = { proxy };
    }
    return project;
  }

  // -- the local ingress proxy of twinform's output -------------------------------------------

  private recogniseProxy(): void {
    const service = this.byName.get(PROXY_SERVICE_NAME);
    const config = own(this.model.configs, PROXY_CONFIG_NAME);
    if (!service || !config?.content || service.image === undefined) return;
    const routes = parseProxyConfig(config.content);
    if (!routes) return;
    const published = service.ports.find((port) => port.target === PROXY_CONTAINER_PORT);
    this.proxy = {
      image: service.image,
      service,
      ...(published?.published !== undefined ? { port: published.published } : {}),
    };
    this.routes.push(...routes);
  }

  private applyRoutes(imported: ImportedService[]): void {
    for (const route of this.routes) {
      const target = imported.find((candidate) => candidate.spec.name === this.specName(route.service));
      const port = target?.spec.ports?.find(
        (candidate) => candidate.port === route.port && (candidate.protocol ?? 'TCP') === 'TCP',
      );
      if (!target || !port) {
        this.loss(
          this.proxy?.service,
          'configs',
          this.proxy!.service.at,
          `the ingress route ${route.host ?? ''}${route.path} goes to ${route.service}:${route.port}, which is not a port of an imported service`,
          'add the route to the right port in service.yaml',
        );
        continue;
      }
      port.expose = 'ingress';
      const ingressRoute: NonNullable<Port['ingress']>[number] = {};
      if (route.host !== undefined) ingressRoute.host = route.host;
      if (route.path !== '/') ingressRoute.path = route.path;
      if (route.pathType !== 'Prefix') ingressRoute.pathType = route.pathType;
      port.ingress = [...(port.ingress ?? []), ingressRoute] as NonNullable<Port['ingress']>;
      const index = target.spec.ports!.indexOf(port);
      target.spec.ports![index] = orderPort(port);
    }
  }
}

// -- small helpers ------------------------------------------------------------------------------

function fieldSegments(service: ComposeService | undefined, field: string | string[]): string[] {
  const segments = Array.isArray(field) ? field : field === '' ? [] : field.split('.');
  return service ? ['services', service.name, ...segments] : segments;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `db-data` of service `db` → `data` (twinform names volumes and configs `<service>-<name>`). */
function stripPrefix(name: string, service: string): string {
  return name.startsWith(`${service}-`) && name.length > service.length + 1 ? name.slice(service.length + 1) : name;
}

function uniqueLabel(candidate: string, taken: Set<string>, fallback = 'config'): string {
  const base = toLabel(candidate) ?? fallback;
  let name = base;
  for (let index = 2; taken.has(name); index += 1) name = `${base.slice(0, 58)}-${index}`;
  taken.add(name);
  return name;
}

/** Keys in the schema's order, so service.yaml reads like a hand-written spec. */
export const orderSpec = orderServiceSpec;

function orderPort(port: Port): Port {
  const result: Record<string, unknown> = {};
  for (const key of ['name', 'port', 'protocol', 'expose', 'hostPort', 'ingress'] as const)
    if (port[key] !== undefined) result[key] = port[key];
  return result as unknown as Port;
}

function orderProbe(probe: Probe): Probe {
  const result: Record<string, unknown> = {};
  const keys: Array<keyof Probe> = [
    'http',
    'tcp',
    'exec',
    'grpc',
    'initialDelaySeconds',
    'periodSeconds',
    'timeoutSeconds',
    'failureThreshold',
    'successThreshold',
  ];
  for (const key of keys) if (probe[key] !== undefined) result[key] = probe[key];
  return result as Probe;
}
