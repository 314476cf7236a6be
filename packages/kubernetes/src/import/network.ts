import type { IngressRoute } from '@twinform/spec';
import type { ImportContext } from './context';
import {
  asArray,
  asNumber,
  asObject,
  asString,
  describeValue,
  isPlainObject,
  stringMap,
  valueAt,
  type Draft,
  type DraftPort,
} from './draft';
import { pointerOf, type SourceObject } from './parse';

/** A Service of the input, joined to the workload it selects. */
export interface ServiceBinding {
  object: SourceObject;
  draft: Draft;
  /** Service port name → the service's port. */
  byName: Map<string, DraftPort>;
  /** Service port number → the service's port. */
  byNumber: Map<number, DraftPort>;
}

export const sameNamespace = (a: string, b: string): boolean => a === '' || b === '' || a === b;

export function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

/** Labels and annotations of a secondary object (Service, Ingress...): kept when the service has them, noted otherwise. */
export function consumeMetadata(
  context: ImportContext,
  object: SourceObject,
  draft: Draft | undefined,
  managed: string[],
): void {
  context.consume(object, '/apiVersion', '/kind', '/metadata/name', '/metadata/namespace');
  const labels = stringMap(asObject(object.value.metadata).labels);
  const extra = Object.entries(labels).filter(
    ([key, value]) => !managed.includes(key) && draft !== undefined && draft.spec.labels?.[key] !== value,
  );
  context.consume(object, '/metadata/labels');
  if (extra.length > 0) {
    context.note(
      object,
      '/metadata/labels',
      `labels ${extra.map(([key, value]) => `${key}=${value}`).join(', ')} are not imported: the spec puts the service's own labels on every object`,
    );
  }
}

/** Joins Services to the workloads they select; their ports become (or name) the services' ports. */
export function joinServices(
  context: ImportContext,
  services: SourceObject[],
  drafts: Draft[],
  managedLabels: string[],
): Map<SourceObject, ServiceBinding> {
  const bindings = new Map<SourceObject, ServiceBinding>();
  for (const service of services) {
    const spec = asObject(service.value.spec);
    const type = asString(spec.type) ?? 'ClusterIP';
    context.consume(service, '/spec/type', '/spec/selector');
    if (type === 'ExternalName') {
      consumeMetadata(context, service, undefined, managedLabels);
      context.loss(
        service,
        '/spec',
        `ExternalName Service (${describeValue(spec.externalName)}) points outside the cluster; not imported`,
        'describe the dependency as a service with `external: { host }` in the environments where it lives outside',
      );
      continue;
    }
    const selector = stringMap(spec.selector);
    if (Object.keys(selector).length === 0) {
      consumeMetadata(context, service, undefined, managedLabels);
      context.loss(
        service,
        '/spec',
        'the Service has no selector (its endpoints are managed by hand); not imported',
        'describe the backend as a service, or keep this Service outside the spec',
      );
      continue;
    }
    const matches = drafts.filter(
      (draft) => sameNamespace(draft.object.namespace, service.namespace) && selects(selector, draft.podLabels),
    );
    if (matches.length === 0) {
      consumeMetadata(context, service, undefined, managedLabels);
      context.consume(service, '/spec');
      context.report(
        'warning',
        'unresolved-reference',
        service,
        '/spec/selector',
        `the Service selects no imported workload (selector ${Object.entries(selector)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}); not imported`,
        'pass the manifest of the workload it routes to, or fix the selector',
      );
      continue;
    }
    if (matches.length > 1) {
      context.loss(
        service,
        '/spec/selector',
        `the Service selects ${matches.length} workloads (${matches.map((draft) => draft.name).join(', ')}); each service gets its own Service, so one name no longer reaches all of them`,
        'give each workload its own Service',
      );
    }
    for (const draft of matches) {
      const binding = bindService(context, service, draft, type);
      if (!bindings.has(service)) bindings.set(service, binding);
    }
    consumeMetadata(context, service, matches[0], managedLabels);
    const annotations = Object.keys(stringMap(asObject(service.value.metadata).annotations)).filter(
      (key) => key !== 'kubectl.kubernetes.io/last-applied-configuration',
    );
    if (annotations.length > 0) {
      context.loss(
        service,
        '/metadata/annotations',
        `Service annotations (${annotations.join(', ')}) are not imported: the spec keeps annotations on pods only`,
        'tools reading them (load balancers, monitoring) need them back through a `patches.kubernetes` entry (kind Service)',
      );
    }
  }
  return bindings;
}

