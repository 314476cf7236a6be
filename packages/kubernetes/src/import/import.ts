import {
  DEFAULT_WAIT_IMAGE,
  isDns1123Label,
  isDns1123Subdomain,
  makeIssue,
  referencesIn,
  sortIssues,
  type DependsOn,
  type EnvValue,
  type Health,
  type LoadedProject,
  type Port,
  type ProjectSpec,
  type ServiceSpec,
} from '@twinform/spec';
import { LABEL_MANAGED_BY, LABEL_PART_OF } from '../names';
import { toKubernetes } from '../toKubernetes';
import { ImportContext } from './context';
import {
  asArray,
  asObject,
  asString,
  isPlainObject,
  own,
  recordOrigin,
  stringMap,
  uniqueName,
  valueAt,
  type Draft,
  type DraftPort,
} from './draft';
import { toDnsLabel, toPortName, toServiceName } from './names';
import { findBinding, joinIngresses, joinServices, type ServiceBinding } from './network';
import { parseManifests, pointerOf, type SourceObject } from './parse';
import { importAutoscalers, importDisruptionBudgets, importNetworkPolicies } from './policy';
import { AddressRewriter, expandKubernetesText } from './references';
import type { ImportedService, ImportResult, KubernetesImportOptions, ManifestInput } from './types';
import { keepValidSpecs } from '@twinform/spec';
import { isDataKey, MANAGED_LABELS, WORKLOAD_KINDS, WorkloadImporter, type ObjectIndex } from './workload';

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    isPlainObject(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))) : item,
  );

