import {
  parseEnvTemplate,
  renderEnvTemplate,
  type NormalizedService,
  type Probe,
  type ResourceAmounts,
  type ServiceReference,
} from '@twinform/spec';
import type {
  Container,
  ContainerPort,
  EnvFromSource,
  EnvVar,
  PersistentVolumeClaim,
  PodSecurityContext,
  PodSpec,
  PodTemplateSpec,
  Probe as KubernetesProbe,
  ResourceRequirements,
  SecurityContext,
  Volume,
  VolumeMount,
} from 'kubernetes-types/core/v1';
import { parseFileMode, type ServiceConfiguration } from './config';
import { report, type RenderContext } from './context';
import { CONFIG_HASH_ANNOTATION, claimName, configMapName, dnsLabel, serviceLabels } from './names';
import { kubernetesQuantity } from './quantity';

/** Unprivileged uid/gid for the wait containers: their image (busybox) would otherwise run as root. */
export const WAIT_CONTAINER_USER = 65534;

const WAIT_RESOURCES: ResourceRequirements = {
  requests: { cpu: '10m', memory: '16Mi' },
  limits: { cpu: '100m', memory: '32Mi' },
};

/**
 * Kubernetes expands `$(VAR)` in env values and turns `$$` into `$`; a literal text keeps its
 * meaning when every `$` that starts one of those is doubled.
 */
