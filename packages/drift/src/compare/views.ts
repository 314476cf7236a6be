import {
  parseBytes,
  parseCpu,
  parseEnvTemplate,
  renderEnvTemplate,
  type Probe,
  type ServiceSpec,
  type SourcePosition,
} from '@twinform/spec';
import { isPlainObject } from '../values';

/**
 * One service as both sides can describe it, in a form where equal meaning is equal data:
 * references rendered to host:port, quantities in millicores and bytes, probe ports as numbers,
 * env files expanded into the env. Built from an imported spec; `at` says where each value is written.
 */
export interface Located<T> {
  value: T;
  at?: SourcePosition;
}

/** What is mounted at one path; `content` for config files whose text is known. */
export type Mount = Located<string> & { content?: string };

export interface ProbeView {
  /** The check in words: `http GET :3000/readyz`, `tcp :6379`, `exec curl -f http://localhost`. */
  check: string;
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  /** Seconds before failures count (compose start_period; a startup probe's budget in Kubernetes). */
  startPeriod: number;
  at?: SourcePosition;
}

export interface ServiceView {
  name: string;
  workload: Located<string>;
  image?: Located<string>;
  build?: Located<string>;
  command?: Located<string[]>;
  args?: Located<string[]>;
  env: Map<string, Located<string>>;
  probe?: ProbeView;
  /** mount path → what is mounted there (`persistent volume`, `tmpfs`, `config file`, `secret x`). */
  volumes: Map<string, Mount>;
  /** mount path → host folder: compose bind mounts, which have no Kubernetes counterpart. */
  binds: Map<string, Located<string>>;
  /** A compose-only healthcheck (spec `health.compose`, or a disabled check): not compared with the probes. */
  ownComposeCheck?: Located<string>;
  /** `limits.cpu`, `requests.memory`... → the quantity as written (in spec units). */
  resources: Map<string, Located<string>>;
  replicas?: Located<number>;
  at?: SourcePosition;
}

/** How a side finds where a spec field is written. */
export type Locator = (pointer: string) => SourcePosition | undefined;

/** Port name → number, per service, to turn references and named probe ports into numbers. */
export type PortNumbers = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function portNumbers(specs: readonly ServiceSpec[]): PortNumbers {
  return new Map(
    specs.map((spec) => [spec.name, new Map((spec.ports ?? []).map((port) => [port.name, port.port as number]))]),
  );
}

/** `${svc.port}` as the host:port it stands for on this side (unknown ports stay as written). */
export function envText(
  value: unknown,
  ports: PortNumbers,
  configs: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(),
): string {
  if (isPlainObject(value)) {
    if (typeof value.secret === 'string') return `secret ${value.secret} key ${String(value.key ?? value.secret)}`;
    if (typeof value.config === 'string') {
      // A key of an env file reads as the value written there (compose inlines it, Kubernetes refers to it).
      const resolved = configs.get(value.config)?.get(String(value.key));
      return resolved ?? `config ${value.config} key ${String(value.key)}`;
    }
    return JSON.stringify(value);
  }
  if (typeof value !== 'string') return String(value);
  return renderEnvTemplate(parseEnvTemplate(value), (reference) => {
    const port = ports.get(reference.service)?.get(reference.port);
    if (port === undefined) return reference.raw;
    if (reference.part === 'host') return reference.service;
    if (reference.part === 'port') return String(port);
    return `${reference.service}:${port}`;
  });
}

/** Millicores for cpu, bytes for memory: `0.5` and `500m`, `512Mi` and `536870912` are the same. */
export function quantityAmount(key: string, text: string): number | undefined {
  const parsed = key.endsWith('cpu') ? parseCpu(text) : parseBytes(text);
  if (!parsed.ok) return undefined;
  return key.endsWith('cpu') ? Math.round(parsed.value * 1000) : Math.round(parsed.value);
}

const PROBE_DEFAULTS = { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 };

/** The probe the compose healthcheck renders: readiness, else liveness, else startup. */
function chosenProbe(spec: ServiceSpec): { kind: 'readiness' | 'liveness' | 'startup'; probe: Probe } | undefined {
  const health = spec.health ?? {};
  if (health.readiness) return { kind: 'readiness', probe: health.readiness };
  if (health.liveness) return { kind: 'liveness', probe: health.liveness };
  if (health.startup) return { kind: 'startup', probe: health.startup };
  return undefined;
}

function checkText(probe: Probe, ports: ReadonlyMap<string, number>): string {
  const port = (value: string | number): string =>
    `:${typeof value === 'number' ? value : (ports.get(value) ?? value)}`;
  if (probe.http) return `http ${probe.http.scheme ?? 'HTTP'} GET ${port(probe.http.port)}${probe.http.path ?? '/'}`;
  if (probe.tcp) return `tcp ${port(probe.tcp.port)}`;
  if (probe.grpc) return `grpc ${port(probe.grpc.port)}${probe.grpc.service ? ` ${probe.grpc.service}` : ''}`;
  if (probe.exec) {
    const command = probe.exec.command;
    // compose runs a CMD-SHELL test with sh -c, so both spellings run the same.
    return `exec ${command.length === 3 && command[0] === 'sh' && command[1] === '-c' ? command[2] : command.join(' ')}`;
  }
  return 'none';
}