/** The same object given twice (an all-in-one file next to split files) is imported once. */
function deduplicate(context: ImportContext, objects: SourceObject[]): SourceObject[] {
  const seen = new Map<string, SourceObject>();
  const result: SourceObject[] = [];
  for (const object of objects) {
    if (object.name === '') {
      result.push(object);
      continue;
    }
    const key = `${object.kind}|${object.namespace}|${object.name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, object);
      result.push(object);
      continue;
    }
    if (canonical(first.value) === canonical(object.value)) continue;
    const where = context.position(first, '');
    context.consume(object, '');
    context.report(
      'warning',
      'duplicate',
      object,
      '',
      `is defined again with different content (first at ${where.file}:${where.line}); only the first definition is imported`,
      'import one variant at a time (pass the files of one variant only)',
    );
  }
  return result;
}

function isOwnedByInput(object: SourceObject, objects: SourceObject[]): boolean {
  const owners = asArray(asObject(object.value.metadata).ownerReferences).map((owner) => asObject(owner));
  return owners.some(
    (owner) =>
      owner.controller === true &&
      objects.some(
        (candidate) => candidate.kind === owner.kind && candidate.name === owner.name && candidate !== object,
      ),
  );
}

const HANDLED_KINDS = new Set([
  ...Object.keys(WORKLOAD_KINDS),
  'Service',
  'Ingress',
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'Namespace',
  'ExternalSecret',
]);

/**
 * Reads Kubernetes manifests into service specs. Pure: no files, no clock; every field that the spec
 * cannot hold is reported as a loss issue with its file, line and column.
 */
export function fromKubernetes(inputs: ManifestInput[], options: KubernetesImportOptions = {}): ImportResult {
  const parsed = parseManifests(inputs);
  const context = new ImportContext(parsed.issues);
  const all = deduplicate(context, parsed.objects);
  const objects = all.filter((object) => {
    if (!isOwnedByInput(object, all)) return true;
    context.consume(object, '');
    context.report(
      'info',
      'duplicate',
      object,
      '/metadata/ownerReferences',
      'is created by its owner, which is imported instead',
    );
    return false;
  });
  const ofKind = (kind: string): SourceObject[] => objects.filter((object) => object.kind === kind);
  const workloads = objects.filter((object) => Object.hasOwn(WORKLOAD_KINDS, object.kind));

  for (const object of objects) {
    if (object.namespace !== '' && !isDns1123Label(object.namespace)) {
      context.invalid(
        object,
        '/metadata/namespace',
        `namespace ${JSON.stringify(object.namespace)} is not a valid namespace name; the API server rejects it`,
        "use lowercase letters, digits and '-' (a DNS-1123 label, at most 63 characters)",
      );
    }
  }
  const namespace = chooseNamespace(workloads.length > 0 ? workloads : objects);
  for (const object of objects) {
    if (object.namespace !== '' && object.namespace !== namespace && object.kind !== 'Namespace') {
      context.loss(
        object,
        '/metadata/namespace',
        namespace === undefined
          ? `namespace ${object.namespace} is set here, but the workloads set none; the spec has one namespace per project`
          : `namespace ${object.namespace} differs from the project namespace ${namespace}; the spec has one namespace per project`,
        'import the manifests of each namespace into its own project',
      );
    }
  }

  checkDataKeys(context, objects);
  const index = objectIndex(objects);
  const drafts = createDrafts(context, workloads);
  for (const draft of drafts) new WorkloadImporter(context, index, draft).run();

  const bindings = joinServices(context, ofKind('Service'), drafts, MANAGED_LABELS);
  resolveProbePorts(context, drafts);
  const ingressClasses = joinIngresses(context, ofKind('Ingress'), bindings, MANAGED_LABELS);
  for (const draft of drafts) nameDraftPorts(draft);
  resolveHostPorts(context, drafts);
  rewriteEnv(context, drafts, bindings, namespace);
  resolveWaits(context, drafts, bindings);
  importAutoscalers(context, ofKind('HorizontalPodAutoscaler'), drafts, MANAGED_LABELS);
  importDisruptionBudgets(context, ofKind('PodDisruptionBudget'), drafts, MANAGED_LABELS);
  const policies = ofKind('NetworkPolicy');
  const network = importNetworkPolicies(context, policies, drafts, MANAGED_LABELS);
  for (const [target, callers] of network.callers) {
    const allowFrom = [...callers]
      .filter(
        (caller) => !(caller.spec.dependsOn ?? []).some((dependency) => dependencyName(dependency) === target.name),
      )
      .map((caller) => caller.name)
      .sort();
    if (allowFrom.length > 0) {
      target.spec.allowFrom = allowFrom;
      const policy = network.sources.get(target);
      if (policy) recordOrigin(target, '/allowFrom', { object: policy, pointer: '/spec/ingress' });
    }
  }

  if (policies.length === 0) allowReferencedCallers(drafts);

  const project = projectSpec(context, {
    objects,
    drafts,
    namespace,
    options,
    ingressClasses,
    controllerNamespaces: network.ingressControllerNamespaces,
  });
  if (policies.length > 0) {
    for (const draft of drafts) {
      if (!network.covered.has(draft)) {
        context.report(
          'warning',
          'loss',
          draft.object,
          '/metadata/name',
          'no NetworkPolicy selects these pods, so every pod may call them; the generated policy admits only services that depend on it or are in its allowFrom',
          'add the callers to allowFrom of this service',
        );
      }
    }
  }
  accountForSupportObjects(context, objects, index, namespace);
  for (const object of objects) {
    if (HANDLED_KINDS.has(object.kind) && object.kind !== 'Secret') context.reportUnconsumed(object);
  }

  const services = drafts.map(assemble).sort((a, b) => (a.spec.name < b.spec.name ? -1 : 1));
  const result: ImportResult = { project, services, issues: [] };
  // With errors nothing is written; otherwise what is written must pass `gen validate`.
  if (!context.issues.some((issue) => issue.severity === 'error')) {
    const generators = [(loaded: LoadedProject) => toKubernetes(loaded).issues, ...(options.generators ?? [])];
    context.issues.push(...keepValidSpecs(result, generators));
  }
  result.issues = sortIssues(context.issues);
  return result;
}

const dependencyName = (dependency: DependsOn[number]): string =>
  typeof dependency === 'string' ? dependency : dependency.service;

/** ConfigMap and Secret keys the API server refuses; they would become file names ('/', '..'). */
function checkDataKeys(context: ImportContext, objects: SourceObject[]): void {
  for (const object of objects) {
    if (object.kind !== 'ConfigMap' && object.kind !== 'Secret') continue;
    const fields = object.kind === 'ConfigMap' ? ['data', 'binaryData'] : ['data', 'stringData'];
    for (const field of fields) {
      for (const key of Object.keys(asObject(own(object.value, field)))) {
        if (isDataKey(key)) continue;
        context.consume(object, '');
        context.report(
          'error',
          'invalid-value',
          object,
          `/${field}${pointerOf(key)}`,
          `key ${JSON.stringify(key)} is not a valid ${object.kind} key; the API server rejects it`,
          "use letters, digits, '-', '_' and '.': keys become file names, so no '/' and no leading '..'",
        );
      }
    }
  }
}

function chooseNamespace(objects: SourceObject[]): string | undefined {
  const counts = new Map<string, number>();
  for (const object of objects) {
    if (object.namespace !== '') counts.set(object.namespace, (counts.get(object.namespace) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [namespace, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = namespace;
  return best;
}

function objectIndex(objects: SourceObject[]): ObjectIndex {
  const byKey = new Map<string, SourceObject>();
  for (const object of objects) byKey.set(`${object.kind}|${object.name}|${object.namespace}`, object);
  return {
    find(kind, namespace, name) {
      const exact = byKey.get(`${kind}|${name}|${namespace}`);
      if (exact) return exact;
      return objects.find(
        (object) =>
          object.kind === kind &&
          object.name === name &&
          (object.namespace === '' || namespace === '' || object.namespace === namespace),
      );
    },
    claimUsers: new Map(),
  };
}

function createDrafts(context: ImportContext, workloads: SourceObject[]): Draft[] {
  const taken = new Set<string>();
  const drafts: Draft[] = [];
  for (const object of workloads) {
    if (object.name !== '' && !isDns1123Subdomain(object.name)) {
      // A path, an absolute path, a NUL or capitals: the API server refuses the object, and the
      // name would become a folder of the import.
      context.invalid(
        object,
        '/metadata/name',
        `${JSON.stringify(object.name)} is not a valid Kubernetes object name; the API server rejects it`,
        "use lowercase letters, digits, '-' and '.' (a DNS-1123 subdomain, at most 253 characters)",
      );
      context.consume(object, '');
      continue;
    }
    const base = toServiceName(object.name) ?? 'service';
    let name = base;
    if (taken.has(name)) {
      name = uniqueName(toServiceName(`${base}-${object.kind.toLowerCase()}`) ?? base, taken, 52);
      context.report(
        'warning',
        'duplicate',
        object,
        '/metadata/name',
        `the name ${base} is taken by another imported workload; this one is imported as service ${name}`,
        'import each variant on its own if they are alternatives',
      );
    } else if (name !== object.name) {
      context.report(
        'info',
        'loss',
        object,
        '/metadata/name',
        `imported as service ${name}: service names are DNS labels of at most 52 characters that start with a letter`,
      );
    }
    taken.add(name);
    const kind = object.kind;
    let workload = own(WORKLOAD_KINDS, kind)!;
    const template = kind === 'Pod' ? '' : kind === 'CronJob' ? '/spec/jobTemplate/spec/template' : '/spec/template';
    const pod = kind === 'Pod' ? '/spec' : `${template}/spec`;
    const podSpec = asObject(valueAt(object, pod));
    if (kind === 'Pod' && (podSpec.restartPolicy === 'Never' || podSpec.restartPolicy === 'OnFailure'))
      workload = 'job';
    const labels = stringMap(asObject(valueAt(object, kind === 'Pod' ? '/metadata' : `${template}/metadata`)).labels);
    const origins = { '/workload': context.position(object, '/kind') };
    drafts.push({
      name,
      object,
      workload,
      templatePointer: template,
      podPointer: pod,
      containerPointer: `${pod}/containers/0`,
      podLabels: labels,
      generated: labels[LABEL_MANAGED_BY] === 'twinform',
      spec: { name },
      ports: [],
      env: [],
      probes: [],
      waits: [],
      aliases: [],
      assets: {},
      origins,
      envFileConfigs: new Map(),
      envFileValues: new Map(),
    });
    if (workload !== 'service') drafts[drafts.length - 1]!.spec.workload = workload;
  }
  return drafts;
}

/** Probe ports written as numbers or container port names become the names of the service's ports. */
function resolveProbePorts(context: ImportContext, drafts: Draft[]): void {
  for (const draft of drafts) {
    for (const probe of draft.probes) {
      if (!probe.port) continue;
      const value = probe.port.value;
      let port: DraftPort | undefined =
        typeof value === 'number' || /^\d+$/.test(value)
          ? draft.ports.find((candidate) => candidate.number === Number(value) && candidate.protocol === 'TCP')
          : draft.ports.find((candidate) => candidate.names.includes(value));
      if (!port && (typeof value === 'number' || /^\d+$/.test(value)) && Number(value) > 0) {
        port = {
          number: Number(value),
          protocol: 'TCP',
          names: [],
          name: '',
          expose: 'internal',
          routes: [],
          routeSources: [],
          source: probe.source,
        };
        draft.ports.push(port);
        context.report(
          'info',
          'loss',
          draft.object,
          probe.source.pointer,
          `the ${probe.kind} probe checks port ${value}, which the container does not declare; the spec declares it (and its Service exposes it)`,
        );
      }
      if (!port) {
        context.report(
          'warning',
          'unresolved-reference',
          draft.object,
          probe.source.pointer,
          `the ${probe.kind} probe uses port ${value}, which names no container port; the probe is not imported`,
          'name the container port, or give the probe port as a number',
        );
        probe.port = undefined;
        probe.probe = {};
        continue;
      }
      probe.target = port;
    }
  }
}

/**
 * Final port names: the container's name, else the Service's, else 'http' for the one port that
 * serves HTTP probes or routes, else p<number> (p<number>-udp), the compose importer's fallback too.
 */
function nameDraftPorts(draft: Draft): void {
  const taken = new Set<string>();
  const preferHttp =
    draft.ports.length === 1 &&
    (draft.ports[0]!.routes.length > 0 || draft.probes.some((probe) => probe.probe.http !== undefined));
  for (const port of draft.ports) {
    const candidate = port.names.map(toPortName).find((name) => name !== undefined && !taken.has(name));
    const derived =
      preferHttp && !taken.has('http') ? 'http' : `p${port.number}${port.protocol === 'UDP' ? '-udp' : ''}`;
    port.name = candidate ?? uniqueName(derived, taken, 15);
    taken.add(port.name);
  }
}

/**
 * Published and ingress ports get a host port in compose; two services cannot share one, so a
 * clash moves the later port to the next free number.
 */
function resolveHostPorts(context: ImportContext, drafts: Draft[]): void {
  const taken = new Map<string, Draft>();
  for (const draft of drafts) {
    for (const port of draft.ports) {
      if (port.expose === 'internal') continue;
      const wanted = port.hostPort ?? port.number;
      let candidate = wanted;
      while (taken.has(`${candidate}/${port.protocol}`) && candidate < 65535) candidate += 1;
      taken.set(`${candidate}/${port.protocol}`, draft);
      if (candidate === wanted) continue;
      port.hostPort = candidate;
      context.report(
        'info',
        'loss',
        port.source.object,
        port.source.pointer,
        `compose host port ${wanted} is already taken by service ${taken.get(`${wanted}/${port.protocol}`)!.name}; port ${port.name} of ${draft.name} is published on ${candidate} instead`,
      );
    }
  }
}

function rewriteEnv(
  context: ImportContext,
  drafts: Draft[],
  bindings: Map<SourceObject, ServiceBinding>,
  namespace: string | undefined,
): void {
  const rewriter = new AddressRewriter(drafts, bindings.values(), namespace);
  for (const draft of drafts) {
    const env = new Map<string, EnvValue>();
    const earlier = new Map(draft.envFileValues);
    const defined = new Set(draft.env.map((entry) => entry.name));
    for (const entry of draft.env) {
      if (entry.name === '__proto__') {
        context.loss(
          entry.source.object,
          entry.source.pointer,
          "env variable name '__proto__' is reserved in the spec; the variable is not imported",
          'rename the variable',
        );
        continue;
      }
      const specPointer = `/env/${entry.name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      recordOrigin(draft, specPointer, entry.source);
      if ('value' in entry) {
        env.set(entry.name, entry.value);
        continue;
      }
      const expanded = expandKubernetesText(entry.literal, earlier, defined);
      if (expanded.unresolved.length > 0) {
        context.loss(
          entry.source.object,
          `${entry.source.pointer}/value`,
          `env ${entry.name} uses ${expanded.unresolved.map((name) => `$(${name})`).join(', ')}, which Kubernetes expands from a secret, config or field value; the spec keeps the text literally`,
          'build the value in the application from the separate variables',
        );
      }
      earlier.set(entry.name, expanded.value);
      const { value, rewritten } = rewriter.rewrite(expanded.value);
      env.set(entry.name, value);
      if (rewritten.length > 0 && rewritten.some((text) => !text.startsWith(`${draft.name}:`))) {
        context.report(
          'info',
          'advice',
          entry.source.object,
          `${entry.source.pointer}/value`,
          `env ${entry.name}: ${rewritten.join(', ')} became a reference (${value}), so it follows the service's port`,
        );
      }
    }
    if (env.size > 0) draft.spec.env = Object.fromEntries(env);
  }
}

