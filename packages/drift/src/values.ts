/**
 * Plain-data helpers shared by adopt and compare: equality, copying, and a structural diff whose
 * list items are matched by their `name` when every item has a unique one (ports, containers, env
 * entries), so a reordered or renamed-elsewhere list does not read as a change of every item.
 */

export type PlainObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    const otherKeys = Object.keys(b).filter((key) => b[key] !== undefined);
    return keys.length === otherKeys.length && keys.every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/** A deep copy of JSON-like data (undefined members dropped). */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isPlainObject(value)) {
    const copy: PlainObject = {};
    for (const [key, child] of Object.entries(value)) if (child !== undefined) copy[key] = clone(child);
    return copy as T;
  }
  return value;
}

/** One step of a path: a key, a list index, or a list item chosen by its unique `name`. */
export type Step = string | number | { name: string };

export interface ValueChange {
  kind: 'add' | 'remove' | 'replace';
  path: Step[];
  before?: unknown;
  after?: unknown;
}

/** The names of a list's items when every item is an object with a unique string `name`. */
export function itemNames(list: readonly unknown[]): string[] | undefined {
  if (list.length === 0) return undefined;
  const names: string[] = [];
  for (const item of list) {
    const name = isPlainObject(item) ? item.name : undefined;
    if (typeof name !== 'string' || names.includes(name)) return undefined;
    names.push(name);
  }
  return names;
}

function namedLists(before: readonly unknown[], after: readonly unknown[]): boolean {
  const beforeNames = before.length === 0 ? [] : itemNames(before);
  const afterNames = after.length === 0 ? [] : itemNames(after);
  return beforeNames !== undefined && afterNames !== undefined && before.length + after.length > 0;
}

/**
 * Every difference between two values: objects key by key, named lists item by item (by name),
 * other lists index by index when their lengths match (else the whole list), scalars by value.
 */
export function diffValues(before: unknown, after: unknown, path: Step[] = []): ValueChange[] {
  if (deepEqual(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const changes: ValueChange[] = [];
    for (const [key, value] of Object.entries(after)) {
      if (value === undefined) continue;
      if (before[key] === undefined) changes.push({ kind: 'add', path: [...path, key], after: value });
      else changes.push(...diffValues(before[key], value, [...path, key]));
    }
    for (const [key, value] of Object.entries(before)) {
      if (value !== undefined && after[key] === undefined) {
        changes.push({ kind: 'remove', path: [...path, key], before: value });
      }
    }
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (namedLists(before, after)) {
      const changes: ValueChange[] = [];
      const byName = (list: readonly unknown[], name: string): unknown =>
        list.find((item) => (item as PlainObject).name === name);
      for (const item of after) {
        const name = (item as PlainObject).name as string;
        const previous = byName(before, name);
        if (previous === undefined) changes.push({ kind: 'add', path: [...path, { name }], after: item });
        else changes.push(...diffValues(previous, item, [...path, { name }]));
      }
      for (const item of before) {
        const name = (item as PlainObject).name as string;
        if (byName(after, name) === undefined)
          changes.push({ kind: 'remove', path: [...path, { name }], before: item });
      }
      return changes;
    }
    if (before.length === after.length) {
      return before.flatMap((item, index) => diffValues(item, after[index], [...path, index]));
    }
  }
  return [{ kind: 'replace', path, before, after }];
}

/** The index a step selects in a list (-1 when absent); keys select nothing in a list. */
export function indexOfStep(list: readonly unknown[], step: Step): number {
  if (typeof step === 'number') return step < list.length ? step : -1;
  if (typeof step === 'object') return list.findIndex((item) => isPlainObject(item) && item.name === step.name);
  return -1;
}

/** The value a path leads to, or undefined. */
export function valueAtPath(root: unknown, path: readonly Step[]): unknown {
  let current = root;
  for (const step of path) {
    if (Array.isArray(current)) {
      const index = indexOfStep(current, step);
      if (index < 0) return undefined;
      current = current[index];
    } else if (isPlainObject(current) && typeof step === 'string') {
      current = current[step];
    } else {
      return undefined;
    }
  }
  return current;
}

/** The path with named steps turned into indexes of `root`; undefined when a step finds nothing. */
export function concretePath(root: unknown, path: readonly Step[]): Array<string | number> | undefined {
  const result: Array<string | number> = [];
  let current = root;
  for (const step of path) {
    if (Array.isArray(current)) {
      const index = indexOfStep(current, step);
      if (index < 0) return undefined;
      result.push(index);
      current = current[index];
    } else if (isPlainObject(current) && typeof step === 'string') {
      result.push(step);
      current = current[step];
    } else {
      return undefined;
    }
  }
  return result;
}

const POINTER_ESCAPE = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export const toPointer = (segments: ReadonlyArray<string | number>): string =>
  segments.map((segment) => `/${POINTER_ESCAPE(String(segment))}`).join('');

/** A path as people read it: `ports[http].port`, `containers[web].env[PORT].value`, `command[1]`. */
export function pathText(path: readonly Step[]): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else if (typeof step === 'object')
      text += /^[\w.-]+$/.test(step.name) ? `[${step.name}]` : `[${JSON.stringify(step.name)}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(step)) text += text === '' ? step : `.${step}`;
    else text += `[${JSON.stringify(step)}]`;
  }
  return text || '(whole document)';
}

/** Paths name list items by `name` wherever the list's items have unique names. */
export function namedPath(root: unknown, segments: ReadonlyArray<string | number>): Step[] {
  const path: Step[] = [];
  let current = root;
  for (const segment of segments) {
    if (Array.isArray(current) && typeof segment === 'number') {
      const names = itemNames(current);
      path.push(names ? { name: names[segment]! } : segment);
      current = current[segment];
    } else {
      path.push(segment);
      current = isPlainObject(current) ? current[String(segment)] : undefined;
    }
  }
  return path;
}