export function probeView(
  spec: ServiceSpec,
  ports: ReadonlyMap<string, number>,
  locate: Locator,
  side: 'compose' | 'kubernetes',
): ProbeView | undefined {
  const chosen = chosenProbe(spec);
  if (!chosen) return undefined;
  const { probe } = chosen;
  const startup = spec.health?.startup;
  const budget =
    side === 'kubernetes' && startup && chosen.kind !== 'startup'
      ? (startup.initialDelaySeconds ?? 0) +
        (startup.periodSeconds ?? PROBE_DEFAULTS.periodSeconds) *
          (startup.failureThreshold ?? PROBE_DEFAULTS.failureThreshold)
      : 0;
  const view: ProbeView = {
    check: checkText(probe, ports),
    periodSeconds: probe.periodSeconds ?? PROBE_DEFAULTS.periodSeconds,
    timeoutSeconds: probe.timeoutSeconds ?? PROBE_DEFAULTS.timeoutSeconds,
    failureThreshold: probe.failureThreshold ?? PROBE_DEFAULTS.failureThreshold,
    startPeriod: Math.max(budget, probe.initialDelaySeconds ?? 0),
  };
  const at = locate(`/health/${chosen.kind}`);
  if (at) view.at = at;
  return view;
}

function located<T>(value: T, at: SourcePosition | undefined): Located<T> {
  return at ? { value, at } : { value };
}

/** Each env file's variables, by the config name the spec gives the file (its name without extension). */
function envFiles(
  spec: ServiceSpec,
  assets: Readonly<Record<string, string>>,
  parse: (content: string) => Map<string, string>,
): Map<string, Map<string, string>> {
  const files = new Map<string, Map<string, string>>();
  for (const file of spec.envFiles ?? []) {
    const content = assets[file] ?? assets[file.replace(/^\.\//, '')];
    if (content === undefined) continue;
    const name = file
      .split('/')
      .pop()!
      .replace(/\.[^.]*$/, '');
    files.set(name, parse(content));
  }
  return files;
}

export interface ViewSource {
  spec: ServiceSpec;
  assets: Readonly<Record<string, string>>;
  locate: Locator;
  ports: PortNumbers;
  side: 'compose' | 'kubernetes';
  parseEnvFile: (content: string) => Map<string, string>;
  /** What compose builds the image from, when it builds it (shown when the other side pulls an image). */
  build?: Located<string>;
}

export function serviceView(source: ViewSource): ServiceView {
  const { spec, locate } = source;
  const ownPorts = source.ports.get(spec.name) ?? new Map<string, number>();
  const view: ServiceView = {
    name: spec.name,
    workload: located(spec.workload ?? 'service', locate('/workload')),
    env: new Map(),
    binds: new Map(),
    volumes: new Map(),
    resources: new Map(),
  };
  const serviceAt = locate('');
  if (serviceAt) view.at = serviceAt;
  if (spec.image !== undefined) view.image = located(spec.image, locate('/image'));
  if (source.build) view.build = source.build;
  if (spec.command) view.command = located([...spec.command], locate('/command'));
  if (spec.args) view.args = located([...spec.args], locate('/args'));

  const files = envFiles(spec, source.assets, source.parseEnvFile);
  // A later file wins, as with compose env_file and Kubernetes envFrom; explicit env wins over both.
  for (const values of files.values()) {
    for (const [name, value] of values) view.env.set(name, located(value, locate('/envFiles')));
  }
  for (const [name, value] of Object.entries(spec.env ?? {})) {
    if (value === null || value === undefined) continue;
    view.env.set(
      name,
      located(envText(value, source.ports, files), locate(`/env/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`)),
    );
  }

  const composeCheck = spec.health?.compose;
  if (source.side === 'compose' && composeCheck !== undefined) {
    view.ownComposeCheck = located(composeCheck.join(' '), locate('/health'));
  } else {
    const probe = probeView(spec, ownPorts, locate, source.side);
    if (probe) view.probe = probe;
  }

  (spec.volumes ?? []).forEach((volume, index) => {
    const type = volume.type ?? 'persistent';
    if (type === 'bind') {
      view.binds.set(volume.mountPath, located(volume.source ?? '', locate(`/volumes/${index}`)));
      return;
    }
    const kind = type === 'tmpfs' ? 'tmpfs' : `${type} volume`;
    view.volumes.set(volume.mountPath, located(kind, locate(`/volumes/${index}`)));
  });
  (spec.configs ?? []).forEach((config, index) => {
    const content = config.content ?? (config.file === undefined ? undefined : source.assets[config.file]);
    const mount: Mount = located('config file', locate(`/configs/${index}`));
    if (content !== undefined) mount.content = content;
    view.volumes.set(config.mountPath, mount);
  });
  (spec.secrets ?? []).forEach((secret, index) => {
    view.volumes.set(
      secret.mountPath ?? `/run/secrets/${secret.name}`,
      located(`secret ${secret.name}`, locate(`/secrets/${index}`)),
    );
  });

  for (const level of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory'] as const) {
      const value = spec.resources?.[level]?.[resource];
      if (value !== undefined)
        view.resources.set(`${level}.${resource}`, located(String(value), locate(`/resources/${level}/${resource}`)));
    }
  }

  if (spec.workload === undefined || spec.workload === 'service' || spec.workload === 'stateful') {
    const replicas = spec.autoscaling ? (spec.autoscaling.minReplicas ?? 1) : (spec.replicas ?? 1);
    view.replicas = located(replicas, locate(spec.autoscaling ? '/autoscaling' : '/replicas'));
  }
  return view;
}