/**
 * Without NetworkPolicies every pod may call every other. The spec's reachability (compose
 * networks) follows dependsOn and allowFrom, so every service an env value references admits the
 * service that references it.
 */
function allowReferencedCallers(drafts: Draft[]): void {
  for (const caller of drafts) {
    const targets = new Set(
      Object.values(caller.spec.env ?? {}).flatMap((value) =>
        typeof value === 'string' ? referencesIn(value).map((reference) => reference.service) : [],
      ),
    );
    for (const target of drafts) {
      if (target === caller || !targets.has(target.name)) continue;
      if ((caller.spec.dependsOn ?? []).some((dependency) => dependencyName(dependency) === target.name)) continue;
      target.spec.allowFrom = [...new Set([...(target.spec.allowFrom ?? []), caller.name])].sort();
    }
  }
}

/** twinform's wait-for-<dependency> init containers become dependsOn entries. */
function resolveWaits(context: ImportContext, drafts: Draft[], bindings: Map<SourceObject, ServiceBinding>): void {
  for (const draft of drafts) {
    const dependsOn: DependsOn = [];
    for (const wait of draft.waits) {
      const direct = drafts.find((candidate) => candidate.name === wait.host);
      const binding = direct ? undefined : findBinding(bindings, draft.object.namespace, wait.host);
      const target = direct ?? binding?.draft;
      const port = direct
        ? target?.ports.find((candidate) => candidate.number === wait.port)
        : binding?.byNumber.get(wait.port);
      if (!target || !port) {
        context.loss(
          wait.source.object,
          wait.source.pointer,
          `init container waits for ${wait.host}:${wait.port}, which is no port of an imported service; not imported`,
          'add the dependency to dependsOn once its service is imported',
        );
        continue;
      }
      // Waiting for a port is what "healthy" means in Kubernetes; the spec allows it only when the
      // dependency has a health check (compose waits for that), else the dependency is "started".
      const checked = target.probes.some((probe) => Object.keys(probe.probe).length > 0);
      const dependency: Exclude<DependsOn[number], string> = {
        service: target.name,
        condition: checked ? 'healthy' : 'started',
      };
      if (target.ports[0] !== port) dependency.port = port.name;
      recordOrigin(draft, `/dependsOn/${dependsOn.length}`, wait.source);
      dependsOn.push(dependency);
    }
    if (dependsOn.length > 0) draft.spec.dependsOn = dependsOn;
  }
}