export const escapeKubernetesText = (text: string): string => text.replace(/\$(?=[$(])/g, () => '$$');

function resolveReference(context: RenderContext, service: NormalizedService, variable: string) {
  return (reference: ServiceReference): string => {
    const target = context.services.get(reference.service);
    const port = target?.ports.find((candidate) => candidate.name === reference.port);
    if (!target || !port) {
      report(
        context,
        service,
        'error',
        'unresolved-reference',
        `env ${variable} of service '${service.name}' references ${reference.raw}, but ${
          target
            ? `service '${target.name}' has no port named '${reference.port}'`
            : `there is no service '${reference.service}'`
        }`,
        'write ${service.port} with the name of a service and of one of its ports, or $$ for a literal $',
        `/env/${variable}`,
      );
      return escapeKubernetesText(reference.raw);
    }
    if (reference.part === 'host') return target.name;
    if (reference.part === 'port') return String(port.port);
    return `${target.name}:${port.port}`;
  };
}

function envVars(context: RenderContext, service: NormalizedService): EnvVar[] {
  return service.env.map(([name, value]): EnvVar => {
    if (typeof value === 'string') {
      const parts = parseEnvTemplate(value);
      return { name, value: renderEnvTemplate(parts, resolveReference(context, service, name), escapeKubernetesText) };
    }
    if ('secret' in value) return { name, valueFrom: { secretKeyRef: { name: value.secret, key: value.key } } };
    return {
      name,
      valueFrom: { configMapKeyRef: { name: configMapName(service.name, value.config), key: value.key } },
    };
  });
}

function resourceAmounts(amounts: ResourceAmounts): Record<string, string> {
  const result: Record<string, string> = {};
  if (amounts.cpu !== undefined) result.cpu = kubernetesQuantity(amounts.cpu);
  if (amounts.memory !== undefined) result.memory = kubernetesQuantity(amounts.memory);
  return result;
}

function resources(service: NormalizedService): ResourceRequirements | undefined {
  if (!service.resources) return undefined;
  const result: ResourceRequirements = {};
  if (service.resources.requests) result.requests = resourceAmounts(service.resources.requests);
  if (service.resources.limits) result.limits = resourceAmounts(service.resources.limits);
  return Object.keys(result).length > 0 ? result : undefined;
}

type ProbeKind = 'liveness' | 'readiness' | 'startup';

/** Probes name their port so a renumbered port cannot break them; gRPC probes only take a number. */
function probePort(
  context: RenderContext,
  service: NormalizedService,
  ref: string | number,
  pointer: string,
): { name?: string; number?: number } {
  const port =
    typeof ref === 'string'
      ? service.ports.find((candidate) => candidate.name === ref)
      : service.ports.find((candidate) => candidate.port === ref);
  if (port) return { name: port.name, number: port.port };
  if (typeof ref === 'number') return { number: ref };
  report(
    context,
    service,
    'error',
    'unresolved-reference',
    `probe of service '${service.name}' uses port '${ref}', which the service does not declare`,
    `use one of: ${service.ports.map((candidate) => candidate.name).join(', ') || '(no ports declared)'}`,
    pointer,
  );
  return { name: ref };
}

function probe(context: RenderContext, service: NormalizedService, kind: ProbeKind, spec: Probe): KubernetesProbe {
  const pointer = `/health/${kind}`;
  const result: KubernetesProbe = {};
  if (spec.http) {
    const port = probePort(context, service, spec.http.port, `${pointer}/http/port`);
    result.httpGet = { path: spec.http.path ?? '/', port: port.name ?? (port.number as number) };
    if (spec.http.scheme !== undefined) result.httpGet.scheme = spec.http.scheme;
  } else if (spec.tcp) {
    const port = probePort(context, service, spec.tcp.port, `${pointer}/tcp/port`);
    result.tcpSocket = { port: port.name ?? (port.number as number) };
  } else if (spec.exec) {
    result.exec = { command: [...spec.exec.command] };
  } else if (spec.grpc) {
    const port = probePort(context, service, spec.grpc.port, `${pointer}/grpc/port`);
    if (port.number !== undefined) {
      result.grpc = { port: port.number };
      if (spec.grpc.service !== undefined) result.grpc.service = spec.grpc.service;
    }
  }
  if (spec.initialDelaySeconds !== undefined) result.initialDelaySeconds = spec.initialDelaySeconds;
  if (spec.periodSeconds !== undefined) result.periodSeconds = spec.periodSeconds;
  if (spec.timeoutSeconds !== undefined) result.timeoutSeconds = spec.timeoutSeconds;
  if (spec.failureThreshold !== undefined) result.failureThreshold = spec.failureThreshold;
  // Kubernetes rejects successThreshold other than 1 for liveness and startup probes.
  if (spec.successThreshold !== undefined && kind === 'readiness') result.successThreshold = spec.successThreshold;
  return result;
}

function podSecurityContext(service: NormalizedService): PodSecurityContext | undefined {
  const { profile } = service.security;
  const context: PodSecurityContext = {};
  if (profile === 'restricted') context.runAsNonRoot = true;
  if (service.user) {
    const gid = service.user.gid ?? service.user.uid;
    context.runAsUser = service.user.uid;
    context.runAsGroup = gid;
    context.fsGroup = gid;
  }
  if (profile !== 'privileged') context.seccompProfile = { type: 'RuntimeDefault' };
  return Object.keys(context).length > 0 ? context : undefined;
}

function containerSecurityContext(service: NormalizedService): SecurityContext | undefined {
  const { profile, addCapabilities, readOnlyRootFilesystem } = service.security;
  const context: SecurityContext = {};
  if (profile !== 'privileged') context.allowPrivilegeEscalation = false;
  const capabilities: NonNullable<SecurityContext['capabilities']> = {};
  if (profile === 'restricted') capabilities.drop = ['ALL'];
  if (addCapabilities.length > 0) capabilities.add = [...addCapabilities];
  if (Object.keys(capabilities).length > 0) context.capabilities = capabilities;
  if (readOnlyRootFilesystem) context.readOnlyRootFilesystem = true;
  return Object.keys(context).length > 0 ? context : undefined;
}

function waitContainerSecurityContext(service: NormalizedService): SecurityContext | undefined {
  const { profile } = service.security;
  if (profile === 'privileged') return undefined;
  const context: SecurityContext = { allowPrivilegeEscalation: false };
  if (profile === 'restricted') context.capabilities = { drop: ['ALL'] };
  context.readOnlyRootFilesystem = true;
  context.runAsUser = WAIT_CONTAINER_USER;
  context.runAsGroup = WAIT_CONTAINER_USER;
  return context;
}

function waitContainers(context: RenderContext, service: NormalizedService): Container[] {
  const containers: Container[] = [];
  service.dependsOn.forEach((dependency, index) => {
    const pointer = `/dependsOn/${index}`;
    const target = context.services.get(dependency.service);
    if (!target) return; // validation reports unknown dependencies
    if (dependency.condition === 'completed') {
      report(
        context,
        service,
        'warning',
        'loss',
        `'${service.name}' waits for '${target.name}' to complete; Kubernetes has no such ordering, so no init container is generated`,
        'make the service tolerate the job still running (retry on startup), or check for its result in an init step of your own',
        pointer,
      );
      return;
    }
    const port =
      dependency.port === undefined
        ? target.ports[0]
        : target.ports.find((candidate) => candidate.name === dependency.port);
    if (!port) {
      report(
        context,
        service,
        'warning',
        'loss',
        dependency.port === undefined
          ? `'${service.name}' depends on '${target.name}', which has no ports to wait for; Kubernetes starts it without waiting`
          : `'${service.name}' waits for port '${dependency.port}' of '${target.name}', which does not exist`,
        `give '${target.name}' a port, or name an existing one with dependsOn[].port`,
        pointer,
      );
      return;
    }
    const plainName = `wait-for-${target.name}`;
    // Container names are unique per pod: a second wait for the same service names its port too.
    const name = containers.some((existing) => existing.name === plainName)
      ? dnsLabel(`${plainName}-${port.name}`)
      : plainName;
    if (containers.some((existing) => existing.name === name)) return;
    const container: Container = {
      name,
      image: context.project.settings.waitImage,
      command: [
        'sh',
        '-c',
        `until nc -z -w 2 ${target.name} ${port.port}; do echo "waiting for ${target.name}:${port.port}"; sleep 2; done`,
      ],
      resources: WAIT_RESOURCES,
    };
    const security = waitContainerSecurityContext(service);
    if (security) container.securityContext = security;
    containers.push(container);
  });
  return containers;
}

interface PodStorage {
  volumes: Volume[];
  mounts: VolumeMount[];
  claimTemplates: PersistentVolumeClaim[];
}

export function claimSpec(volume: {
  size?: string;
  accessMode?: string;
  storageClass?: string;
}): NonNullable<PersistentVolumeClaim['spec']> {
  const spec: NonNullable<PersistentVolumeClaim['spec']> = { accessModes: [volume.accessMode ?? 'ReadWriteOnce'] };
  if (volume.storageClass !== undefined) spec.storageClassName = volume.storageClass;
  spec.resources = { requests: { storage: kubernetesQuantity(volume.size as string) } };
  return spec;
}

/** Persistent volumes that get a claim: those with a size (a missing size is reported by the pod builder). */
export function claimedVolumes(service: NormalizedService): NormalizedService['volumes'] {
  return service.volumes.filter(
    (volume) => (volume.type ?? 'persistent') === 'persistent' && volume.size !== undefined,
  );
}

function podStorage(
  context: RenderContext,
  service: NormalizedService,
  configuration: ServiceConfiguration,
): PodStorage {
  const storage: PodStorage = { volumes: [], mounts: [], claimTemplates: [] };
  service.volumes.forEach((volume, index) => {
    const type = volume.type ?? 'persistent';
    if (type === 'bind') {
      report(
        context,
        service,
        'info',
        'loss',
        `bind volume '${volume.name}' of service '${service.name}' is for local development only; Kubernetes gets no volume for it`,
        'use a persistent volume (with size) or a config file if the cluster needs this data',
        `/volumes/${index}`,
      );
      return;
    }
    if (type === 'persistent') {
      if (volume.size === undefined) {
        report(
          context,
          service,
          'error',
          'missing-field',
          `persistent volume '${volume.name}' of service '${service.name}' has no size; twinform never picks a size for you`,
          "set size, e.g. size: '1Gi'",
          `/volumes/${index}/size`,
        );
        return;
      }
      if (service.workload === 'stateful') {
        storage.claimTemplates.push({ metadata: { name: volume.name }, spec: claimSpec(volume) });
      } else {
        storage.volumes.push({
          name: volume.name,
          persistentVolumeClaim: { claimName: claimName(service.name, volume.name) },
        });
      }
    } else {
      const emptyDir: NonNullable<Volume['emptyDir']> = {};
      if (type === 'tmpfs') emptyDir.medium = 'Memory';
      if (volume.size !== undefined) emptyDir.sizeLimit = kubernetesQuantity(volume.size);
      storage.volumes.push({ name: volume.name, emptyDir });
    }
    const mount: VolumeMount = { name: volume.name, mountPath: volume.mountPath };
    if (volume.subPath !== undefined) mount.subPath = volume.subPath;
    if (volume.readOnly) mount.readOnly = true;
    storage.mounts.push(mount);
  });
  for (const { config, key, index } of configuration.configs) {
    const volumeName = dnsLabel(`config-${config.name}`);
    const source: NonNullable<Volume['configMap']> = { name: configMapName(service.name, config.name) };
    if (config.mode !== undefined) {
      const mode = parseFileMode(config.mode);
      if (mode === undefined) {
        report(
          context,
          service,
          'error',
          'invalid-value',
          `config '${config.name}' of service '${service.name}' has mode '${config.mode}', which is not an octal file mode`,
          "write the mode as an octal string, e.g. '0644'",
          `/configs/${index}/mode`,
        );
      } else source.defaultMode = mode;
    }
    storage.volumes.push({ name: volumeName, configMap: source });
    storage.mounts.push({ name: volumeName, mountPath: config.mountPath, subPath: key, readOnly: true });
  }
  for (const secret of service.secrets) {
    const volumeName = dnsLabel(`secret-${secret.name}`);
    storage.volumes.push({
      name: volumeName,
      secret: { secretName: secret.name, items: [{ key: secret.key, path: secret.key }] },
    });
    storage.mounts.push({ name: volumeName, mountPath: secret.mountPath, subPath: secret.key, readOnly: true });
  }
  const names = [
    ...storage.volumes.map((volume) => volume.name),
    ...storage.claimTemplates.map((claim) => claim.metadata?.name),
  ];
  const duplicates = [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
  for (const name of duplicates) {
    report(
      context,
      service,
      'error',
      'duplicate',
      `service '${service.name}' would get two pod volumes named '${name}' (volumes are named after them, configs 'config-<name>', secrets 'secret-<name>')`,
      'rename the volume',
      '/volumes',
    );
  }
  return storage;
}

function containerPorts(service: NormalizedService): ContainerPort[] {
  return service.ports.map((port) => {
    const containerPort: ContainerPort = { name: port.name, containerPort: port.port };
    if (port.protocol !== 'TCP') containerPort.protocol = port.protocol;
    return containerPort;
  });
}

/** The image Kubernetes pulls; a build-only service falls back to compose's image name. */
function containerImage(context: RenderContext, service: NormalizedService): string {
  if (service.image !== undefined) return service.image;
  const fallback = `${context.project.settings.name}-${service.name}`;
  report(
    context,
    service,
    'warning',
    'loss',
    `service '${service.name}' is only built locally; Kubernetes cannot build, so it pulls image '${fallback}'`,
    'set image to the reference your registry serves (compose tags the local build with it too)',
    '/build',
  );
  return fallback;
}

export interface PodParts {
  template: PodTemplateSpec;
  /** StatefulSet claim templates (persistent volumes of a stateful service). */
  claimTemplates: PersistentVolumeClaim[];
}

export function podTemplate(
  context: RenderContext,
  service: NormalizedService,
  configuration: ServiceConfiguration,
  restartPolicy?: 'Never' | 'OnFailure',
): PodParts {
  const storage = podStorage(context, service, configuration);
  const container: Container = { name: service.name, image: containerImage(context, service) };
  if (service.command) container.command = [...service.command];
  if (service.args) container.args = [...service.args];
  if (service.workingDir !== undefined) container.workingDir = service.workingDir;
  if (service.ports.length > 0) container.ports = containerPorts(service);
  if (configuration.envFiles.length > 0) {
    container.envFrom = configuration.envFiles.map((envFile): EnvFromSource => ({
      configMapRef: { name: configMapName(service.name, envFile.name) },
    }));
  }
  if (service.env.length > 0) container.env = envVars(context, service);
  const containerResources = resources(service);
  if (containerResources) container.resources = containerResources;
  if (storage.mounts.length > 0) container.volumeMounts = storage.mounts;
  if (service.health.liveness) container.livenessProbe = probe(context, service, 'liveness', service.health.liveness);
  if (service.health.readiness)
    container.readinessProbe = probe(context, service, 'readiness', service.health.readiness);
  if (service.health.startup) container.startupProbe = probe(context, service, 'startup', service.health.startup);
  const containerSecurity = containerSecurityContext(service);
  if (containerSecurity) container.securityContext = containerSecurity;

  const podSecurity = podSecurityContext(service);
  const initContainers = waitContainers(context, service);
  const spec: PodSpec = {
    ...(restartPolicy ? { restartPolicy } : {}),
    ...(service.terminationGracePeriodSeconds !== undefined
      ? { terminationGracePeriodSeconds: service.terminationGracePeriodSeconds }
      : {}),
    automountServiceAccountToken: service.security.automountServiceAccountToken,
    ...(podSecurity ? { securityContext: podSecurity } : {}),
    ...(initContainers.length > 0 ? { initContainers } : {}),
    containers: [container],
    ...(storage.volumes.length > 0 ? { volumes: storage.volumes } : {}),
  };

  const annotations: Record<string, string> = { ...service.annotations };
  if (configuration.hash !== undefined) annotations[CONFIG_HASH_ANNOTATION] = configuration.hash;
  const template: PodTemplateSpec = { metadata: { labels: serviceLabels(service, context.project.settings) }, spec };
  if (Object.keys(annotations).length > 0) template.metadata!.annotations = annotations;
  return { template, claimTemplates: storage.claimTemplates };
}
