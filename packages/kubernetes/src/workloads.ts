import type { NormalizedService } from '@twinform/spec';
import type {
  DaemonSet,
  DaemonSetUpdateStrategy,
  Deployment,
  DeploymentStrategy,
  StatefulSet,
  StatefulSetUpdateStrategy,
} from 'kubernetes-types/apps/v1';
import type { CronJob, Job, JobSpec } from 'kubernetes-types/batch/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { ServiceConfiguration } from './config';
import { report, type RenderContext } from './context';
import type { Workload } from './objects';
import { claimName, headlessServiceName, selectorLabels, serviceLabels } from './names';
import { claimSpec, claimedVolumes, podTemplate } from './pod';

export const WORKLOAD_KINDS = {
  service: 'Deployment',
  stateful: 'StatefulSet',
  job: 'Job',
  cronjob: 'CronJob',
  daemon: 'DaemonSet',
} as const;

export function objectMeta(context: RenderContext, service: NormalizedService, name = service.name): ObjectMeta {
  const metadata: ObjectMeta = { name };
  const namespace = context.project.settings.namespace;
  if (namespace !== undefined) metadata.namespace = namespace;
  metadata.labels = serviceLabels(service, context.project.settings);
  return metadata;
}

type Field = 'replicas' | 'autoscaling' | 'rollout' | 'job' | 'schedule' | 'disruption';

/** Which workloads each optional field means something for. */
const FIELD_WORKLOADS: Record<Field, ReadonlyArray<NormalizedService['workload']>> = {
  replicas: ['service', 'stateful'],
  autoscaling: ['service', 'stateful'],
  rollout: ['service', 'stateful', 'daemon'],
  job: ['job', 'cronjob'],
  schedule: ['cronjob'],
  disruption: ['service', 'stateful'],
};

/** Fields set for a workload that has no use for them: reported, never dropped silently. */
function reportUnusedFields(context: RenderContext, service: NormalizedService): void {
  for (const [field, workloads] of Object.entries(FIELD_WORKLOADS) as Array<[Field, Field[]]>) {
    if (service[field] === undefined || (workloads as string[]).includes(service.workload)) continue;
    report(
      context,
      service,
      'warning',
      'loss',
      `${field} has no effect on workload '${service.workload}' of service '${service.name}'; Kubernetes output leaves it out`,
      `remove ${field}, or use a workload it applies to (${workloads.join(', ')})`,
      `/${field}`,
    );
  }
}

function deploymentStrategy(service: NormalizedService): DeploymentStrategy | undefined {
  const rollout = service.rollout;
  if (!rollout) return undefined;
  if (rollout.strategy === 'Recreate') return { type: 'Recreate' };
  const strategy: DeploymentStrategy = { type: 'RollingUpdate' };
  if (rollout.maxSurge !== undefined || rollout.maxUnavailable !== undefined) {
    strategy.rollingUpdate = {};
    if (rollout.maxSurge !== undefined) strategy.rollingUpdate.maxSurge = rollout.maxSurge;
    if (rollout.maxUnavailable !== undefined) strategy.rollingUpdate.maxUnavailable = rollout.maxUnavailable;
  }
  return strategy;
}

function statefulSetStrategy(
  context: RenderContext,
  service: NormalizedService,
): StatefulSetUpdateStrategy | undefined {
  const rollout = service.rollout;
  if (!rollout) return undefined;
  const unsupported = [
    rollout.strategy === 'Recreate' ? 'strategy Recreate' : undefined,
    rollout.maxSurge !== undefined ? 'maxSurge' : undefined,
    rollout.maxUnavailable !== undefined ? 'maxUnavailable' : undefined,
  ].filter((item): item is string => item !== undefined);
  if (unsupported.length > 0) {
    report(
      context,
      service,
      'warning',
      'loss',
      `a StatefulSet always replaces pods one at a time; rollout ${unsupported.join(', ')} of service '${service.name}' is left out`,
      'remove these rollout settings for stateful services',
      '/rollout',
    );
  }
  return { type: 'RollingUpdate' };
}

function daemonSetStrategy(context: RenderContext, service: NormalizedService): DaemonSetUpdateStrategy | undefined {
  const rollout = service.rollout;
  if (!rollout) return undefined;
  if (rollout.strategy === 'Recreate') {
    report(
      context,
      service,
      'warning',
      'loss',
      `a DaemonSet cannot recreate all pods at once; rollout strategy Recreate of service '${service.name}' becomes RollingUpdate`,
      'remove rollout.strategy, or set maxUnavailable to control how many nodes update at once',
      '/rollout/strategy',
    );
  }
  const strategy: DaemonSetUpdateStrategy = { type: 'RollingUpdate' };
  if (rollout.maxSurge !== undefined || rollout.maxUnavailable !== undefined) {
    strategy.rollingUpdate = {};
    if (rollout.maxSurge !== undefined) strategy.rollingUpdate.maxSurge = rollout.maxSurge;
    if (rollout.maxUnavailable !== undefined) strategy.rollingUpdate.maxUnavailable = rollout.maxUnavailable;
  }
  return strategy;
}

