import { referencesIn, resolveProject, type Issue, type LoadedProject, type NormalizedService } from '@twinform/spec';
import { configMaps, serviceConfiguration } from './config';
import { report, sourcesOf, type RenderContext, type RenderedObject } from './context';
import {
  callersByService,
  clusterService,
  externalNameService,
  headlessService,
  ingress,
  networkPolicy,
} from './networking';
import { dnsLabel, projectLabels } from './names';
import type { ExternalSecret, KubernetesObject } from './objects';
import { compareStrings, orderKubernetesObject } from './order';
import { applyUserPatches } from './patches';
import { horizontalPodAutoscaler, podDisruptionBudget } from './scaling';
import { persistentVolumeClaims, workload } from './workloads';

export interface RenderedEnvironment {
  objects: RenderedObject[];
  issues: Issue[];
}

function externalServiceObjects(context: RenderContext, service: NormalizedService, host: string): RenderedObject[] {
  if (service.ports.some((port) => port.ingress.length > 0)) {
    report(
      context,
      service,
      'warning',
      'loss',
      `service '${service.name}' is external here, so its ingress routes get no Ingress`,
      'route to the external host outside the cluster, or remove the ingress routes in this environment',
      '/external',
    );
  }
  const sources = sourcesOf(context, service);
  return [
    { service: service.name, file: 'service.yaml', object: externalNameService(context, service, host), sources },
  ];
}

function serviceObjects(context: RenderContext, service: NormalizedService, callers: string[]): RenderedObject[] {
  const sources = sourcesOf(context, service);
  const objects: Array<{ file: string; object: KubernetesObject | undefined }> = [];
  const configuration = serviceConfiguration(context, service);
  objects.push(...configMaps(context, service, configuration));
  objects.push(...persistentVolumeClaims(context, service));
  const workloadObject = workload(context, service, configuration);
  if (workloadObject) objects.push({ file: `${workloadObject.kind!.toLowerCase()}.yaml`, object: workloadObject });
  objects.push({ file: 'service.yaml', object: clusterService(context, service) });
  if (service.workload === 'stateful') {
    objects.push({ file: 'service-headless.yaml', object: headlessService(context, service) });
  }
  objects.push({ file: 'ingress.yaml', object: ingress(context, service) });
  if (workloadObject) {
    objects.push({ file: 'hpa.yaml', object: horizontalPodAutoscaler(context, service, workloadObject) });
    objects.push({ file: 'pdb.yaml', object: podDisruptionBudget(context, service, workloadObject) });
  }
  if (context.project.settings.networkPolicies) {
    objects.push({ file: 'networkpolicy.yaml', object: networkPolicy(context, service, callers) });
  }
  return objects.flatMap(({ file, object }) => (object ? [{ service: service.name, file, object, sources }] : []));
}

/** Env references to a service the NetworkPolicy does not let this one call. */
function reportBlockedReferences(context: RenderContext, callers: Map<string, string[]>): void {
  for (const service of context.services.values()) {
    if (service.external) continue;
    for (const [variable, value] of service.env) {
      if (typeof value !== 'string') continue;
      for (const target of new Set(referencesIn(value).map((reference) => reference.service))) {
        const targetService = context.services.get(target);
        if (!targetService || targetService.external || target === service.name) continue;
        if ((callers.get(target) ?? []).includes(service.name)) continue;
        report(
          context,
          service,
          'warning',
          'advice',
          `service '${service.name}' calls '${target}' (env ${variable}), but the NetworkPolicy of '${target}' only admits services that depend on it or are in its allowFrom`,
          `add '${target}' to dependsOn of '${service.name}', or '${service.name}' to allowFrom of '${target}'`,
          `/env/${variable}`,
        );
      }
    }
  }
}

/** One ExternalSecret per secret the services use, kept with the first service (by name) using it. */
function externalSecrets(context: RenderContext): RenderedObject[] {
  const store = context.project.settings.secretStore;
  if (!store) return [];
  const usage = new Map<string, { keys: Set<string>; services: NormalizedService[] }>();
  const use = (service: NormalizedService, secret: string, key: string): void => {
    const entry = usage.get(secret) ?? { keys: new Set<string>(), services: [] };
    entry.keys.add(key);
    if (!entry.services.includes(service)) entry.services.push(service);
    usage.set(secret, entry);
  };
  for (const service of context.services.values()) {
    if (service.external) continue;
    for (const [, value] of service.env)
      if (typeof value === 'object' && 'secret' in value) use(service, value.secret, value.key);
    for (const secret of service.secrets) use(service, secret.name, secret.key);
  }
  return [...usage.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([secret, { keys, services }]): RenderedObject => {
      const object: ExternalSecret = {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: {
          name: secret,
          ...(context.project.settings.namespace !== undefined
            ? { namespace: context.project.settings.namespace }
            : {}),
          labels: projectLabels(context.project.settings),
        },
        spec: {
          refreshInterval: store.refreshInterval,
          secretStoreRef: { kind: store.kind, name: store.name },
          target: { name: secret, creationPolicy: 'Owner' },
          data: [...keys]
            .sort(compareStrings)
            .map((key) => ({ secretKey: key, remoteRef: { key: secret, property: key } })),
        },
      };
      const owners = [...services].sort((a, b) => compareStrings(a.name, b.name));
      return {
        service: owners[0]!.name,
        file: `externalsecret-${dnsLabel(secret)}.yaml`,
        object,
        sources: sourcesOf(context, ...owners),
      };
    });
}

/** Every Kubernetes object of the project in one environment (undefined = the base). */
export function renderEnvironment(loaded: LoadedProject, environment: string | undefined): RenderedEnvironment {
  const project = resolveProject(loaded, environment);
  const context: RenderContext = {
    project,
    services: new Map(project.services.map((service) => [service.name, service])),
    loaded: new Map(loaded.services.map((service) => [service.spec.name, service])),
    issues: [],
  };
  const callers = callersByService(context);
  if (project.settings.networkPolicies) reportBlockedReferences(context, callers);
  const services = [...project.services].sort((a, b) => compareStrings(a.name, b.name));
  const objects: RenderedObject[] = [];
  for (const service of services) {
    if (service.external) objects.push(...externalServiceObjects(context, service, service.external.host));
    else objects.push(...serviceObjects(context, service, callers.get(service.name) ?? []));
  }
  objects.push(...externalSecrets(context));
  // Each service patches only its own objects: grouped once rather than searched per patch.
  const objectsByService = new Map<string, RenderedObject[]>();
  for (const rendered of objects) {
    const own = objectsByService.get(rendered.service);
    if (own) own.push(rendered);
    else objectsByService.set(rendered.service, [rendered]);
  }
  for (const service of services) applyUserPatches(context, service, objectsByService.get(service.name) ?? []);
  for (const rendered of objects) rendered.object = orderKubernetesObject(rendered.object);
  return { objects, issues: context.issues };
}
