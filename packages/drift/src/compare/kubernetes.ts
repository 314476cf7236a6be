import { positionOf, type SourceObject } from '@twinform/kubernetes';
import type { SourcePosition } from '@twinform/spec';
import { isPlainObject, type PlainObject } from '../values';

/**
 * The wiring of a set of manifests, read from the objects as written: which pods each Service
 * selects, which container port each Service port and Ingress backend reaches. The importer
 * repairs what it can (a Service port becomes the container port); these checks need the manifests
 * as they are.
 */

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Pod',
]);

export interface ContainerPort {
  name?: string;
  port: number;
  protocol: string;
  at: SourcePosition;
}

export interface Workload {
  object: SourceObject;
  name: string;
  /** Labels of its pods. */
  labels: Record<string, string>;
  /** Ports the main container declares (the container named like the workload, else the first). */
  ports: ContainerPort[];
  /** Ports any container of the pod declares (a Service may reach a sidecar). */
  podPorts: ContainerPort[];
  at: SourcePosition;
}

export interface ServicePort {
  service: SourceObject;
  index: number;
  name?: string;
  port: number;
  protocol: string;
  /** As written (defaults to port). */
  targetPort: string | number;
  at: SourcePosition;
}

export interface IngressPath {
  ingress: SourceObject;
  host: string;
  path: string;
  serviceName: string;
  /** Backend port: a Service port name or number. */
  port: string | number | undefined;
  at: SourcePosition;
}

export interface Wiring {
  workloads: Workload[];
  services: SourceObject[];
  paths: IngressPath[];
}