function jobSpec(context: RenderContext, service: NormalizedService, configuration: ServiceConfiguration): JobSpec {
  const settings = service.job ?? {};
  const { template } = podTemplate(context, service, configuration, 'Never');
  return {
    ...(settings.backoffLimit !== undefined ? { backoffLimit: settings.backoffLimit } : {}),
    ...(settings.completions !== undefined ? { completions: settings.completions } : {}),
    ...(settings.parallelism !== undefined ? { parallelism: settings.parallelism } : {}),
    ...(settings.activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds: settings.activeDeadlineSeconds } : {}),
    ...(settings.ttlSecondsAfterFinished !== undefined
      ? { ttlSecondsAfterFinished: settings.ttlSecondsAfterFinished }
      : {}),
    template,
  };
}

/** The workload object of a service (undefined only when a required field is missing). */
export function workload(
  context: RenderContext,
  service: NormalizedService,
  configuration: ServiceConfiguration,
): Workload | undefined {
  reportUnusedFields(context, service);
  const selector = { matchLabels: selectorLabels(service.name, context.project.settings) };
  // With an autoscaler the workload carries no replicas, so applying manifests never resets the scale.
  const replicas =
    service.autoscaling === undefined && service.replicas !== undefined ? { replicas: service.replicas } : {};
  switch (service.workload) {
    case 'service': {
      const { template } = podTemplate(context, service, configuration);
      const strategy = deploymentStrategy(service);
      const deployment: Deployment = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: objectMeta(context, service),
        spec: { ...replicas, selector, ...(strategy ? { strategy } : {}), template },
      };
      return deployment;
    }
    case 'stateful': {
      const { template, claimTemplates } = podTemplate(context, service, configuration);
      const updateStrategy = statefulSetStrategy(context, service);
      const statefulSet: StatefulSet = {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: objectMeta(context, service),
        spec: {
          serviceName: headlessServiceName(service.name),
          ...replicas,
          selector,
          ...(updateStrategy ? { updateStrategy } : {}),
          template,
          ...(claimTemplates.length > 0 ? { volumeClaimTemplates: claimTemplates } : {}),
        },
      };
      return statefulSet;
    }
    case 'daemon': {
      const { template } = podTemplate(context, service, configuration);
      const updateStrategy = daemonSetStrategy(context, service);
      const daemonSet: DaemonSet = {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: objectMeta(context, service),
        spec: { selector, ...(updateStrategy ? { updateStrategy } : {}), template },
      };
      return daemonSet;
    }
    case 'job': {
      const job: Job = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: objectMeta(context, service),
        spec: jobSpec(context, service, configuration),
      };
      return job;
    }
    case 'cronjob': {
      const schedule = service.schedule;
      if (!schedule) {
        report(
          context,
          service,
          'error',
          'missing-field',
          `cronjob '${service.name}' has no schedule`,
          "add schedule: { cron: '0 3 * * *' }",
          '/schedule',
        );
        return undefined;
      }
      const cronJob: CronJob = {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: objectMeta(context, service),
        spec: {
          schedule: schedule.cron,
          ...(schedule.timeZone !== undefined ? { timeZone: schedule.timeZone } : {}),
          concurrencyPolicy: schedule.concurrencyPolicy ?? 'Forbid',
          ...(schedule.suspend !== undefined ? { suspend: schedule.suspend } : {}),
          ...(schedule.successfulJobsHistoryLimit !== undefined
            ? { successfulJobsHistoryLimit: schedule.successfulJobsHistoryLimit }
            : {}),
          ...(schedule.failedJobsHistoryLimit !== undefined
            ? { failedJobsHistoryLimit: schedule.failedJobsHistoryLimit }
            : {}),
          jobTemplate: {
            metadata: { labels: serviceLabels(service, context.project.settings) },
            spec: jobSpec(context, service, configuration),
          },
        },
      };
      return cronJob;
    }
  }
}

/** PersistentVolumeClaims of a non-stateful service (a StatefulSet claims through its templates). */
export function persistentVolumeClaims(
  context: RenderContext,
  service: NormalizedService,
): Array<{ file: string; object: PersistentVolumeClaim }> {
  if (service.workload === 'stateful') return [];
  return claimedVolumes(service).map((volume) => ({
    file: `pvc-${volume.name}.yaml`,
    object: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: objectMeta(context, service, claimName(service.name, volume.name)),
      spec: claimSpec(volume),
    },
  }));
}