interface ProjectInputs {
  objects: SourceObject[];
  drafts: Draft[];
  namespace: string | undefined;
  options: KubernetesImportOptions;
  ingressClasses: Map<string, SourceObject[]>;
  controllerNamespaces: Map<string, SourceObject>;
}

function projectSpec(context: ImportContext, inputs: ProjectInputs): ProjectSpec {
  const { drafts, namespace, options } = inputs;
  const partOf = [...new Set(drafts.map((draft) => draft.podLabels[LABEL_PART_OF]))];
  const fromLabel = partOf.length === 1 && partOf[0] !== undefined ? toDnsLabel(partOf[0], 63) : undefined;
  const project: ProjectSpec = {
    name: fromLabel ?? toDnsLabel(options.projectName ?? '', 63) ?? 'app',
  };
  if (namespace !== undefined) project.namespace = namespace;
  const kubernetes: NonNullable<ProjectSpec['kubernetes']> = {};
  const waitImages = [
    ...new Set(drafts.flatMap((draft) => draft.waits.map((wait) => wait.image)).filter((image) => image !== '')),
  ];
  if (waitImages.length > 0 && waitImages[0] !== DEFAULT_WAIT_IMAGE) kubernetes.waitImage = waitImages[0] as string;
  if (waitImages.length > 1) {
    const wait = drafts
      .flatMap((draft) => draft.waits)
      .find((candidate) => candidate.image !== '' && candidate.image !== waitImages[0])!;
    context.report(
      'info',
      'loss',
      wait.source.object,
      wait.source.pointer,
      `the wait containers use several images; the project uses ${waitImages[0]} for all of them`,
    );
  }
  const classes = [...inputs.ingressClasses.keys()];
  if (classes.length > 0) kubernetes.ingressClassName = classes[0] as string;
  for (const other of classes.slice(1)) {
    for (const ingress of inputs.ingressClasses.get(other) ?? []) {
      context.loss(
        ingress,
        '/spec/ingressClassName',
        `ingress class ${other} differs from ${classes[0]}; the project has one ingress class`,
        'use one ingress class for the project',
      );
    }
  }
  const controllers = [...inputs.controllerNamespaces.keys()];
  if (controllers.length > 0 && controllers[0] !== 'ingress-nginx')
    kubernetes.ingressControllerNamespace = controllers[0] as string;
  for (const other of controllers.slice(1)) {
    context.loss(
      inputs.controllerNamespaces.get(other)!,
      '/spec/ingress',
      `ingress traffic from namespace ${other} is not admitted: the project admits one ingress controller namespace (${controllers[0]})`,
    );
  }
  const hasPolicies = inputs.objects.some((object) => object.kind === 'NetworkPolicy');
  if (!hasPolicies && drafts.length > 0) {
    kubernetes.networkPolicies = false;
    context.issues.push(
      makeIssue(
        'info',
        'advice',
        'the manifests have no NetworkPolicies, so every pod may call every other; the project keeps it that way (kubernetes.networkPolicies: false)',
        {
          hint: 'list who calls whom (dependsOn, allowFrom) and remove networkPolicies: false to get default-deny policies',
        },
      ),
    );
  }
  if (Object.keys(kubernetes).length > 0) project.kubernetes = kubernetes;
  const store = externalSecretStore(context, inputs.objects);
  if (store) project.secretStore = store;
  return project;
}

