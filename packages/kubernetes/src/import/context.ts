import { makeIssue, type Issue, type IssueCode, type IssueSeverity, type SourcePosition } from '@twinform/spec';
import { own } from './draft';
import { positionOf, type SourceObject } from './parse';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const PATCH_HINT =
  'if the cluster needs it, add it back with a `patches.kubernetes` entry in the service spec (applied to the generated object)';

/** Collects issues and remembers which fields of each object the importer used. */
export class ImportContext {
  readonly issues: Issue[];

  constructor(issues: Issue[] = []) {
    this.issues = issues;
  }

  report(
    severity: IssueSeverity,
    code: IssueCode,
    object: SourceObject,
    pointer: string,
    message: string,
    hint?: string,
    part: 'key' | 'value' = 'key',
  ): void {
    const position = positionOf(object, pointer, part);
    const extra: Omit<Issue, 'severity' | 'code' | 'message'> = {
      file: position.file,
      line: position.line,
      col: position.col,
      pointer: (object.origin?.base ?? object.base) + pointer,
    };
    if (hint !== undefined) extra.hint = hint;
    this.issues.push(makeIssue(severity, code, `${describe(object)}: ${message}`, extra));
  }

  /** Something the spec cannot represent: reported, and the field counts as handled. */
  loss(object: SourceObject, pointer: string, message: string, hint: string = PATCH_HINT): void {
    this.consume(object, pointer);
    this.report('warning', 'loss', object, pointer, message, hint);
  }

  /** A change of form the user should know about, with no loss of behaviour that matters. */
  note(object: SourceObject, pointer: string, message: string, hint?: string): void {
    this.consume(object, pointer);
    this.report('info', 'loss', object, pointer, message, hint);
  }

  /**
   * A value the Kubernetes API server would reject (a negative replica count, a port out of
   * range): an error at the value, so nothing is written.
   */
  invalid(object: SourceObject, pointer: string, message: string, hint: string): void {
    this.consume(object, pointer);
    this.report('error', 'invalid-value', object, pointer, message, hint, 'value');
  }

  consume(object: SourceObject, ...pointers: string[]): void {
    for (const pointer of pointers) object.consumed.add(pointer);
  }

  position(object: SourceObject, pointer: string): SourcePosition {
    return positionOf(object, pointer);
  }

  /** Reports every field of the object that nothing mapped, consumed or recognised as a default. */
  reportUnconsumed(object: SourceObject): void {
    const visit = (value: unknown, pointer: string, path: string[]): void => {
      if (object.consumed.has(pointer) || isIgnorable(object.kind, path, value)) return;
      const touched = [...object.consumed].some((consumed) => consumed.startsWith(`${pointer}/`));
      if (touched && (isPlainObject(value) || Array.isArray(value))) {
        const entries: Array<[string, unknown]> = Array.isArray(value)
          ? value.map((item, index) => [String(index), item])
          : Object.entries(value);
        for (const [key, child] of entries) visit(child, `${pointer}/${escape(key)}`, [...path, key]);
        return;
      }
      if (pointer === '') return;
      const reason = reasonFor(object.kind, path);
      this.report('warning', 'loss', object, pointer, `${fieldName(path)} is not imported: ${reason.why}`, reason.hint);
    };
    visit(object.value, '', []);
  }
}

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Names that need quotes to be read right in a message (spaces, control characters, nothing at all). */
const quoted = (text: string): string => (/^[\x21-\x7e]+$/.test(text) ? text : JSON.stringify(text));

export function describe(object: SourceObject): string {
  return `${quoted(object.kind)} ${object.name === '' ? '(unnamed)' : quoted(object.name)}`;
}

function fieldName(path: string[]): string {
  return path
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
    .join('')
    .replace(/^\./, '');
}

interface Reason {
  why: string;
  hint: string;
}

const SCHEDULING: Reason = {
  why: 'the spec has no scheduling constraints (node selection, affinity, tolerations, priority); pods may land on any node',
  hint: PATCH_HINT,
};

