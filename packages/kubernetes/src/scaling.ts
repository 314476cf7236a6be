import type { NormalizedService } from '@twinform/spec';
import type { HorizontalPodAutoscaler, MetricSpec } from 'kubernetes-types/autoscaling/v2';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { report, type RenderContext } from './context';
import type { Workload } from './objects';
import { selectorLabels } from './names';
import { objectMeta } from './workloads';

const SCALABLE_KINDS = new Set(['Deployment', 'StatefulSet']);

function utilization(name: 'cpu' | 'memory', averageUtilization: number): MetricSpec {
  return { type: 'Resource', resource: { name, target: { type: 'Utilization', averageUtilization } } };
}

export function horizontalPodAutoscaler(
  context: RenderContext,
  service: NormalizedService,
  workload: Workload,
): HorizontalPodAutoscaler | undefined {
  const autoscaling = service.autoscaling;
  if (!autoscaling || !SCALABLE_KINDS.has(workload.kind as string)) return undefined;
  const metrics: MetricSpec[] = [];
  if (autoscaling.cpuUtilization !== undefined) metrics.push(utilization('cpu', autoscaling.cpuUtilization));
  if (autoscaling.memoryUtilization !== undefined) metrics.push(utilization('memory', autoscaling.memoryUtilization));
  for (const resource of ['cpu', 'memory'] as const) {
    const wanted = resource === 'cpu' ? autoscaling.cpuUtilization : autoscaling.memoryUtilization;
    if (wanted !== undefined && service.resources?.requests?.[resource] === undefined) {
      report(
        context,
        service,
        'warning',
        'advice',
        `service '${service.name}' scales on ${resource} utilization but requests no ${resource}; the autoscaler cannot compute a percentage`,
        `set resources.requests.${resource}`,
        `/autoscaling/${resource}Utilization`,
      );
    }
  }
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: objectMeta(context, service),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: workload.kind as string, name: service.name },
      ...(autoscaling.minReplicas !== undefined ? { minReplicas: autoscaling.minReplicas } : {}),
      maxReplicas: autoscaling.maxReplicas,
      ...(metrics.length > 0 ? { metrics } : {}),
    },
  };
}

/**
 * A PodDisruptionBudget when more than one pod runs (replicas or minReplicas > 1) or when the spec
 * asks for one; maxUnavailable 1 unless the spec chooses.
 */
export function podDisruptionBudget(
  context: RenderContext,
  service: NormalizedService,
  workload: Workload,
): PodDisruptionBudget | undefined {
  const disruption = service.disruption ?? {};
  if (disruption.enabled === false || !SCALABLE_KINDS.has(workload.kind as string)) return undefined;
  const pods = service.autoscaling ? (service.autoscaling.minReplicas ?? 1) : (service.replicas ?? 1);
  const chosen = disruption.minAvailable !== undefined || disruption.maxUnavailable !== undefined;
  if (pods <= 1 && !chosen && disruption.enabled !== true) return undefined;
  if (disruption.minAvailable !== undefined && disruption.maxUnavailable !== undefined) {
    report(
      context,
      service,
      'warning',
      'invalid-value',
      `service '${service.name}' sets both disruption.minAvailable and disruption.maxUnavailable; a PodDisruptionBudget takes one, minAvailable is used`,
      'remove one of them',
      '/disruption',
    );
  }
  const budget =
    disruption.minAvailable !== undefined
      ? { minAvailable: disruption.minAvailable }
      : { maxUnavailable: disruption.maxUnavailable ?? 1 };
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: objectMeta(context, service),
    spec: { ...budget, selector: { matchLabels: selectorLabels(service.name, context.project.settings) } },
  };
}
