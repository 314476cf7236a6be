/**
 * The part of a spec that survives a trip through docker-compose.yml: what fromCompose(toCompose(S))
 * gives back. Each rule below is a spec field compose cannot carry, and what the import makes of it.
 * The round-trip property test checks import(generate(S)) == composeRepresentable(S) exactly, so
 * this file is the precise list of compose's gaps.
 */
import { posix } from 'node:path';
import { toLabel } from '@twinform/spec';
import type { EnvValue, Port, Probe, ServiceSpec, Volume } from '@twinform/spec';
import { parseEnvFile } from '../../src';
import { DEFAULT_VOLUME_SIZE, orderSpec } from '../../src/import';
import type { GeneratedProject, GeneratedService } from './arbitraries';

export function composeRepresentable(generated: GeneratedProject): GeneratedProject {
  return {
    project: { name: generated.project.name },
    services: generated.services.map((service) => ({ spec: representableSpec(service), assets: service.assets })),
  };
}

function representableSpec(service: GeneratedService): ServiceSpec {
  const spec: ServiceSpec = JSON.parse(JSON.stringify(service.spec)) as ServiceSpec;
  // Kubernetes-only settings: compose has no place for them.
  delete spec.description;
  delete spec.annotations;
  delete spec.disruption;
  delete spec.rollout;
  delete spec.job;
  delete spec.patches;
  delete spec.environments;
  // A stateful set and a daemon set run like any service in compose (one container, restarted).
  if (spec.workload === 'stateful' || spec.workload === 'daemon') delete spec.workload;
  // compose runs the autoscaler's minimum.
  if (spec.autoscaling) {
    const minimum = spec.autoscaling.minReplicas ?? 1;
    delete spec.autoscaling;
    if (spec.workload === undefined) spec.replicas = minimum;
  }
  if (spec.schedule)
    spec.schedule = {
      cron: spec.schedule.cron,
      ...(spec.schedule.timeZone !== undefined ? { timeZone: spec.schedule.timeZone } : {}),
    };
  if (spec.ports) spec.ports = spec.ports.map(representablePort);
  if (spec.env) spec.env = representableEnv(spec, service.assets);
  if (spec.volumes) spec.volumes = representableVolumes(spec.volumes);
  if (spec.health) spec.health = representableHealth(spec.health);
  if (spec.dependsOn) {
    spec.dependsOn = spec.dependsOn
      .map((entry) =>
        typeof entry === 'string' || (entry.condition ?? 'started') === 'started'
          ? typeof entry === 'string'
            ? entry
            : entry.service
          : { service: entry.service, condition: entry.condition! },
      )
      .sort((a, b) => (typeof a === 'string' ? a : a.service).localeCompare(typeof b === 'string' ? b : b.service));
  }
  if (spec.security) {
    const security = { ...spec.security };
    // Service accounts do not exist in compose; the profile is read back from cap_drop/security_opt.
    delete security.automountServiceAccountToken;
    if (security.profile === 'restricted') delete security.profile;
    if (Object.keys(security).length > 0) spec.security = security;
    else delete spec.security;
  }
  return orderSpec(spec);
}

function representablePort(port: Port): Port {
  if (port.expose !== 'ingress' || !port.ingress) return port;
  // The local proxy serves no TLS, and routes ImplementationSpecific paths as Prefix.
  const routes = port.ingress.map((route) => {
    const result: NonNullable<Port['ingress']>[number] = {};
    if (route.host !== undefined) result.host = route.host;
    if (route.path !== undefined && route.path !== '/') result.path = route.path.replace(/(.)\/+$/, '$1');
    if (route.pathType === 'Exact') result.pathType = 'Exact';
    return result;
  });
  return { ...port, ingress: routes as NonNullable<Port['ingress']> };
}

/** compose inlines values read from an env file entry ({ config, key }). */
function representableEnv(spec: ServiceSpec, assets: Record<string, string>): Record<string, EnvValue> {
  const result: Record<string, EnvValue> = {};
  for (const [name, value] of Object.entries(spec.env ?? {})) {
    if (typeof value === 'object' && 'config' in value) {
      const file = (spec.envFiles ?? []).find((candidate) => posix.parse(candidate).name === value.config);
      const literal = file === undefined ? undefined : parseEnvFile(assets[file] ?? '').get(value.key);
      if (literal !== undefined) result[name] = literal.replace(/\$/g, '$$$$');
    } else if (typeof value === 'object' && 'secret' in value) {
      result[name] = value.key === undefined || value.key === value.secret ? { secret: value.secret } : value;
    } else result[name] = String(value);
  }
  return result;
}

/**
 * compose volumes have no size, access mode or storage class; only named (persistent) volumes
 * keep their name, the others are named after their mount path.
 */
function representableVolumes(volumes: Volume[]): Volume[] {
  const names = new Set<string>();
  const unique = (candidate: string): string => {
    const base = toLabel(candidate) ?? 'data';
    let name = base;
    for (let index = 2; names.has(name); index += 1) name = `${base}-${index}`;
    names.add(name);
    return name;
  };
  return volumes.map((volume) => {
    const type = volume.type ?? 'persistent';
    const result: Volume = {
      name: unique(type === 'persistent' ? volume.name : posix.basename(volume.mountPath)),
      mountPath: volume.mountPath,
      type,
    };
    if (type === 'persistent') result.size = DEFAULT_VOLUME_SIZE;
    if (type === 'tmpfs' && volume.size !== undefined) result.size = volume.size;
    if (type === 'bind') result.source = posix.normalize(posix.join(volume.source ?? '.', volume.subPath ?? '.'));
    if (volume.readOnly) result.readOnly = true;
    if (type === 'persistent' && volume.subPath !== undefined) result.subPath = volume.subPath;
    return result;
  });
}

/** One compose healthcheck: readiness, else liveness, else startup, read back as readiness. */
function representableHealth(
  health: NonNullable<ServiceSpec['health']>,
): NonNullable<ServiceSpec['health']> | undefined {
  if (health.compose?.[0] === 'NONE') return { compose: ['NONE'] };
  const probe = health.readiness ?? health.liveness ?? health.startup;
  if (!probe) return undefined;
  const result: Probe = {};
  if (probe.http)
    result.http = {
      path: probe.http.path ?? '/',
      port: probe.http.port,
      ...(probe.http.scheme === 'HTTPS' ? { scheme: 'HTTPS' as const } : {}),
    };
  if (probe.tcp) result.tcp = probe.tcp;
  if (probe.exec) result.exec = probe.exec;
  if (probe.grpc) result.grpc = probe.grpc;
  const startPeriod = Math.max(
    health.startup && health.startup !== probe
      ? (health.startup.initialDelaySeconds ?? 0) +
          (health.startup.periodSeconds ?? 10) * (health.startup.failureThreshold ?? 3)
      : 0,
    probe.initialDelaySeconds ?? 0,
  );
  if (startPeriod > 0) result.initialDelaySeconds = startPeriod;
  if (probe.periodSeconds !== undefined && probe.periodSeconds !== 10) result.periodSeconds = probe.periodSeconds;
  if (probe.timeoutSeconds !== undefined && probe.timeoutSeconds !== 1) result.timeoutSeconds = probe.timeoutSeconds;
  if (probe.failureThreshold !== undefined && probe.failureThreshold !== 3)
    result.failureThreshold = probe.failureThreshold;
  return { readiness: result };
}