/** Why a field cannot be kept, for the fields people write most; keyed by field name. */
const REASONS: Record<string, Reason> = {
  nodeSelector: SCHEDULING,
  affinity: SCHEDULING,
  tolerations: SCHEDULING,
  topologySpreadConstraints: SCHEDULING,
  priorityClassName: SCHEDULING,
  nodeName: SCHEDULING,
  schedulerName: SCHEDULING,
  serviceAccountName: {
    why: 'the spec has no service accounts; pods run as the namespace default service account',
    hint: 'create the ServiceAccount out of band and set it with a `patches.kubernetes` entry',
  },
  serviceAccount: {
    why: 'the spec has no service accounts; pods run as the namespace default service account',
    hint: 'create the ServiceAccount out of band and set it with a `patches.kubernetes` entry',
  },
  hostNetwork: { why: 'the spec has no host networking; pods use the cluster network', hint: PATCH_HINT },
  hostPID: { why: 'the spec does not share the host process namespace', hint: PATCH_HINT },
  hostIPC: { why: 'the spec does not share the host IPC namespace', hint: PATCH_HINT },
  imagePullSecrets: {
    why: 'the spec has no registry credentials; a private image will not pull',
    hint: 'attach the pull secret to the namespace default service account, or add it with a `patches.kubernetes` entry',
  },
  imagePullPolicy: {
    why: 'the spec keeps the Kubernetes default pull policy (Always for :latest or untagged images, else IfNotPresent)',
    hint: 'pin image tags; set the policy with a `patches.kubernetes` entry if you need another one',
  },
  dnsPolicy: { why: 'the spec keeps the default DNS policy (ClusterFirst)', hint: PATCH_HINT },
  dnsConfig: { why: 'the spec has no DNS settings', hint: PATCH_HINT },
  hostAliases: { why: 'the spec has no extra /etc/hosts entries', hint: PATCH_HINT },
  hostname: { why: 'the spec has no pod host name', hint: PATCH_HINT },
  subdomain: { why: 'the spec has no pod subdomain', hint: PATCH_HINT },
  lifecycle: { why: 'the spec has no container lifecycle hooks (postStart/preStop)', hint: PATCH_HINT },
  stdin: { why: 'the spec has no interactive containers', hint: PATCH_HINT },
  tty: { why: 'the spec has no interactive containers', hint: PATCH_HINT },
  annotations: {
    why: 'the spec keeps annotations only on the pod template',
    hint: 'tools that read these annotations (monitoring, ingress controllers) need them back through a `patches.kubernetes` entry',
  },
  minReadySeconds: { why: 'the spec has no minimum ready time', hint: PATCH_HINT },
  revisionHistoryLimit: { why: 'the spec keeps the default revision history (10)', hint: PATCH_HINT },
  progressDeadlineSeconds: { why: 'the spec keeps the default progress deadline (600s)', hint: PATCH_HINT },
  runtimeClassName: { why: 'the spec has no runtime class', hint: PATCH_HINT },
  shareProcessNamespace: { why: 'the spec runs one container per pod', hint: PATCH_HINT },
  enableServiceLinks: { why: 'the spec keeps service-link environment variables on (the default)', hint: PATCH_HINT },
  ephemeralContainers: { why: 'the spec runs one container per pod', hint: PATCH_HINT },
  readinessGates: { why: 'the spec has no readiness gates', hint: PATCH_HINT },
  overhead: { why: 'the spec has no pod overhead', hint: PATCH_HINT },
  os: { why: 'the spec has no operating system selection', hint: PATCH_HINT },
  volumeDevices: { why: 'the spec has no raw block devices', hint: PATCH_HINT },
  externalTrafficPolicy: { why: 'the spec has no traffic policy for external Service traffic', hint: PATCH_HINT },
  loadBalancerIP: { why: 'the spec has no load balancer address', hint: PATCH_HINT },
  loadBalancerSourceRanges: { why: 'the spec has no load balancer source ranges', hint: PATCH_HINT },
  sessionAffinity: { why: 'the spec has no session affinity', hint: PATCH_HINT },
  externalIPs: { why: 'the spec has no external IPs', hint: PATCH_HINT },
  publishNotReadyAddresses: { why: 'the spec has no such Service setting', hint: PATCH_HINT },
  ownerReferences: {
    why: 'owner references are set by the cluster, not by manifests',
    hint: 'remove them from the input',
  },
  finalizers: { why: 'the spec has no finalizers', hint: PATCH_HINT },
  generateName: { why: 'the spec names every object after its service', hint: 'give the object a metadata.name' },
};