function bindService(context: ImportContext, service: SourceObject, draft: Draft, type: string): ServiceBinding {
  const spec = asObject(service.value.spec);
  const binding: ServiceBinding = { object: service, draft, byName: new Map(), byNumber: new Map() };
  const headless = spec.clusterIP === 'None';
  const governing =
    draft.workload === 'stateful' && asString(asObject(draft.object.value.spec).serviceName) === service.name;
  context.consume(service, '/spec/clusterIP');
  if (headless && governing && service.name !== `${draft.name}-headless`) {
    context.loss(
      service,
      '/metadata/name',
      `StatefulSet ${draft.object.name} gives its pods stable names through this headless Service (${draft.object.name}-0.${service.name}); the generated governing Service is ${draft.name}-headless, so pod host names change to ${draft.name}-0.${draft.name}-headless`,
      'update clients that address single pods (cluster seeds, replication peers) to the new names',
    );
  } else if (headless && !governing) {
    context.note(
      service,
      '/spec/clusterIP',
      'the headless Service becomes a regular ClusterIP Service (the spec generates headless Services only for stateful services)',
    );
  }
  if (!headless && service.name !== draft.name) {
    draft.aliases.push(service.name);
    context.loss(
      service,
      '/metadata/name',
      `the Service is merged into Service ${draft.name} (named after the workload); clients calling ${service.name} must call ${draft.name} (env values naming it were rewritten)`,
      `rename the workload to ${service.name} before importing if that name must stay`,
    );
  } else if (headless && !governing && service.name !== draft.name) {
    draft.aliases.push(service.name);
  }
  asArray(spec.ports).forEach((item, index) => {
    const port = asObject(item);
    const pointer = `/spec/ports/${index}`;
    const number = asNumber(port.port);
    if (number === undefined) return;
    if (!Number.isInteger(number) || number < 1 || number > 65535) {
      context.invalid(
        service,
        `${pointer}/port`,
        `port ${number} is not a port number (a whole number from 1 to 65535); the API server rejects it`,
        'give the port clients call',
      );
      context.consume(service, pointer);
      return;
    }
    context.consume(service, `${pointer}/port`, `${pointer}/name`, `${pointer}/targetPort`, `${pointer}/protocol`);
    const protocol = asString(port.protocol) ?? 'TCP';
    if (protocol !== 'TCP' && protocol !== 'UDP') {
      context.loss(
        service,
        `${pointer}/protocol`,
        `protocol ${protocol} of port ${number} is not supported by the spec (TCP or UDP)`,
      );
      return;
    }
    const target = port.targetPort ?? number;
    let draftPort: DraftPort | undefined;
    if (typeof target === 'string' && !/^\d+$/.test(target)) {
      draftPort = draft.ports.find((candidate) => candidate.names.includes(target) && candidate.protocol === protocol);
      if (!draftPort) {
        const sidecar = asArray(asObject(valueAt(draft.object, draft.podPointer)).containers)
          .map((container) => asObject(container))
          .find((container) => asArray(container.ports).some((item) => asObject(item).name === target));
        if (sidecar) {
          context.loss(
            service,
            `${pointer}/targetPort`,
            `port ${target} belongs to sidecar container ${describeValue(sidecar.name)}, which is not imported; the Service port is not imported either`,
          );
        } else {
          context.report(
            'warning',
            'unresolved-reference',
            service,
            `${pointer}/targetPort`,
            `targetPort ${target} names no port of the ${draft.object.kind} ${draft.object.name} container; the Service port is not imported`,
            'name the container port, or give the targetPort as a number',
          );
        }
        return;
      }
    } else {
      const targetNumber = Number(target);
      if (!Number.isInteger(targetNumber) || targetNumber < 1 || targetNumber > 65535) {
        context.report(
          'warning',
          'invalid-value',
          service,
          `${pointer}/targetPort`,
          `targetPort ${describeValue(target)} is no port number (1-65535); the Service port is not imported`,
          'give the container port the Service forwards to',
        );
        return;
      }
      draftPort = draft.ports.find((candidate) => candidate.number === targetNumber && candidate.protocol === protocol);
      if (!draftPort) {
        draftPort = {
          number: targetNumber,
          protocol,
          names: [],
          name: '',
          expose: 'internal',
          routes: [],
          routeSources: [],
          source: { object: service, pointer: `${pointer}/targetPort` },
        };
        draft.ports.push(draftPort);
      }
    }
    const name = asString(port.name);
    if (name !== undefined) {
      draftPort.names.push(name);
      binding.byName.set(name, draftPort);
    }
    binding.byNumber.set(number, draftPort);
    if (number !== draftPort.number) {
      context.loss(
        service,
        `${pointer}/port`,
        `port ${number} forwards to container port ${draftPort.number}; the generated Service listens on ${draftPort.number} (the spec keeps one number per port), so clients must call ${draft.name}:${draftPort.number} (env values naming ${service.name}:${number} were rewritten)`,
        `make the container listen on ${number}, or update clients outside the spec`,
      );
    }
    if (type === 'NodePort' || type === 'LoadBalancer') {
      if (draftPort.expose === 'internal') draftPort.expose = 'published';
      if (number !== draftPort.number) draftPort.hostPort = number;
      context.loss(
        service,
        port.nodePort !== undefined ? `${pointer}/nodePort` : '/spec/type',
        `${type} port ${number} becomes a published port: compose publishes it on the developer's machine, but Kubernetes gets a ClusterIP Service, reachable from inside the cluster only`,
        'reach it from outside the cluster through an ingress route (expose: ingress), or patch the Service type',
      );
    }
  });
  return binding;
}

