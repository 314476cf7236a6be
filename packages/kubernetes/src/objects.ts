import type { DaemonSet, Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ConfigMap, PersistentVolumeClaim, Service } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { Ingress, NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';

/** external-secrets.io/v1 ExternalSecret (not part of kubernetes-types): the fields we generate. */
export interface ExternalSecret {
  apiVersion: 'external-secrets.io/v1';
  kind: 'ExternalSecret';
  metadata: ObjectMeta;
  spec: {
    refreshInterval: string;
    secretStoreRef: { kind: 'SecretStore' | 'ClusterSecretStore'; name: string };
    target: { name: string; creationPolicy: 'Owner' };
    data: Array<{ secretKey: string; remoteRef: { key: string; property: string } }>;
  };
}

export type Workload = Deployment | StatefulSet | DaemonSet | Job | CronJob;

export type KubernetesObject =
  | Workload
  | Service
  | Ingress
  | ConfigMap
  | PersistentVolumeClaim
  | HorizontalPodAutoscaler
  | PodDisruptionBudget
  | NetworkPolicy
  | ExternalSecret;

/** kind/name: how overlays match an environment's object to the base object. */
export const objectId = (object: KubernetesObject): string => `${object.kind}/${object.metadata?.name}`;