function reasonFor(kind: string, path: string[]): Reason {
  if ((kind === 'ConfigMap' || kind === 'Secret') && (path[0] === 'data' || path[0] === 'binaryData')) {
    return {
      why: 'no imported workload reads this key',
      hint: 'pass the workloads that use it, or add its content as a config file of a service',
    };
  }
  const named = [...path].reverse().find((segment) => !/^\d+$/.test(segment));
  const known = named === undefined ? undefined : own(REASONS, named);
  if (known) return known;
  return { why: 'the spec has no field for it', hint: PATCH_HINT };
}

const KUBERNETES_DEFAULTS: Record<string, unknown> = {
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  dnsPolicy: 'ClusterFirst',
  schedulerName: 'default-scheduler',
  protocol: 'TCP',
  sessionAffinity: 'None',
  internalTrafficPolicy: 'Cluster',
  ipFamilyPolicy: 'SingleStack',
  podManagementPolicy: 'OrderedReady',
  mountPropagation: 'None',
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
  minReadySeconds: 0,
  enableServiceLinks: true,
  hostNetwork: false,
  hostPID: false,
  hostIPC: false,
  stdin: false,
  tty: false,
  paused: false,
  readOnly: false,
  privileged: false,
  shareProcessNamespace: false,
};

/** Runtime state written by the cluster, and values equal to what Kubernetes would default them to. */
function isIgnorable(kind: string, path: string[], value: unknown): boolean {
  const last = path[path.length - 1];
  if (path.length === 1 && last === 'status') return true;
  if (path[0] === 'metadata' && path.length === 2) {
    if (['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink'].includes(last!)) {
      return true;
    }
  }
  if (path.length >= 2 && path[path.length - 2] === 'metadata' && last === 'creationTimestamp' && value === null)
    return true;
  if (path.length >= 2 && path[path.length - 2] === 'annotations') {
    if (last === 'kubectl.kubernetes.io/last-applied-configuration' || last === 'deployment.kubernetes.io/revision') {
      return true;
    }
  }
  if (value === null) return true;
  if (isPlainObject(value) && Object.entries(value).every(([key, item]) => isIgnorable(kind, [...path, key], item)))
    return true;
  if (Array.isArray(value) && value.length === 0) return true;
  if (last !== undefined && Object.hasOwn(KUBERNETES_DEFAULTS, last) && KUBERNETES_DEFAULTS[last] === value)
    return true;
  if (kind === 'Service' && path.join('/') === 'spec/type' && value === 'ClusterIP') return true;
  if (
    kind === 'Service' &&
    (last === 'clusterIP' || last === 'clusterIPs' || last === 'ipFamilies') &&
    path[0] === 'spec'
  ) {
    return value !== 'None';
  }
  if (last === 'updateStrategy' && isPlainObject(value) && value.type === 'RollingUpdate') {
    const rolling = value.rollingUpdate;
    return (
      rolling === undefined ||
      (isPlainObject(rolling) &&
        Object.entries(rolling).every(
          ([key, item]) => (key === 'partition' && item === 0) || (key === 'maxUnavailable' && item === 1),
        ))
    );
  }
  if (last === 'persistentVolumeClaimRetentionPolicy' && isPlainObject(value)) {
    return Object.values(value).every((item) => item === 'Retain');
  }
  return false;
}