/** twinform generates one ExternalSecret per secret from the project's secret store; read the store back. */
function externalSecretStore(context: ImportContext, objects: SourceObject[]): ProjectSpec['secretStore'] {
  let store: ProjectSpec['secretStore'];
  for (const object of objects.filter((candidate) => candidate.kind === 'ExternalSecret')) {
    const spec = asObject(object.value.spec);
    const ref = asObject(spec.secretStoreRef);
    const name = asString(ref.name);
    if (name === undefined) continue;
    context.consume(
      object,
      '/apiVersion',
      '/kind',
      '/metadata',
      '/spec/secretStoreRef',
      '/spec/target',
      '/spec/data',
      '/spec/refreshInterval',
    );
    if (store === undefined) {
      store = { name };
      if (ref.kind === 'SecretStore' || ref.kind === 'ClusterSecretStore') store.kind = ref.kind;
      const refresh = asString(spec.refreshInterval);
      if (refresh !== undefined) store.refreshInterval = refresh;
    } else if (store.name !== name) {
      context.loss(
        object,
        '/spec/secretStoreRef',
        `secret store ${name} differs from ${store.name}; the project reads secrets from one store`,
      );
    }
  }
  return store;
}

/** ConfigMaps, Secrets, claims, namespaces and unknown kinds: each gets its line. */
function accountForSupportObjects(
  context: ImportContext,
  objects: SourceObject[],
  index: ObjectIndex,
  namespace: string | undefined,
): void {
  for (const object of objects) {
    switch (object.kind) {
      case 'Secret': {
        const keys = Object.keys({ ...asObject(object.value.data), ...asObject(object.value.stringData) });
        context.consume(object, '');
        context.report(
          'info',
          'loss',
          object,
          '',
          `values are never imported${keys.length > 0 ? ` (keys: ${keys.sort().join(', ')})` : ''}; services refer to the Secret by name and key`,
          `create Secret ${object.name} out of band (kubectl create secret, or an external secret store)`,
        );
        break;
      }
      case 'ConfigMap':
        if (!object.consumed.has('/metadata/name')) {
          context.consume(object, '');
          context.report(
            'warning',
            'loss',
            object,
            '',
            'no imported workload mounts it or reads its keys; not imported',
            'pass the workloads that use it, or add its content as config files of a service',
          );
        }
        break;
      case 'PersistentVolumeClaim': {
        const users = index.claimUsers.get(object) ?? [];
        if (users.length === 0) {
          context.consume(object, '');
          context.report('warning', 'loss', object, '', 'no imported workload mounts the claim; not imported');
        } else if (users.length > 1) {
          context.loss(
            object,
            '/metadata/name',
            `the claim is shared by ${users.join(', ')}; each service gets its own claim, so they no longer share data`,
            'move the shared data behind one service that the others call',
          );
        }
        break;
      }
      case 'Namespace':
        context.consume(object, '/apiVersion', '/kind', '/metadata/name');
        if (object.name !== namespace) {
          context.consume(object, '');
          context.report(
            'warning',
            'loss',
            object,
            '',
            `is not the project namespace${namespace ? ` (${namespace})` : ''}; the spec has one namespace per project`,
            'import the manifests of each namespace into its own project',
          );
        }
        break;
      default:
        if (!HANDLED_KINDS.has(object.kind)) {
          context.consume(object, '');
          context.report(
            'warning',
            'loss',
            object,
            '',
            `kind ${object.kind} (${object.apiVersion}) is not supported by the spec; not imported`,
            object.kind.endsWith('Binding') || object.kind.endsWith('Role') || object.kind === 'ServiceAccount'
              ? 'keep access-control objects next to the generated manifests (kustomize resources), or apply them separately'
              : 'keep it next to the generated manifests (e.g. as an extra kustomize resource), or apply it separately',
          );
        }
    }
  }
}

