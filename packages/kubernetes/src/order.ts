/**
 * Key order of serialized Kubernetes objects. Builders already insert keys in a sensible order;
 * this pass is the single place that guarantees the order every reader (and `gen check`) sees.
 */
export const KUBERNETES_KEY_ORDER = {
  /** Top-level keys first, in this order; every other key keeps its insertion order after them. */
  object: ['apiVersion', 'kind', 'metadata', 'spec', 'data', 'stringData'],
  /** Keys of every `metadata` object (also pod and job templates). */
  metadata: ['name', 'namespace', 'labels', 'annotations'],
} as const;

/** Maps whose order carries no meaning: sorted so output does not depend on how they were built. */
const UNORDERED_MAPS = new Set([
  'labels',
  'annotations',
  'matchLabels',
  'data',
  'stringData',
  'binaryData',
  'nodeSelector',
]);

type PlainObject = Record<string, unknown>;

const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringMap = (value: PlainObject): boolean => Object.values(value).every((item) => typeof item === 'string');

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The keys of `value` in the wanted order, undefined values left out. */
function orderedKeys(value: PlainObject, first: readonly string[], sortRest: boolean): string[] {
  const keys = Object.keys(value);
  const rest = first.length === 0 ? keys : keys.filter((key) => !first.includes(key));
  if (sortRest) rest.sort(compareStrings);
  const present = first.length === 0 ? rest : [...first.filter((key) => key in value), ...rest];
  return present.filter((key) => value[key] !== undefined);
}

/**
 * Whether `keys` (the object's own keys) are already what orderedKeys would return: no undefined
 * values, the `first` keys leading in their order, the rest sorted when asked. One pass, no
 * allocation: almost every node the builders make is already in order.
 */
function alreadyOrdered(value: PlainObject, keys: string[], first: readonly string[], sortRest: boolean): boolean {
  let lastFirst = -1;
  let previousRest: string | undefined;
  for (const key of keys) {
    if (value[key] === undefined) return false;
    const position = first.length === 0 ? -1 : first.indexOf(key);
    if (position >= 0) {
      if (previousRest !== undefined || position < lastFirst) return false;
      lastFirst = position;
    } else {
      if (sortRest && previousRest !== undefined && compareStrings(previousRest, key) > 0) return false;
      previousRest = key;
    }
  }
  return true;
}

/**
 * Orders one node and its children. Builders mostly insert keys in order already, so a node is
 * copied only when it or a child changes (parts already in order are shared, never mutated).
 */
function orderNode(value: unknown, key: string | undefined, first: readonly string[] = []): unknown {
  if (Array.isArray(value)) {
    let items: unknown[] | undefined;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const ordered = typeof item === 'object' && item !== null ? orderNode(item, undefined) : item;
      if (ordered !== item && !items) items = value.slice(0, index);
      items?.push(ordered);
    }
    return items ?? value;
  }
  if (!isPlainObject(value)) return value;
  const sortRest = key !== undefined && (UNORDERED_MAPS.has(key) || key === 'selector') && isStringMap(value);
  const firstKeys = key === 'metadata' ? KUBERNETES_KEY_ORDER.metadata : first;
  let keys = Object.keys(value);
  let result: PlainObject = value;
  if (!alreadyOrdered(value, keys, firstKeys, sortRest)) {
    keys = orderedKeys(value, firstKeys, sortRest);
    result = {};
    for (const childKey of keys) result[childKey] = value[childKey];
  }
  if (sortRest) return result;
  for (const childKey of keys) {
    const child = result[childKey];
    if (typeof child !== 'object' || child === null) continue;
    const ordered = orderNode(child, childKey);
    if (ordered === child) continue;
    if (result === value) result = { ...value };
    result[childKey] = ordered;
  }
  return result;
}

/**
 * The object with the fixed key order: apiVersion, kind, metadata, spec, data, stringData, then the
 * rest; metadata (at any depth) name, namespace, labels, annotations; labels, annotations,
 * selectors and data maps sorted; undefined values dropped. The input is never mutated; parts
 * that are already in order are shared with it.
 */
export function orderKubernetesObject<T>(object: T): T {
  return orderNode(object, undefined, KUBERNETES_KEY_ORDER.object) as T;
}
