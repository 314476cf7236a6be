import type { ServiceSpec } from '@twinform/spec';
import { toKubernetes } from '../src';
import { documentAt, paths, project } from './helpers';

const render = (services: ServiceSpec[], overrides = {}, assets: Record<string, string> = {}) =>
  toKubernetes(project(services, overrides, assets));
const at = (result: ReturnType<typeof toKubernetes>, service: string, file: string) =>
  documentAt(result.documents, `k8s/base/${service}/${file}`);

describe('StatefulSet', () => {
  const db: ServiceSpec = {
    name: 'db',
    workload: 'stateful',
    image: 'postgres:16.4-alpine',
    replicas: 3,
    ports: [{ name: 'pg', port: 5432 }],
    volumes: [
      { name: 'data', mountPath: '/var/lib/postgresql/data', size: '10Gi', storageClass: 'fast', subPath: 'pgdata' },
      { name: 'wal', mountPath: '/wal', size: '1Gi', accessMode: 'ReadWriteOncePod' },
    ],
  };

  it('is governed by a headless Service and claims its volumes through templates', () => {
    const result = render([db]);
    const statefulSet = at(result, 'db', 'statefulset.yaml');
    expect(statefulSet.apiVersion).toBe('apps/v1');
    expect(statefulSet.spec.serviceName).toBe('db-headless');
    expect(statefulSet.spec.replicas).toBe(3);
    // Claim templates are immutable: no labels that change with the image.
    expect(statefulSet.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'data' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'fast',
          resources: { requests: { storage: '10Gi' } },
        },
      },
      {
        metadata: { name: 'wal' },
        spec: { accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '1Gi' } } },
      },
    ]);
    expect(statefulSet.spec.template.spec.containers[0].volumeMounts).toEqual([
      { name: 'data', mountPath: '/var/lib/postgresql/data', subPath: 'pgdata' },
      { name: 'wal', mountPath: '/wal' },
    ]);
    expect(statefulSet.spec.template.spec.volumes).toBeUndefined();
    expect(paths(result.documents).filter((path) => path.includes('pvc-'))).toEqual([]);
  });

  it('keeps the ClusterIP Service and adds the headless one', () => {
    const result = render([db]);
    expect(at(result, 'db', 'service.yaml').spec.type).toBe('ClusterIP');
    const headless = at(result, 'db', 'service-headless.yaml');
    expect(headless.metadata.name).toBe('db-headless');
    expect(headless.spec).toEqual({
      clusterIP: 'None',
      selector: { 'app.kubernetes.io/name': 'db', 'app.kubernetes.io/part-of': 'shop' },
      ports: [{ name: 'pg', port: 5432, targetPort: 'pg' }],
    });
  });

  it('reports rollout settings a StatefulSet cannot honour', () => {
    const result = render([{ ...db, rollout: { strategy: 'Recreate' } }]);
    expect(at(result, 'db', 'statefulset.yaml').spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'loss', pointer: '/rollout' }),
    );
  });
});

describe('Job', () => {
  it('runs to completion with Never restarts and the job settings', () => {
    const result = render([
      {
        name: 'migrate',
        workload: 'job',
        image: 'api:1',
        command: ['npm', 'run', 'migrate'],
        job: {
          backoffLimit: 2,
          completions: 1,
          parallelism: 1,
          activeDeadlineSeconds: 300,
          ttlSecondsAfterFinished: 600,
        },
      },
    ]);
    const job = at(result, 'migrate', 'job.yaml');
    expect(job.apiVersion).toBe('batch/v1');
    expect(job.metadata.labels['app.kubernetes.io/component']).toBe('job');
    const { template, ...settings } = job.spec;
    expect(settings).toEqual({
      backoffLimit: 2,
      completions: 1,
      parallelism: 1,
      activeDeadlineSeconds: 300,
      ttlSecondsAfterFinished: 600,
    });
    expect(template.spec.restartPolicy).toBe('Never');
    expect(job.spec.selector).toBeUndefined();
  });

  it('reports fields that mean nothing for a job', () => {
    const result = render([{ name: 'migrate', workload: 'job', image: 'api:1', replicas: 2 }]);
    expect('replicas' in at(result, 'migrate', 'job.yaml').spec).toBe(false);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'loss', pointer: '/replicas' }),
    );
  });
});

describe('CronJob', () => {
  it('maps schedule, time zone, history limits and suspend; concurrency defaults to Forbid', () => {
    const result = render([
      {
        name: 'report',
        workload: 'cronjob',
        image: 'report:1',
        schedule: {
          cron: '*/15 * * * *',
          timeZone: 'Europe/Berlin',
          successfulJobsHistoryLimit: 1,
          failedJobsHistoryLimit: 2,
          suspend: true,
        },
        job: { backoffLimit: 0 },
      },
    ]);
    const cronJob = at(result, 'report', 'cronjob.yaml');
    const { jobTemplate, ...schedule } = cronJob.spec;
    expect(schedule).toEqual({
      schedule: '*/15 * * * *',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      suspend: true,
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 2,
    });
    expect(jobTemplate.spec.backoffLimit).toBe(0);
    expect(jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
    expect(jobTemplate.metadata.labels['app.kubernetes.io/name']).toBe('report');
  });

  it('keeps an explicit concurrency policy', () => {
    const result = render([
      { name: 'report', workload: 'cronjob', image: 'r:1', schedule: { cron: '@daily', concurrencyPolicy: 'Replace' } },
    ]);
    expect(at(result, 'report', 'cronjob.yaml').spec.concurrencyPolicy).toBe('Replace');
  });

  it('is an error without a schedule', () => {
    const result = render([{ name: 'report', workload: 'cronjob', image: 'r:1' }]);
    expect(paths(result.documents)).not.toContain('k8s/base/report/cronjob.yaml');
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'missing-field', pointer: '/schedule' }),
    );
  });
});

