import type { Autoscaling, Disruption } from '@twinform/spec';
import type { ImportContext } from './context';
import {
  asArray,
  asNumber,
  asObject,
  asString,
  describeValue,
  isPlainObject,
  recordOrigin,
  stringMap,
  type Draft,
} from './draft';
import { consumeMetadata, sameNamespace, selects } from './network';
import type { SourceObject } from './parse';

/** HorizontalPodAutoscalers (v1, v2, v2beta1, v2beta2) → autoscaling; the workload then keeps no replicas. */
export function importAutoscalers(
  context: ImportContext,
  hpas: SourceObject[],
  drafts: Draft[],
  managed: string[],
): void {
  for (const hpa of hpas) {
    const spec = asObject(hpa.value.spec);
    const target = asObject(spec.scaleTargetRef);
    context.consume(hpa, '/spec/scaleTargetRef');
    const draft = drafts.find(
      (candidate) =>
        candidate.object.kind === target.kind &&
        candidate.object.name === target.name &&
        sameNamespace(candidate.object.namespace, hpa.namespace),
    );
    consumeMetadata(context, hpa, draft, managed);
    if (!draft) {
      context.consume(hpa, '/spec');
      context.report(
        'warning',
        'unresolved-reference',
        hpa,
        '/spec/scaleTargetRef',
        `the autoscaler targets ${describeValue(target.kind)}${target.name === undefined ? ' (no name)' : ` ${describeValue(target.name)}`}, which is not among the imported workloads; not imported`,
        'pass the manifest of the workload it scales',
      );
      continue;
    }
    if (draft.workload !== 'service' && draft.workload !== 'stateful') {
      context.loss(hpa, '/spec', `workload ${draft.workload} cannot be autoscaled in the spec`);
      continue;
    }
    const autoscaling: Autoscaling = { maxReplicas: asNumber(spec.maxReplicas) ?? 1 };
    context.consume(hpa, '/spec/maxReplicas', '/spec/minReplicas');
    const min = asNumber(spec.minReplicas);
    if (min !== undefined) autoscaling.minReplicas = min;
    const v1 = asNumber(spec.targetCPUUtilizationPercentage);
    if (v1 !== undefined) {
      autoscaling.cpuUtilization = v1;
      context.consume(hpa, '/spec/targetCPUUtilizationPercentage');
    }
    asArray(spec.metrics).forEach((item, index) => {
      const metric = asObject(item);
      const pointer = `/spec/metrics/${index}`;
      const resource = asObject(metric.resource);
      const name = asString(resource.name);
      const target = asObject(resource.target);
      const utilization =
        target.type === 'Utilization'
          ? asNumber(target.averageUtilization)
          : asNumber(resource.targetAverageUtilization);
      if (metric.type === 'Resource' && (name === 'cpu' || name === 'memory') && utilization !== undefined) {
        autoscaling[name === 'cpu' ? 'cpuUtilization' : 'memoryUtilization'] = utilization;
        context.consume(hpa, pointer);
        return;
      }
      context.loss(
        hpa,
        pointer,
        `metric ${describeValue(metric.type)}${name ? ` ${name}` : ''} is not supported by the spec (average cpu or memory utilization only)`,
      );
    });
    recordOrigin(draft, '/autoscaling', { object: hpa, pointer: '/spec' });
    draft.spec.autoscaling = autoscaling;
    if (draft.spec.replicas !== undefined) {
      context.note(
        draft.object,
        draft.object.kind === 'Pod' ? '/spec' : '/spec/replicas',
        `replicas ${draft.spec.replicas} is left out because autoscaler ${hpa.name} owns the scale (applying the manifests never fights it)`,
      );
      delete draft.spec.replicas;
    }
  }
}

const podCount = (draft: Draft): number =>
  draft.spec.autoscaling ? (draft.spec.autoscaling.minReplicas ?? 1) : (draft.spec.replicas ?? 1);