/** Finds the binding of a Service by namespace and name. */
export function findBinding(
  bindings: Map<SourceObject, ServiceBinding>,
  namespace: string,
  name: string,
): ServiceBinding | undefined {
  for (const binding of bindings.values()) {
    if (binding.object.name === name && sameNamespace(binding.object.namespace, namespace)) return binding;
  }
  return undefined;
}

interface Backend {
  service?: string;
  port?: string | number;
  pointer: string;
}

function backendOf(value: unknown, pointer: string): Backend | undefined {
  const backend = asObject(value);
  if (isPlainObject(backend.service)) {
    const port = asObject(backend.service.port);
    const result: Backend = { pointer: `${pointer}/service` };
    const name = asString(backend.service.name);
    if (name !== undefined) result.service = name;
    const portValue = asString(port.name) ?? asNumber(port.number);
    if (portValue !== undefined) result.port = portValue;
    return result;
  }
  if (backend.serviceName !== undefined) {
    const result: Backend = { pointer };
    const name = asString(backend.serviceName);
    if (name !== undefined) result.service = name;
    const portValue = backend.servicePort;
    if (typeof portValue === 'number' || typeof portValue === 'string') result.port = portValue;
    return result;
  }
  return undefined;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The spec's ingress hosts: DNS subdomains with at least one dot, optionally starting with '*.'. */
function isSpecHost(host: string): boolean {
  const name = host.startsWith('*.') ? host.slice(2) : host;
  return name.includes('.') && name.length <= 253 && name.split('.').every((part) => DNS_LABEL.test(part));
}

/** Ingress rules become ingress routes on the ports their backends reach. Returns the ingress classes seen. */
export function joinIngresses(
  context: ImportContext,
  ingresses: SourceObject[],
  bindings: Map<SourceObject, ServiceBinding>,
  managedLabels: string[],
): Map<string, SourceObject[]> {
  const classes = new Map<string, SourceObject[]>();
  for (const ingress of ingresses) {
    const spec = asObject(ingress.value.spec);
    const annotations = stringMap(asObject(ingress.value.metadata).annotations);
    const className = asString(spec.ingressClassName) ?? annotations['kubernetes.io/ingress.class'];
    context.consume(
      ingress,
      '/spec/ingressClassName',
      `/metadata/annotations${pointerOf('kubernetes.io/ingress.class')}`,
    );
    if (className !== undefined) classes.set(className, [...(classes.get(className) ?? []), ingress]);
    const otherAnnotations = Object.keys(annotations).filter(
      (key) => key !== 'kubernetes.io/ingress.class' && key !== 'kubectl.kubernetes.io/last-applied-configuration',
    );
    if (otherAnnotations.length > 0) {
      context.loss(
        ingress,
        '/metadata/annotations',
        `Ingress annotations (${otherAnnotations.join(', ')}) are not imported: controller settings such as rewrites are not part of the spec`,
        'add them back with a `patches.kubernetes` entry (kind Ingress)',
      );
    }
    const tlsHosts = new Map<string, string>();
    asArray(spec.tls).forEach((item, index) => {
      const tls = asObject(item);
      const pointer = `/spec/tls/${index}`;
      const secret = asString(tls.secretName);
      const hosts = asArray(tls.hosts)
        .map((host) => asString(host))
        .filter((host): host is string => host !== undefined);
      context.consume(ingress, `${pointer}/secretName`, `${pointer}/hosts`);
      if (secret === undefined || hosts.length === 0) {
        context.loss(
          ingress,
          pointer,
          secret === undefined
            ? 'a TLS entry without secretName (the controller default certificate) is not supported by the spec'
            : `TLS secret ${secret} is given without hosts; the spec ties each TLS secret to a host`,
          'name the hosts and the secret of each TLS entry',
        );
        return;
      }
      for (const host of hosts) tlsHosts.set(host, secret);
    });
    const usedTlsHosts = new Set<string>();
    const reportedHosts = new Set<string>();
    let firstDraft: Draft | undefined;
    const route = (
      backend: Backend | undefined,
      host: string | undefined,
      path: unknown,
      pathType: unknown,
      pointer: string,
    ): void => {
      if (!backend || backend.service === undefined || backend.port === undefined) {
        context.loss(
          ingress,
          pointer,
          'the backend is not a Service port (a resource backend, or incomplete); not imported',
        );
        return;
      }
      context.consume(ingress, pointer);
      const binding = findBinding(bindings, ingress.namespace, backend.service);
      if (!binding) {
        context.report(
          'warning',
          'unresolved-reference',
          ingress,
          backend.pointer,
          `the backend Service ${backend.service} is not among the imported Services (or selects no imported workload); the route is not imported`,
          `pass the manifest of Service ${backend.service} and its workload`,
        );
        return;
      }
      const port =
        typeof backend.port === 'string' && !/^\d+$/.test(backend.port)
          ? binding.byName.get(backend.port)
          : binding.byNumber.get(Number(backend.port));
      if (!port) {
        context.report(
          'warning',
          'unresolved-reference',
          ingress,
          `${backend.pointer}/port`,
          `the backend port ${backend.port} is no port of Service ${backend.service}; the route is not imported`,
          `use one of the Service's ports: ${[...binding.byName.keys(), ...binding.byNumber.keys()].join(', ')}`,
        );
        return;
      }
      firstDraft ??= binding.draft;
      const result: IngressRoute = {};
      const hostPointer = `${pointer.slice(0, pointer.indexOf('/http/'))}/host`;
      if (host !== undefined && isSpecHost(host)) result.host = host;
      else if (host !== undefined && !reportedHosts.has(hostPointer)) {
        reportedHosts.add(hostPointer);
        context.loss(
          ingress,
          hostPointer,
          `host ${host} is not a DNS name with a dot, which the spec requires; the route is imported for any host`,
          'use a full host name (e.g. app.example.com)',
        );
      }
      result.path = asString(path) ?? '/';
      const type = asString(pathType) ?? 'ImplementationSpecific';
      if (type === 'Exact' || type === 'ImplementationSpecific') result.pathType = type;
      if (result.host !== undefined && tlsHosts.has(result.host)) {
        result.tlsSecret = tlsHosts.get(result.host) as string;
        usedTlsHosts.add(result.host);
      }
      port.expose = 'ingress';
      const key = JSON.stringify(result);
      if (!port.routes.some((existing) => JSON.stringify(existing) === key)) {
        port.routes.push(result);
        port.routeSources.push({ object: ingress, pointer });
      }
    };
    if (spec.defaultBackend !== undefined || spec.backend !== undefined) {
      const pointer = spec.defaultBackend !== undefined ? '/spec/defaultBackend' : '/spec/backend';
      context.loss(
        ingress,
        pointer,
        'the default backend (traffic no rule matches) is not supported by the spec',
        "route it explicitly with a path '/' rule on the port",
      );
    }
    asArray(spec.rules).forEach((item, ruleIndex) => {
      const rule = asObject(item);
      const pointer = `/spec/rules/${ruleIndex}`;
      const host = asString(rule.host);
      context.consume(ingress, `${pointer}/host`);
      if (!isPlainObject(rule.http)) {
        context.loss(ingress, pointer, 'a rule without http paths is not supported by the spec');
        return;
      }
      asArray(rule.http.paths).forEach((pathItem, pathIndex) => {
        const path = asObject(pathItem);
        const pathPointer = `${pointer}/http/paths/${pathIndex}`;
        route(backendOf(path.backend, `${pathPointer}/backend`), host, path.path, path.pathType, pathPointer);
      });
    });
    consumeMetadata(context, ingress, firstDraft, managedLabels);
    for (const host of tlsHosts.keys()) {
      if (!usedTlsHosts.has(host)) {
        context.loss(
          ingress,
          '/spec/tls',
          `TLS host ${host} has no route in this Ingress; its TLS entry is not imported`,
        );
      }
    }
  }
  return classes;
}
