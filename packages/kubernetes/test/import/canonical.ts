import { posix } from 'node:path';
import {
  parseEnvTemplate,
  renderEnvTemplate,
  resolveProject,
  type LoadedProject,
  type NormalizedService,
  type Probe,
} from '@twinform/spec';
import { kubernetesQuantity, parseEnvFile } from '../../src';

/**
 * What a project means for the Kubernetes base, with every default filled in and every spelling
 * that renders the same made equal (`$$` and `$`, cpu 0.5 and '500m', a port by number or by name,
 * config content inline or in a file). Two projects with the same canonical form generate the same
 * base manifests; importing the base gives back a project with the canonical form it came from.
 */
export function canonicalProject(loaded: LoadedProject): unknown {
  const resolved = resolveProject(loaded, undefined);
  const { settings } = resolved;
  const byName = new Map(resolved.services.map((service) => [service.name, service]));
  const usesSecrets = resolved.services.some(
    (service) =>
      service.secrets.length > 0 || service.env.some(([, value]) => typeof value === 'object' && 'secret' in value),
  );
  const hasIngress = resolved.services.some((service) => service.ports.some((port) => port.expose === 'ingress'));
  const waits = resolved.services.some((service) =>
    service.dependsOn.some((dependency) => dependency.condition !== 'completed'),
  );
  return {
    name: settings.name,
    namespace: settings.namespace,
    waitImage: waits ? settings.waitImage : undefined,
    ingressClassName: hasIngress ? settings.ingressClassName : undefined,
    ingressControllerNamespace:
      hasIngress && settings.networkPolicies ? settings.ingressControllerNamespace : undefined,
    networkPolicies: settings.networkPolicies,
    secretStore: usesSecrets ? settings.secretStore : undefined,
    services: resolved.services.map((service) =>
      canonicalService(service, byName, resolved.assets, settings.networkPolicies),
    ),
  };
}

const sorted = <T>(items: T[], key: (item: T) => string): T[] => [...items].sort((a, b) => (key(a) < key(b) ? -1 : 1));