describe('DaemonSet', () => {
  it('runs one pod per node with the rollout settings', () => {
    const result = render([
      { name: 'agent', workload: 'daemon', image: 'agent:1', rollout: { maxUnavailable: '25%' } },
    ]);
    const daemonSet = at(result, 'agent', 'daemonset.yaml');
    expect(daemonSet.apiVersion).toBe('apps/v1');
    expect(daemonSet.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%' } });
    expect('replicas' in daemonSet.spec).toBe(false);
    expect(paths(result.documents)).not.toContain('k8s/base/agent/pdb.yaml');
  });
});

describe('rollout and termination', () => {
  it('maps a Deployment strategy and terminationGracePeriodSeconds', () => {
    const result = render([
      {
        name: 'a',
        image: 'a:1',
        rollout: { strategy: 'RollingUpdate', maxSurge: '50%', maxUnavailable: 0 },
        terminationGracePeriodSeconds: 60,
      },
      { name: 'b', image: 'b:1', rollout: { strategy: 'Recreate' } },
    ]);
    const a = at(result, 'a', 'deployment.yaml');
    expect(a.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '50%', maxUnavailable: 0 } });
    expect(a.spec.template.spec.terminationGracePeriodSeconds).toBe(60);
    expect(at(result, 'b', 'deployment.yaml').spec.strategy).toEqual({ type: 'Recreate' });
  });
});

describe('storage', () => {
  it('creates a PVC per persistent volume of a service or daemon and mounts it', () => {
    const result = render([
      {
        name: 'api',
        image: 'api:1',
        volumes: [
          {
            name: 'uploads',
            mountPath: '/data',
            size: '2Gi',
            accessMode: 'ReadWriteMany',
            storageClass: 'nfs',
            readOnly: true,
          },
        ],
      },
      {
        name: 'agent',
        workload: 'daemon',
        image: 'agent:1',
        volumes: [{ name: 'state', mountPath: '/state', size: '100Mi' }],
      },
    ]);
    const pvc = at(result, 'api', 'pvc-uploads.yaml');
    expect(pvc).toMatchObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'api-uploads' } });
    expect(pvc.spec).toEqual({
      accessModes: ['ReadWriteMany'],
      storageClassName: 'nfs',
      resources: { requests: { storage: '2Gi' } },
    });
    const pod = at(result, 'api', 'deployment.yaml').spec.template.spec;
    expect(pod.volumes).toEqual([{ name: 'uploads', persistentVolumeClaim: { claimName: 'api-uploads' } }]);
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'uploads', mountPath: '/data', readOnly: true }]);
    expect(at(result, 'agent', 'pvc-state.yaml').spec.accessModes).toEqual(['ReadWriteOnce']);
  });

  it('never picks a size: a persistent volume without one is an error and gets no claim', () => {
    const result = render([{ name: 'api', image: 'api:1', volumes: [{ name: 'data', mountPath: '/data' }] }]);
    expect(paths(result.documents)).not.toContain('k8s/base/api/pvc-data.yaml');
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'missing-field',
        file: 'services/api/service.yaml',
        pointer: '/volumes/0/size',
      }),
    );
  });

  it('maps ephemeral and tmpfs volumes to emptyDir, with size limits and sub-paths', () => {
    const result = render([
      {
        name: 'api',
        image: 'api:1',
        volumes: [
          { name: 'scratch', mountPath: '/tmp', type: 'ephemeral' },
          { name: 'cache', mountPath: '/cache', type: 'ephemeral', size: '1Gi', subPath: 'api' },
          { name: 'shm', mountPath: '/dev/shm', type: 'tmpfs', size: '256Mi' },
        ],
      },
    ]);
    const pod = at(result, 'api', 'deployment.yaml').spec.template.spec;
    expect(pod.volumes).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'cache', emptyDir: { sizeLimit: '1Gi' } },
      { name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: '256Mi' } },
    ]);
    expect(pod.containers[0].volumeMounts[1]).toEqual({ name: 'cache', mountPath: '/cache', subPath: 'api' });
  });

  it('reports bind volumes (compose only) instead of inventing storage for them', () => {
    const result = render([
      { name: 'api', image: 'api:1', volumes: [{ name: 'src', mountPath: '/app', type: 'bind', source: '.' }] },
    ]);
    expect(at(result, 'api', 'deployment.yaml').spec.template.spec.volumes).toBeUndefined();
    expect(paths(result.documents).some((path) => path.includes('pvc-'))).toBe(false);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'loss', pointer: '/volumes/0' }),
    );
  });
});
