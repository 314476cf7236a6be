import type { EnvValue, IngressRoute, Probe, ServiceSpec, SourcePosition, Workload } from '@twinform/spec';
import { positionOf, type SourceObject } from './parse';

export type PlainObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const asObject = (value: unknown): PlainObject => (isPlainObject(value) ? value : {});
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const asString = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;
export const asNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

import { describeValue, own } from '@twinform/spec';

export { describeValue, own };

/**
 * Strings of a map (labels, selectors, data); numbers and booleans written unquoted become strings.
 * The result has no prototype, so a key like `__proto__` or `constructor` is just a key.
 */
export function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, item] of Object.entries(asObject(value))) {
    const text = asString(item);
    if (text !== undefined) result[key] = text;
  }
  return result;
}

/** Where a value came from: an object and a pointer inside it. */
export interface FieldSource {
  object: SourceObject;
  pointer: string;
}

/** A port of the service being imported, before its final name is chosen. */
export interface DraftPort {
  number: number;
  protocol: 'TCP' | 'UDP';
  /** Candidate names, best first (container port name, then Service port names). */
  names: string[];
  name: string;
  expose: 'internal' | 'published' | 'ingress';
  hostPort?: number;
  routes: IngressRoute[];
  /** Where each route came from (same order as routes). */
  routeSources: FieldSource[];
  source: FieldSource;
}

/** An env entry before references to other services are recognised. */
export type DraftEnv =
  { name: string; literal: string; source: FieldSource } | { name: string; value: EnvValue; source: FieldSource };

export interface DraftProbe {
  kind: 'liveness' | 'readiness' | 'startup';
  probe: Probe;
  /** Port as written in the manifest (number or container port name); resolved once ports are final. */
  port?: { value: string | number; protocol: 'http' | 'tcp' | 'grpc' } | undefined;
  /** The service port the probe checks, once resolved. */
  target?: DraftPort;
  source: FieldSource;
}

/** An init container twinform generates to wait for a dependency (`wait-for-<dep>`). */
export interface DraftWait {
  host: string;
  port: number;
  image: string;
  source: FieldSource;
}

/** One imported workload on its way to a service spec. */
export interface Draft {
  name: string;
  object: SourceObject;
  workload: Workload;
  /** Pointer of the pod template ('' for a bare Pod). */
  templatePointer: string;
  /** Pointer of the pod spec. */
  podPointer: string;
  containerPointer: string;
  podLabels: Record<string, string>;
  /** The objects' labels say twinform generated them: its conventions can be read back exactly. */
  generated: boolean;
  spec: ServiceSpec;
  ports: DraftPort[];
  env: DraftEnv[];
  probes: DraftProbe[];
  waits: DraftWait[];
  /** Names of Services (other than the service's own name) merged into this service. */
  aliases: string[];
  assets: Record<string, string>;
  origins: Record<string, SourcePosition>;
  /** ConfigMaps consumed with envFrom: ConfigMap name → env file config name. */
  envFileConfigs: Map<string, string>;
  /** Variables the env files define (Kubernetes expands $(NAME) with them). */
  envFileValues: Map<string, string>;
}

/** The value at a JSON pointer inside an object (undefined when the path is not there). */
export function valueAt(object: SourceObject, pointer: string): unknown {
  let value: unknown = object.value;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) value = /^\d+$/.test(key) ? value[Number(key)] : undefined;
    else if (isPlainObject(value)) value = own(value, key);
    else return undefined;
  }
  return value;
}

export function recordOrigin(draft: Draft, specPointer: string, source: FieldSource): void {
  draft.origins[specPointer] = positionOf(source.object, source.pointer);
}

export function uniqueName(candidate: string, taken: ReadonlySet<string>, maxLength = 63): string {
  if (!taken.has(candidate)) return candidate;
  for (let index = 2; ; index += 1) {
    const suffix = `-${index}`;
    const name = `${candidate.slice(0, maxLength - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(name)) return name;
  }
}