function canonicalService(
  service: NormalizedService,
  services: Map<string, NormalizedService>,
  assets: Record<string, string>,
  networkPolicies: boolean,
): unknown {
  const asset = (file: string): string | undefined => assets[posix.join(service.dir, file)];
  const render = (value: string): string =>
    renderEnvTemplate(parseEnvTemplate(value), (reference) => {
      const target = services.get(reference.service);
      const port = target?.ports.find((candidate) => candidate.name === reference.port);
      if (reference.part === 'host') return reference.service;
      if (reference.part === 'port') return String(port?.port);
      return `${reference.service}:${port?.port}`;
    });
  const portName = (ref: string | number): string | number =>
    typeof ref === 'number' ? (service.ports.find((port) => port.port === ref)?.name ?? ref) : ref;
  const probe = (kind: string, value: Probe | undefined): unknown => {
    if (!value) return undefined;
    return {
      http: value.http
        ? { path: value.http.path ?? '/', port: portName(value.http.port), scheme: value.http.scheme }
        : undefined,
      tcp: value.tcp ? { port: portName(value.tcp.port) } : undefined,
      exec: value.exec,
      grpc: value.grpc ? { port: portName(value.grpc.port), service: value.grpc.service } : undefined,
      initialDelaySeconds: value.initialDelaySeconds,
      periodSeconds: value.periodSeconds,
      timeoutSeconds: value.timeoutSeconds,
      failureThreshold: value.failureThreshold,
      successThreshold: kind === 'readiness' ? value.successThreshold : undefined,
    };
  };
  const quantities = (amounts: { cpu?: string | number; memory?: string } | undefined): unknown =>
    amounts && {
      cpu: amounts.cpu === undefined ? undefined : kubernetesQuantity(amounts.cpu),
      memory: amounts.memory === undefined ? undefined : kubernetesQuantity(amounts.memory),
    };
  const scalable = service.workload === 'service' || service.workload === 'stateful';
  const pods = service.autoscaling ? (service.autoscaling.minReplicas ?? 1) : (service.replicas ?? 1);
  const disruption = service.disruption ?? {};
  const budget =
    !scalable || disruption.enabled === false
      ? undefined
      : disruption.minAvailable !== undefined
        ? { minAvailable: disruption.minAvailable }
        : disruption.maxUnavailable !== undefined || pods > 1 || disruption.enabled === true
          ? { maxUnavailable: disruption.maxUnavailable ?? 1 }
          : undefined;
  const dependents = [...services.values()].filter((other) =>
    other.dependsOn.some((dependency) => dependency.service === service.name),
  );
  const callers =
    networkPolicies && service.ports.length > 0
      ? sorted(
          service.allowFrom.filter(
            (caller) => caller !== service.name && !dependents.some((other) => other.name === caller),
          ),
          (name) => name,
        )
      : [];
  const rollout = service.rollout;
  return {
    name: service.name,
    workload: service.workload,
    image: service.image,
    command: service.command,
    args: service.args,
    workingDir: service.workingDir,
    user: service.user && { uid: service.user.uid, gid: service.user.gid ?? service.user.uid },
    ports: service.ports.map((port) => ({
      name: port.name,
      port: port.port,
      protocol: port.protocol,
      ingress: port.expose === 'ingress' ? sorted(port.ingress, (route) => JSON.stringify(route)) : [],
    })),
    env: service.env.map(([name, value]) => [name, typeof value === 'string' ? render(value) : value]),
    envFiles: service.envFiles.map((file) => [posix.parse(file).name, parseEnvFile(asset(file) ?? '').data]),
    configs: service.configs.map((config) => ({
      name: config.name,
      mountPath: config.mountPath,
      mode: config.mode === undefined ? undefined : parseInt(config.mode, 8),
      key: posix.basename(config.file ?? config.mountPath),
      content: config.content ?? asset(config.file ?? ''),
    })),
    secrets: service.secrets,
    volumes: service.volumes.map((volume) => ({
      name: volume.name,
      mountPath: volume.mountPath,
      type: volume.type ?? 'persistent',
      size: volume.size === undefined ? undefined : kubernetesQuantity(volume.size),
      accessMode: (volume.type ?? 'persistent') === 'persistent' ? (volume.accessMode ?? 'ReadWriteOnce') : undefined,
      storageClass: volume.storageClass,
      readOnly: volume.readOnly === true,
      subPath: volume.subPath,
    })),
    health: {
      liveness: probe('liveness', service.health.liveness),
      readiness: probe('readiness', service.health.readiness),
      startup: probe('startup', service.health.startup),
    },
    resources: service.resources && {
      requests: quantities(service.resources.requests),
      limits: quantities(service.resources.limits),
    },
    replicas: scalable && !service.autoscaling ? service.replicas : undefined,
    autoscaling: scalable ? service.autoscaling : undefined,
    budget,
    rollout:
      rollout === undefined || service.workload === 'job' || service.workload === 'cronjob'
        ? undefined
        : service.workload === 'stateful'
          ? 'RollingUpdate'
          : rollout.strategy === 'Recreate' && service.workload === 'service'
            ? 'Recreate'
            : { maxSurge: rollout.maxSurge, maxUnavailable: rollout.maxUnavailable },
    terminationGracePeriodSeconds: service.terminationGracePeriodSeconds,
    job: service.workload === 'job' || service.workload === 'cronjob' ? (service.job ?? {}) : undefined,
    schedule:
      service.workload === 'cronjob' && service.schedule
        ? { ...service.schedule, concurrencyPolicy: service.schedule.concurrencyPolicy ?? 'Forbid' }
        : undefined,
    dependsOn: service.dependsOn
      .filter(
        (dependency) =>
          dependency.condition !== 'completed' && (services.get(dependency.service)?.ports.length ?? 0) > 0,
      )
      .map((dependency) => ({
        service: dependency.service,
        port: dependency.port ?? services.get(dependency.service)?.ports[0]?.name,
      })),
    allowFrom: callers,
    labels: service.labels,
    annotations: service.annotations,
    security: service.security,
  };
}
