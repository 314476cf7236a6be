import type { Issue } from '@twinform/spec';

/**
 * only-in-compose / only-in-kubernetes: one side has it, the other does not;
 * different: both have it with different values;
 * kubernetes-inconsistency: the manifests contradict themselves (a Service that selects no pods,
 *   a targetPort or Ingress backend that no container listens on), whatever compose says.
 */
export type DifferenceKind = 'only-in-compose' | 'only-in-kubernetes' | 'different' | 'kubernetes-inconsistency';

/** One side's value and where it is written (value null when the side does not have it). */
export interface SideValue {
  value: unknown;
  file?: string;
  line?: number;
}

export interface Difference {
  /** The service (its compose name when both sides have it). */
  service: string;
  /** What differs, as a readable path: `image`, `ports[80].servicePort`, `env.REDIS_URL`, `health.periodSeconds`. */
  field: string;
  compose: SideValue;
  kubernetes: SideValue;
  kind: DifferenceKind;
  /** Why it matters or what the values mean, when the values alone do not say. */
  note?: string;
}

export interface ServiceMatch {
  compose: string;
  kubernetes: string;
  /** name: same name; image: the names differ, the image repository is the same. */
  by: 'name' | 'image';
}

export interface CompareReport {
  /** Sorted by service, then field. */
  differences: Difference[];
  matches: ServiceMatch[];
  /** Problems reading either side (errors), and notes. */
  issues: Issue[];
  /** True when the two describe the same system. */
  same: boolean;
}
