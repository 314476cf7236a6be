import { applyEnvironment, type ServiceSpec } from '@twinform/spec';
import { clone, deepEqual, isPlainObject, toPointer, type PlainObject, type Step } from '../values';
import type { YamlOperation } from './yaml-edit';

/** Lists whose items environment overrides merge by name (mergeOverride in @twinform/spec). */
const NAMED_LISTS = new Set(['ports', 'configs', 'secrets', 'volumes']);

/**
 * Where the changes of one output go:
 * - base: the output renders the spec without environments (the Kubernetes base);
 * - prefer-base: the output renders one environment, and a change goes into the base spec unless
 *   that environment's override decides the value (compose renders the local environment, and its
 *   edits should reach Kubernetes too);
 * - override: the change belongs to that environment only (a kustomize overlay).
 */
export type RoutePolicy = 'base' | 'prefer-base' | 'override';

/** A change to the effective spec of one service: a concrete path into it, and the new value (undefined = remove). */
export interface EffectiveChange {
  path: Array<string | number>;
  remove: boolean;
  value?: unknown;
}

export type RouteResult = { ok: true; operations: YamlOperation[] } | { ok: false; reason: string };

// ---- JSON values addressed by steps -------------------------------------------------------------

/** Applies one operation to a JSON value (same semantics as editYaml); returns the new root. */
export function applyOperation(root: unknown, operation: YamlOperation): unknown {
  const segments = splitPointer(operation.path);
  if (segments.length === 0) return operation.op === 'remove' ? undefined : clone(operation.value);
  let parent: unknown = root;
  for (const segment of segments.slice(0, -1)) {
    parent = Array.isArray(parent) ? parent[Number(segment)] : (parent as PlainObject)[segment];
  }
  const last = segments[segments.length - 1]!;
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (operation.op === 'add') parent.splice(index, 0, clone(operation.value));
    else if (operation.op === 'remove') parent.splice(index, 1);
    else parent[index] = clone(operation.value);
  } else if (isPlainObject(parent)) {
    if (operation.op === 'remove') delete parent[last];
    else parent[last] = clone(operation.value);
  }
  return root;
}

function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value a step list builds when every step below an existing node is missing. */
function nested(steps: readonly Step[], value: unknown): unknown {
  let built = clone(value);
  for (let index = steps.length - 1; index >= 0; index -= 1) {
    const step = steps[index]!;
    if (typeof step === 'string') built = { [step]: built };
    else if (typeof step === 'object') built = [{ name: step.name, ...(isPlainObject(built) ? built : {}) }];
    else built = [built];
  }
  return built;
}

/**
 * The operations that set `value` at `steps` below `prefix` in `root`: `replace` where the place
 * exists, else one `add` at the first missing step carrying the rest as a nested value (a named
 * step that finds no item appends `{name, ...}` to its list).
 */
export function setOperations(
  root: unknown,
  prefix: ReadonlyArray<string | number>,
  steps: readonly Step[],
  value: unknown,
): YamlOperation[] {
  const concrete: Array<string | number> = [...prefix];
  let current: unknown = valueAtSegments(root, prefix);
  for (let index = 0; index < steps.length; index += 1) {
    const step = steps[index]!;
    const rest = steps.slice(index + 1);
    if (Array.isArray(current)) {
      const found =
        typeof step === 'number'
          ? step < current.length
            ? step
            : -1
          : typeof step === 'object'
            ? current.findIndex((item) => isPlainObject(item) && item.name === step.name)
            : -1;
      if (found < 0) {
        const item = typeof step === 'object' ? (nested([step, ...rest], value) as unknown[])[0] : nested(rest, value);
        return [{ op: 'add', path: toPointer([...concrete, current.length]), value: item }];
      }
      concrete.push(found);
      current = current[found];
    } else if (isPlainObject(current) && typeof step === 'string') {
      if (!(step in current) || current[step] === undefined) {
        return [{ op: 'add', path: toPointer([...concrete, step]), value: nested(rest, value) }];
      }
      concrete.push(step);
      current = current[step];
      if ((current === null || typeof current !== 'object') && rest.length > 0) {
        return [{ op: 'replace', path: toPointer(concrete), value: nested(rest, value) }];
      }
    } else {
      return [{ op: 'replace', path: toPointer(concrete), value: nested([step, ...rest], value) }];
    }
  }
  return deepEqual(current, value) ? [] : [{ op: 'replace', path: toPointer(concrete), value: clone(value) }];
}

