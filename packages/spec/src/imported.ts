import type { ProjectSpec, ServiceSpec } from './generated/types';
import type { Issue, SourcePosition } from './issues';

/** One service an importer (compose or Kubernetes) produced. */
export interface ImportedService {
  spec: ServiceSpec;
  /** Files to write next to service.yaml (config and env files), keyed by path relative to the service folder. */
  assets: Record<string, string>;
  /**
   * Where each imported field came from: JSON pointer into `spec` → position in the input files.
   * Every field of `spec` has an entry (itself or its nearest ancestor).
   */
  origins: Record<string, SourcePosition>;
}

/** What every importer returns: a project, its services, and the loss report. */
export interface ImportResult {
  project: ProjectSpec;
  /** Sorted by name. */
  services: ImportedService[];
  /** Loss lines (code 'loss'), syntax problems, and notes; sorted by file, line, column. */
  issues: Issue[];
}

/** The order of service.yaml keys: the schema's property order, so imported specs read like hand-written ones. */
export const SERVICE_KEY_ORDER: ReadonlyArray<keyof ServiceSpec> = [
  'name',
  'description',
  'workload',
  'image',
  'build',
  'command',
  'args',
  'workingDir',
  'user',
  'ports',
  'env',
  'envFiles',
  'configs',
  'secrets',
  'volumes',
  'health',
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
  'external',
  'patches',
  'environments',
];

export function orderServiceSpec(spec: ServiceSpec): ServiceSpec {
  const result: Record<string, unknown> = {};
  for (const key of SERVICE_KEY_ORDER) if (spec[key] !== undefined) result[key] = spec[key];
  return result as unknown as ServiceSpec;
}