const asObject = (value: unknown): PlainObject => (isPlainObject(value) ? value : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringMap = (value: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(asObject(value)).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );

/** The pod template of a workload and its pointer. */
function podTemplate(object: SourceObject): { labels: Record<string, string>; spec: PlainObject; pointer: string } {
  const spec = asObject(object.value.spec);
  if (object.kind === 'Pod')
    return { labels: stringMap(asObject(object.value.metadata).labels), spec, pointer: '/spec' };
  if (object.kind === 'CronJob') {
    const template = asObject(asObject(asObject(spec.jobTemplate).spec).template);
    return {
      labels: stringMap(asObject(template.metadata).labels),
      spec: asObject(template.spec),
      pointer: '/spec/jobTemplate/spec/template/spec',
    };
  }
  const template = asObject(spec.template);
  return {
    labels: stringMap(asObject(template.metadata).labels),
    spec: asObject(template.spec),
    pointer: '/spec/template/spec',
  };
}

export function readWiring(objects: readonly SourceObject[]): Wiring {
  const workloads: Workload[] = [];
  const services: SourceObject[] = [];
  const paths: IngressPath[] = [];
  // The same object given twice (an all-in-one file next to split files) counts once, as for kubectl apply.
  const seen = new Set<string>();
  for (const object of objects) {
    const identity = `${object.kind}|${object.namespace}|${object.name}`;
    if (object.name !== '' && seen.has(identity)) continue;
    seen.add(identity);
    if (WORKLOAD_KINDS.has(object.kind)) {
      const pod = podTemplate(object);
      const containers = asArray(pod.spec.containers);
      const named = containers.findIndex((container) => asObject(container).name === object.name);
      const main = named >= 0 ? named : 0;
      const portsOf = (index: number): ContainerPort[] =>
        asArray(asObject(containers[index]).ports).flatMap((item, portIndex): ContainerPort[] => {
          const port = asObject(item);
          if (typeof port.containerPort !== 'number') return [];
          const declared: ContainerPort = {
            port: port.containerPort,
            protocol: String(port.protocol ?? 'TCP').toUpperCase(),
            at: positionOf(object, `${pod.pointer}/containers/${index}/ports/${portIndex}`),
          };
          if (typeof port.name === 'string') declared.name = port.name;
          return [declared];
        });
      workloads.push({
        object,
        name: object.name,
        labels: pod.labels,
        ports: portsOf(main),
        podPorts: containers.flatMap((_container, index) => portsOf(index)),
        at: positionOf(object, '/metadata/name'),
      });
    } else if (object.kind === 'Service') {
      services.push(object);
    } else if (object.kind === 'Ingress') {
      paths.push(...ingressPaths(object));
    }
  }
  return { workloads, services, paths };
}

function ingressPaths(ingress: SourceObject): IngressPath[] {
  const spec = asObject(ingress.value.spec);
  const result: IngressPath[] = [];
  const backendOf = (value: unknown): { serviceName?: string; port?: string | number } => {
    const backend = asObject(value);
    const service = asObject(backend.service);
    if (typeof service.name === 'string') {
      const port = asObject(service.port);
      return {
        serviceName: service.name,
        port: typeof port.number === 'number' ? port.number : typeof port.name === 'string' ? port.name : undefined,
      };
    }
    // networking.k8s.io/v1beta1 and extensions/v1beta1
    if (typeof backend.serviceName === 'string') {
      const port = backend.servicePort;
      return {
        serviceName: backend.serviceName,
        port: typeof port === 'number' || typeof port === 'string' ? port : undefined,
      };
    }
    return {};
  };
  asArray(spec.rules).forEach((rule, ruleIndex) => {
    const host = typeof asObject(rule).host === 'string' ? (asObject(rule).host as string) : '';
    asArray(asObject(asObject(rule).http).paths).forEach((item, pathIndex) => {
      const path = asObject(item);
      const backend = backendOf(path.backend);
      if (!backend.serviceName) return;
      result.push({
        ingress,
        host,
        path: typeof path.path === 'string' ? path.path : '/',
        serviceName: backend.serviceName,
        port: backend.port,
        at: positionOf(ingress, `/spec/rules/${ruleIndex}/http/paths/${pathIndex}/backend`),
      });
    });
  });
  const fallback = backendOf(spec.defaultBackend ?? spec.backend);
  if (fallback.serviceName) {
    result.push({
      ingress,
      host: '*',
      path: '(default backend)',
      serviceName: fallback.serviceName,
      port: fallback.port,
      at: positionOf(ingress, spec.defaultBackend ? '/spec/defaultBackend' : '/spec/backend'),
    });
  }
  return result;
}

const sameNamespace = (a: SourceObject, b: SourceObject): boolean =>
  a.namespace === '' || b.namespace === '' || a.namespace === b.namespace;

export function selector(service: SourceObject): Record<string, string> {
  return stringMap(asObject(service.value.spec).selector);
}

export function selects(service: SourceObject, workload: Workload): boolean {
  const wanted = selector(service);
  const keys = Object.keys(wanted);
  return (
    keys.length > 0 &&
    sameNamespace(service, workload.object) &&
    keys.every((key) => workload.labels[key] === wanted[key])
  );
}

export function servicePorts(service: SourceObject): ServicePort[] {
  return asArray(asObject(service.value.spec).ports).flatMap((item, index): ServicePort[] => {
    const port = asObject(item);
    if (typeof port.port !== 'number') return [];
    const target = port.targetPort;
    const result: ServicePort = {
      service,
      index,
      port: port.port,
      protocol: String(port.protocol ?? 'TCP').toUpperCase(),
      targetPort: typeof target === 'number' || typeof target === 'string' ? target : port.port,
      at: positionOf(service, `/spec/ports/${index}`),
    };
    if (typeof port.name === 'string') result.name = port.name;
    return [result];
  });
}

/**
 * The container port a Service port reaches in a workload's pods: a named targetPort must be a
 * port name some container declares; a number is taken as it is when the pod declares no ports,
 * else it must be one of them.
 */
export function resolveTarget(port: ServicePort, workload: Workload): number | undefined {
  const target = port.targetPort;
  if (typeof target === 'string' && !/^\d+$/.test(target)) {
    return workload.podPorts.find((declared) => declared.name === target)?.port;
  }
  const number = Number(target);
  if (workload.podPorts.length === 0) return number;
  return workload.podPorts.some((declared) => declared.port === number) ? number : undefined;
}

/** The Service port an Ingress backend names (by port name or number). */
export function backendPort(path: IngressPath, service: SourceObject): ServicePort | undefined {
  const ports = servicePorts(service);
  if (path.port === undefined) return ports.length === 1 ? ports[0] : undefined;
  return ports.find((port) => (typeof path.port === 'number' ? port.port === path.port : port.name === path.port));
}

export function findService(wiring: Wiring, name: string, near: SourceObject): SourceObject | undefined {
  return wiring.services.find((service) => service.name === name && sameNamespace(service, near));
}