function removeOperations(
  root: unknown,
  prefix: ReadonlyArray<string | number>,
  steps: readonly Step[],
): YamlOperation[] {
  const concrete: Array<string | number> = [...prefix];
  let current: unknown = valueAtSegments(root, prefix);
  for (const step of steps) {
    if (Array.isArray(current)) {
      const found =
        typeof step === 'number'
          ? step
          : typeof step === 'object'
            ? current.findIndex((item) => isPlainObject(item) && item.name === step.name)
            : -1;
      if (found < 0 || found >= current.length) return [];
      concrete.push(found);
      current = current[found];
    } else if (isPlainObject(current) && typeof step === 'string' && step in current) {
      concrete.push(step);
      current = current[step];
    } else {
      return [];
    }
  }
  return [{ op: 'remove', path: toPointer(concrete) }];
}

export function valueAtSegments(root: unknown, segments: ReadonlyArray<string | number>): unknown {
  let current = root;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isPlainObject(current)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

// ---- routing -------------------------------------------------------------------------------

function setAtPath(root: unknown, path: ReadonlyArray<string | number>, remove: boolean, value: unknown): unknown {
  if (path.length === 0) return remove ? undefined : clone(value);
  const copy = clone(root);
  let parent: unknown = copy;
  for (let index = 0; index < path.length - 1; index += 1) {
    const segment = path[index]!;
    const next = Array.isArray(parent) ? parent[Number(segment)] : (parent as PlainObject)[String(segment)];
    if (next === undefined || next === null || typeof next !== 'object') {
      const created = typeof path[index + 1] === 'number' ? [] : {};
      if (Array.isArray(parent)) parent[Number(segment)] = created;
      else (parent as PlainObject)[String(segment)] = created;
      parent = created;
    } else {
      parent = next;
    }
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    if (remove) parent.splice(Number(last), 1);
    else parent[Number(last)] = clone(value);
  } else if (isPlainObject(parent)) {
    if (remove) delete parent[String(last)];
    else parent[String(last)] = clone(value);
  }
  return copy;
}

/** Whether the environment's override decides the value at `path` of the effective spec. */
function overrideDecides(effective: unknown, override: unknown, path: ReadonlyArray<string | number>): boolean {
  let node = effective;
  let over = override;
  let key: string | undefined;
  for (const segment of path) {
    if (over === undefined) return false;
    if (Array.isArray(node)) {
      if (!key || !NAMED_LISTS.has(key)) return true;
      const name = (node[Number(segment)] as PlainObject | undefined)?.name;
      over = Array.isArray(over) ? over.find((item) => isPlainObject(item) && item.name === name) : undefined;
      node = node[Number(segment)];
      continue;
    }
    if (!isPlainObject(over) || !(String(segment) in over)) return false;
    const next = over[String(segment)];
    if (next === null) return true;
    key = String(segment);
    if (!isPlainObject(next) && !(Array.isArray(next) && NAMED_LISTS.has(key))) return true;
    over = next;
    node = isPlainObject(node) ? node[key] : undefined;
  }
  return over !== undefined;
}

/**
 * The steps inside an environment override that hold the value at `path` of the effective spec:
 * named list items by name; a list that is not merged by name is replaced whole, so the steps stop
 * at its key.
 */
function overrideSteps(
  effectiveAfter: unknown,
  effectiveBefore: unknown,
  path: ReadonlyArray<string | number>,
): Step[] {
  const steps: Step[] = [];
  let after = effectiveAfter;
  let before = effectiveBefore;
  let key: string | undefined;
  for (const segment of path) {
    if (Array.isArray(after) || Array.isArray(before)) {
      if (!key || !NAMED_LISTS.has(key)) return steps;
      const item =
        (Array.isArray(after) ? after[Number(segment)] : undefined) ??
        (Array.isArray(before) ? before[Number(segment)] : undefined);
      const name = isPlainObject(item) ? item.name : undefined;
      if (typeof name !== 'string') return steps;
      steps.push({ name });
      after = Array.isArray(after) ? after[Number(segment)] : undefined;
      before = Array.isArray(before) ? before[Number(segment)] : undefined;
      key = undefined;
      continue;
    }
    key = String(segment);
    steps.push(key);
    after = isPlainObject(after) ? after[key] : undefined;
    before = isPlainObject(before) ? before[key] : undefined;
  }
  return steps;
}

/**
 * The spec-file operations that make the effective spec of one service (in `environment`, or the
 * base) take the change, written into the base or into `environments.<environment>` per `policy`.
 * `prefix` is where the service spec sits in its file ([] for a service file).
 */
export function routeChange(
  fileValue: unknown,
  prefix: ReadonlyArray<string | number>,
  environment: string | undefined,
  policy: RoutePolicy,
  change: EffectiveChange,
): RouteResult {
  const spec = valueAtSegments(fileValue, prefix);
  if (!isPlainObject(spec)) return { ok: false, reason: 'the service spec is not a mapping' };
  const effectiveBefore = applyEnvironment(spec as unknown as ServiceSpec, environment) as unknown as PlainObject;
  const effectiveAfter = setAtPath(effectiveBefore, change.path, change.remove, change.value);
  const override =
    environment === undefined ? undefined : (spec.environments as PlainObject | undefined)?.[environment];
  const intoOverride =
    environment !== undefined &&
    (policy === 'override' || (policy === 'prefer-base' && overrideDecides(effectiveBefore, override, change.path)));

  let operations: YamlOperation[];
  if (!intoOverride) {
    const baseSteps = baseStepsFor(spec, effectiveBefore, change.path);
    operations = change.remove
      ? removeOperations(fileValue, prefix, baseSteps)
      : setOperations(fileValue, prefix, baseSteps, change.value);
  } else {
    const steps = overrideSteps(effectiveAfter, effectiveBefore, change.path);
    const place: Step[] = ['environments', environment!, ...steps];
    const wanted = valueAtSteps(effectiveAfter, steps);
    if (wanted === undefined) {
      const isItem = typeof steps[steps.length - 1] === 'object';
      const inBase = valueAtSteps(withoutEnvironments(spec), steps) !== undefined;
      if (isItem && inBase) {
        return {
          ok: false,
          reason: `an environment can change ${describeSteps(steps)} but not remove it (environments merge list items by name)`,
        };
      }
      operations = inBase ? setOperations(fileValue, prefix, place, null) : removeOperations(fileValue, prefix, place);
    } else {
      operations = setOperations(fileValue, prefix, place, wanted);
    }
  }
  let result = clone(fileValue);
  for (const operation of operations) result = applyOperation(result, operation);
  const check = applyEnvironment(valueAtSegments(result, prefix) as ServiceSpec, environment);
  if (!deepEqual(check, effectiveAfter)) {
    return {
      ok: false,
      reason:
        environment === undefined
          ? 'the change cannot be written into the spec'
          : `the change cannot be written so that environment ${environment} gets it`,
    };
  }
  return { ok: true, operations };
}

function withoutEnvironments(spec: PlainObject): PlainObject {
  const copy = { ...spec };
  delete copy.environments;
  return copy;
}

/** Steps into the base spec for a path of the effective spec (named list items by name). */
function baseStepsFor(spec: PlainObject, effective: unknown, path: ReadonlyArray<string | number>): Step[] {
  const steps: Step[] = [];
  let node = effective;
  let base: unknown = spec;
  let key: string | undefined;
  for (const segment of path) {
    if (Array.isArray(node) && key && NAMED_LISTS.has(key)) {
      const name = (node[Number(segment)] as PlainObject | undefined)?.name;
      if (
        typeof name === 'string' &&
        Array.isArray(base) &&
        base.some((item) => isPlainObject(item) && item.name === name)
      ) {
        steps.push({ name });
      } else {
        steps.push(typeof name === 'string' ? { name } : Number(segment));
      }
      node = node[Number(segment)];
      base = Array.isArray(base) ? base.find((item) => isPlainObject(item) && item.name === name) : undefined;
      key = undefined;
      continue;
    }
    steps.push(segment);
    key = typeof segment === 'string' ? segment : undefined;
    node = Array.isArray(node) ? node[Number(segment)] : isPlainObject(node) ? node[String(segment)] : undefined;
    base = Array.isArray(base) ? base[Number(segment)] : isPlainObject(base) ? base[String(segment)] : undefined;
  }
  return steps;
}

function valueAtSteps(root: unknown, steps: readonly Step[]): unknown {
  let current = root;
  for (const step of steps) {
    if (Array.isArray(current)) {
      current =
        typeof step === 'object'
          ? current.find((item) => isPlainObject(item) && item.name === step.name)
          : current[Number(step)];
    } else if (isPlainObject(current) && typeof step === 'string') {
      current = current[step];
    } else {
      return undefined;
    }
  }
  return current;
}

function describeSteps(steps: readonly Step[]): string {
  return steps
    .map((step) => (typeof step === 'object' ? `[${step.name}]` : `.${step}`))
    .join('')
    .replace(/^\./, '');
}