/** The service spec with keys in schema order, its assets and where each field came from. */
function assemble(draft: Draft): ImportedService {
  const spec = draft.spec;
  const result: ServiceSpec = { name: spec.name };
  if (spec.workload !== undefined) result.workload = spec.workload;
  if (spec.image !== undefined) result.image = spec.image;
  if (spec.command !== undefined) result.command = spec.command;
  if (spec.args !== undefined) result.args = spec.args;
  if (spec.workingDir !== undefined) result.workingDir = spec.workingDir;
  if (spec.user !== undefined) result.user = spec.user;
  if (draft.ports.length > 0) {
    result.ports = draft.ports.map((draftPort, index) => {
      const port: Port = { name: draftPort.name, port: draftPort.number };
      if (draftPort.protocol === 'UDP') port.protocol = 'UDP';
      if (draftPort.expose !== 'internal') port.expose = draftPort.expose;
      if (draftPort.hostPort !== undefined && draftPort.hostPort !== draftPort.number)
        port.hostPort = draftPort.hostPort;
      if (draftPort.expose === 'ingress' && draftPort.routes.length > 0) {
        port.ingress = draftPort.routes as NonNullable<Port['ingress']>;
        draftPort.routeSources.forEach((source, routeIndex) =>
          recordOrigin(draft, `/ports/${index}/ingress/${routeIndex}`, source),
        );
      }
      recordOrigin(draft, `/ports/${index}`, draftPort.source);
      return port;
    });
  }
  if (spec.env !== undefined) result.env = spec.env;
  if (spec.envFiles !== undefined) result.envFiles = spec.envFiles;
  if (spec.configs !== undefined) result.configs = spec.configs;
  if (spec.secrets !== undefined) result.secrets = spec.secrets;
  if (spec.volumes !== undefined) result.volumes = spec.volumes;
  const health: Health = {};
  for (const kind of ['liveness', 'readiness', 'startup'] as const) {
    const probe = draft.probes.find((candidate) => candidate.kind === kind);
    if (!probe || Object.keys(probe.probe).length === 0) continue;
    const value = { ...probe.probe };
    if (probe.target) {
      const portName = probe.target.name;
      if (value.http) value.http = { ...value.http, port: portName };
      if (value.tcp) value.tcp = { port: portName };
      if (value.grpc) value.grpc = { ...value.grpc, port: portName };
    }
    health[kind] = value;
    recordOrigin(draft, `/health/${kind}`, probe.source);
  }
  if (Object.keys(health).length > 0) result.health = health;
  const rest = [
    'resources',
    'replicas',
    'autoscaling',
    'disruption',
    'rollout',
    'terminationGracePeriodSeconds',
    'job',
    'schedule',
    'dependsOn',
    'allowFrom',
    'labels',
    'annotations',
    'security',
  ] as const;
  for (const key of rest) {
    if (spec[key] !== undefined) (result as unknown as Record<string, unknown>)[key] = spec[key];
  }
  return { spec: result, assets: draft.assets, origins: draft.origins };
}
