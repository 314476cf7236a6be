import type { NormalizedService } from '@twinform/spec';
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type {
  HTTPIngressPath,
  Ingress,
  IngressRule,
  IngressTLS,
  NetworkPolicy,
  NetworkPolicyIngressRule,
  NetworkPolicyPort,
} from 'kubernetes-types/networking/v1';
import type { RenderContext } from './context';
import { headlessServiceName, selectorLabels } from './names';
import { compareStrings } from './order';
import { objectMeta } from './workloads';

function servicePorts(service: NormalizedService, withTargetPort: boolean): ServicePort[] {
  return service.ports.map((port) => {
    const servicePort: ServicePort = { name: port.name, port: port.port };
    // targetPort by name: renumbering the container port cannot break the Service.
    if (withTargetPort) servicePort.targetPort = port.name;
    if (port.protocol !== 'TCP') servicePort.protocol = port.protocol;
    return servicePort;
  });
}

/** ClusterIP Service named after the service; only for services with ports. */
export function clusterService(context: RenderContext, service: NormalizedService): Service | undefined {
  if (service.ports.length === 0) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(context, service),
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(service.name, context.project.settings),
      ports: servicePorts(service, true),
    },
  };
}

/** The governing Service of a StatefulSet: stable per-pod DNS names (<pod>.<svc>-headless). */
export function headlessService(context: RenderContext, service: NormalizedService): Service {
  const spec: NonNullable<Service['spec']> = {
    clusterIP: 'None',
    selector: selectorLabels(service.name, context.project.settings),
  };
  if (service.ports.length > 0) spec.ports = servicePorts(service, true);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(context, service, headlessServiceName(service.name)),
    spec,
  };
}

/** A service provided outside the cluster in this environment: its name resolves to the external host. */
export function externalNameService(context: RenderContext, service: NormalizedService, host: string): Service {
  const spec: NonNullable<Service['spec']> = { type: 'ExternalName', externalName: host };
  if (service.ports.length > 0) spec.ports = servicePorts(service, false);
  return { apiVersion: 'v1', kind: 'Service', metadata: objectMeta(context, service), spec };
}

interface Route {
  host: string;
  path: string;
  pathType: string;
  port: string;
}

const compareRoutes = (a: Route, b: Route): number =>
  compareStrings(a.path, b.path) || compareStrings(a.pathType, b.pathType) || compareStrings(a.port, b.port);

/** One Ingress per service with ingress ports: rules grouped by host, TLS grouped by secret. */
export function ingress(context: RenderContext, service: NormalizedService): Ingress | undefined {
  const routes: Route[] = [];
  const tlsHosts = new Map<string, Set<string>>();
  for (const port of service.ports) {
    for (const route of port.ingress) {
      routes.push({ host: route.host ?? '', path: route.path, pathType: route.pathType, port: port.name });
      if (route.tlsSecret !== undefined && route.host !== undefined) {
        const hosts = tlsHosts.get(route.tlsSecret) ?? new Set<string>();
        hosts.add(route.host);
        tlsHosts.set(route.tlsSecret, hosts);
      }
    }
  }
  if (routes.length === 0) return undefined;
  const hosts = [...new Set(routes.map((route) => route.host))].sort(compareStrings);
  const rules = hosts.map((host): IngressRule => {
    const paths = routes
      .filter((route) => route.host === host)
      .sort(compareRoutes)
      .map((route): HTTPIngressPath => ({
        path: route.path,
        pathType: route.pathType,
        backend: { service: { name: service.name, port: { name: route.port } } },
      }));
    return host === '' ? { http: { paths } } : { host, http: { paths } };
  });
  const tls = [...tlsHosts.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([secretName, secretHosts]): IngressTLS => ({ hosts: [...secretHosts].sort(compareStrings), secretName }));
  const className = context.project.settings.ingressClassName;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: objectMeta(context, service),
    spec: {
      ...(className !== undefined ? { ingressClassName: className } : {}),
      ...(tls.length > 0 ? { tls } : {}),
      rules,
    },
  };
}

/**
 * Services whose pods may call each service: those that depend on it and those in its allowFrom.
 * Services without pods in this environment (external) are no callers.
 */
export function callersByService(context: RenderContext): Map<string, string[]> {
  const callers = new Map<string, Set<string>>();
  const add = (target: string, caller: string): void => {
    const callerService = context.services.get(caller);
    if (!context.services.has(target) || !callerService || callerService.external || caller === target) return;
    const set = callers.get(target) ?? new Set<string>();
    set.add(caller);
    callers.set(target, set);
  };
  for (const service of context.services.values()) {
    for (const dependency of service.dependsOn) add(dependency.service, service.name);
    for (const caller of service.allowFrom) add(service.name, caller);
  }
  return new Map([...callers].map(([target, set]) => [target, [...set].sort(compareStrings)]));
}

function policyPorts(ports: NormalizedService['ports']): NetworkPolicyPort[] {
  return ports.map((port) => {
    const policyPort: NetworkPolicyPort = { port: port.name };
    if (port.protocol !== 'TCP') policyPort.protocol = port.protocol;
    return policyPort;
  });
}

/**
 * Default-deny ingress for the service's pods plus one rule for its callers (on its ports) and one
 * for the ingress controller (on its ingress ports). No rules at all = deny every connection.
 */
export function networkPolicy(context: RenderContext, service: NormalizedService, callers: string[]): NetworkPolicy {
  const settings = context.project.settings;
  const rules: NetworkPolicyIngressRule[] = [];
  if (callers.length > 0 && service.ports.length > 0) {
    rules.push({
      from: callers.map((caller) => ({ podSelector: { matchLabels: selectorLabels(caller, settings) } })),
      ports: policyPorts(service.ports),
    });
  }
  const ingressPorts = service.ports.filter((port) => port.expose === 'ingress' && port.ingress.length > 0);
  if (ingressPorts.length > 0) {
    rules.push({
      from: [
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': settings.ingressControllerNamespace } } },
      ],
      ports: policyPorts(ingressPorts),
    });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(context, service),
    spec: {
      podSelector: { matchLabels: selectorLabels(service.name, settings) },
      policyTypes: ['Ingress'],
      ...(rules.length > 0 ? { ingress: rules } : {}),
    },
  };
}