/** PodDisruptionBudgets → disruption (twinform's default, maxUnavailable 1 for several pods, stays implicit). */
export function importDisruptionBudgets(
  context: ImportContext,
  pdbs: SourceObject[],
  drafts: Draft[],
  managed: string[],
): void {
  const covered = new Set<Draft>();
  for (const pdb of pdbs) {
    const spec = asObject(pdb.value.spec);
    const selector = asObject(spec.selector);
    const labels = stringMap(selector.matchLabels);
    context.consume(pdb, '/spec/selector/matchLabels');
    if (selector.matchExpressions !== undefined) {
      context.loss(
        pdb,
        '/spec/selector/matchExpressions',
        'selector expressions are not supported; the budget is matched by its labels only',
      );
    }
    const matches = drafts.filter(
      (draft) => sameNamespace(draft.object.namespace, pdb.namespace) && selects(labels, draft.podLabels),
    );
    consumeMetadata(context, pdb, matches[0], managed);
    if (matches.length === 0) {
      context.consume(pdb, '/spec');
      context.report(
        'warning',
        'unresolved-reference',
        pdb,
        '/spec/selector',
        'the disruption budget selects no imported workload; not imported',
        'pass the manifest of the workload it protects, or fix the selector',
      );
      continue;
    }
    context.consume(pdb, '/spec/minAvailable', '/spec/maxUnavailable');
    for (const draft of matches) {
      if (draft.workload !== 'service' && draft.workload !== 'stateful') {
        context.loss(pdb, '/spec', `a disruption budget for workload ${draft.workload} is not supported by the spec`);
        continue;
      }
      covered.add(draft);
      const disruption: Disruption = {};
      const minAvailable = spec.minAvailable;
      const maxUnavailable = spec.maxUnavailable;
      if (typeof minAvailable === 'number' || typeof minAvailable === 'string') disruption.minAvailable = minAvailable;
      else if (typeof maxUnavailable === 'number' || typeof maxUnavailable === 'string') {
        if (maxUnavailable !== 1) disruption.maxUnavailable = maxUnavailable;
      }
      if (Object.keys(disruption).length === 0 && podCount(draft) <= 1) disruption.enabled = true;
      if (Object.keys(disruption).length > 0) {
        draft.spec.disruption = disruption;
        recordOrigin(draft, '/disruption', { object: pdb, pointer: '/spec' });
      }
    }
  }
  for (const draft of drafts) {
    if (covered.has(draft) || (draft.workload !== 'service' && draft.workload !== 'stateful')) continue;
    // twinform would add a budget for several pods; none was there, so say so explicitly.
    if (podCount(draft) > 1) draft.spec.disruption = { enabled: false };
  }
}

export interface NetworkPolicyImport {
  /** Callers admitted by policies, per target service name. */
  callers: Map<Draft, Set<Draft>>;
  /** Drafts some policy selects. */
  covered: Set<Draft>;
  /** The first policy admitting callers of each draft (where allowFrom comes from). */
  sources: Map<Draft, SourceObject>;
  ingressControllerNamespaces: Map<string, SourceObject>;
}

/** NetworkPolicies: pod-selector callers become allowFrom; twinform's own ingress-controller rule is recognised. */
export function importNetworkPolicies(
  context: ImportContext,
  policies: SourceObject[],
  drafts: Draft[],
  managed: string[],
): NetworkPolicyImport {
  const result: NetworkPolicyImport = {
    callers: new Map(),
    covered: new Set(),
    sources: new Map(),
    ingressControllerNamespaces: new Map(),
  };
  for (const policy of policies) {
    const spec = asObject(policy.value.spec);
    const podSelector = asObject(spec.podSelector);
    const labels = stringMap(podSelector.matchLabels);
    context.consume(policy, '/spec/podSelector/matchLabels', '/spec/podSelector');
    if (podSelector.matchExpressions !== undefined) {
      context.loss(
        policy,
        '/spec/podSelector/matchExpressions',
        'selector expressions are not supported; the policy is matched by its labels only',
      );
    }
    const inNamespace = drafts.filter((draft) => sameNamespace(draft.object.namespace, policy.namespace));
    const targets =
      Object.keys(labels).length === 0 ? inNamespace : inNamespace.filter((draft) => selects(labels, draft.podLabels));
    consumeMetadata(context, policy, targets.length === 1 ? targets[0] : undefined, managed);
    const types = asArray(spec.policyTypes).map((type) => asString(type));
    context.consume(policy, '/spec/policyTypes');
    if (types.includes('Egress') || spec.egress !== undefined) {
      context.loss(
        policy,
        spec.egress !== undefined ? '/spec/egress' : '/spec/policyTypes',
        'egress rules are not supported by the spec (it controls who may call a service, not whom it calls)',
      );
    }
    if (targets.length === 0) {
      context.consume(policy, '/spec');
      context.report(
        'warning',
        'unresolved-reference',
        policy,
        '/spec/podSelector',
        'the policy selects no imported workload; not imported',
      );
      continue;
    }
    for (const target of targets) result.covered.add(target);
    asArray(spec.ingress).forEach((item, ruleIndex) => {
      const rule = asObject(item);
      const pointer = `/spec/ingress/${ruleIndex}`;
      const from = asArray(rule.from);
      const rulePorts = asArray(rule.ports).map((port) => asObject(port));
      context.consume(policy, `${pointer}/ports`);
      if (from.length === 0) {
        context.loss(
          policy,
          pointer,
          'the rule admits every source; the spec admits only named services (dependsOn, allowFrom) and the ingress controller',
          'list the callers in allowFrom',
        );
        return;
      }
      const admitsPods = from.some(
        (peer) => isPlainObject(asObject(peer).podSelector) && asObject(peer).namespaceSelector === undefined,
      );
      for (const target of targets) {
        if (admitsPods && rulePorts.length > 0 && !coversAllPorts(rulePorts, target)) {
          context.note(
            policy,
            `${pointer}/ports`,
            `the rule admits its sources on some ports only; the generated policy admits callers on every port of ${target.name}`,
          );
        }
      }
      from.forEach((peerItem, peerIndex) => {
        const peer = asObject(peerItem);
        const peerPointer = `${pointer}/from/${peerIndex}`;
        if (isPlainObject(peer.podSelector) && peer.namespaceSelector === undefined && peer.ipBlock === undefined) {
          const callerLabels = stringMap(peer.podSelector.matchLabels);
          const callers =
            Object.keys(callerLabels).length === 0 && peer.podSelector.matchExpressions === undefined
              ? inNamespace
              : inNamespace.filter((draft) => selects(callerLabels, draft.podLabels));
          context.consume(policy, peerPointer);
          if (callers.length === 0) {
            context.report(
              'warning',
              'unresolved-reference',
              policy,
              peerPointer,
              `the rule admits pods ${Object.entries(callerLabels)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ')}, which match no imported workload; not imported`,
            );
            return;
          }
          if (Object.keys(callerLabels).length === 0) {
            context.note(
              policy,
              peerPointer,
              'the rule admits every pod of the namespace; it becomes allowFrom of every imported service',
            );
          }
          for (const target of targets) {
            const set = result.callers.get(target) ?? new Set<Draft>();
            for (const caller of callers) if (caller !== target) set.add(caller);
            result.callers.set(target, set);
            if (!result.sources.has(target)) result.sources.set(target, policy);
          }
          return;
        }
        const namespaceLabels = stringMap(asObject(peer.namespaceSelector).matchLabels);
        const controller = namespaceLabels['kubernetes.io/metadata.name'];
        if (
          peer.podSelector === undefined &&
          peer.ipBlock === undefined &&
          controller !== undefined &&
          Object.keys(namespaceLabels).length === 1 &&
          targets.every((target) => target.ports.some((port) => port.expose === 'ingress'))
        ) {
          context.consume(policy, peerPointer);
          result.ingressControllerNamespaces.set(controller, policy);
          return;
        }
        context.loss(
          policy,
          peerPointer,
          `a rule admitting ${peer.ipBlock !== undefined ? 'an IP block' : 'pods of other namespaces'} is not supported by the spec`,
          'admit callers by service with allowFrom; ingress traffic is admitted for ingress ports automatically',
        );
      });
    });
  }
  return result;
}

function coversAllPorts(rulePorts: Array<Record<string, unknown>>, target: Draft): boolean {
  return target.ports.every((port) =>
    rulePorts.some((rulePort) => {
      const value = rulePort.port;
      return value === undefined || value === port.number || value === port.name || port.names.includes(String(value));
    }),
  );
}
