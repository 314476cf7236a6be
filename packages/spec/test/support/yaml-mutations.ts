/**
 * Random damage to parsed YAML documents, the way scripts/fuzz.mjs does it (smaller): delete a
 * key or item, replace a value with a hostile one, rename a key to one that means something to
 * JavaScript, swap a value's type, nest a value deeply. fast-check shrinks a failing case to the
 * fewest changes that still fail.
 */
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'rename'; at: number; key: string }
  | { kind: 'swap'; at: number }
  | { kind: 'nest'; at: number; depth: number };

const hostileValues = fc.constantFrom<unknown>(
  '',
  'yes',
  '0644',
  '1e3',
  '..',
  '../../outside/x',
  '/etc/passwd',
  'a\u0000b',
  '__proto__',
  'constructor',
  'toString',
  '${',
  '$$',
  '${VAR:?missing}',
  'A=B',
  'MY VAR',
  'UPPER_case',
  'http://${ghost.http}/x',
  '-1',
  '99999',
  'x'.repeat(300),
  -5,
  -1,
  0,
  0.5,
  65536,
  2 ** 53,
  null,
  true,
  [],
  {},
  [[]],
  { from: 8000 },
  { name: { nested: true } },
);

const hostileKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '',
  'A=B',
  '..',
  'x-extra',
);

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValues }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), key: hostileKeys }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('nest' as const),
        at: fc.nat(),
        depth: fc.integer({ min: 1, max: 80 }),
      }),
    },
  ),
  { minLength: 1, maxLength: 4 },
);

type Slot = [Record<string, unknown> | unknown[], string | number];

/** Every [parent, key] of the trees, depth first (iterative: mutated trees may be deep). */
function slots(roots: unknown[]): Slot[] {
  const found: Slot[] = roots.map((_, index) => [roots, index] as Slot);
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        found.push([node, index]);
        if (child !== null && typeof child === 'object') stack.push(child);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        const child = (node as Record<string, unknown>)[key];
        found.push([node as Record<string, unknown>, key]);
        if (child !== null && typeof child === 'object') stack.push(child);
      }
    }
  }
  return found;
}

const clone = (value: unknown): unknown =>
  value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);

function swapType(value: unknown): unknown {
  if (typeof value === 'string') return /^\d+$/.test(value) ? Number(value) : [value];
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]));
  return Object.values(value as Record<string, unknown>);
}

function apply(roots: unknown[], mutation: Mutation): void {
  const all = slots(roots);
  if (all.length === 0) return;
  const [parent, key] = all[mutation.at % all.length]!;
  const record = parent as Record<string | number, unknown>;
  switch (mutation.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete record[key];
      break;
    case 'replace':
      record[key] = clone(mutation.value);
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        const value = record[key];
        delete record[key];
        Object.defineProperty(parent, mutation.key, { value, enumerable: true, configurable: true, writable: true });
      }
      break;
    case 'swap':
      record[key] = swapType(record[key]);
      break;
    case 'nest': {
      let value = record[key];
      for (let level = 0; level < mutation.depth; level += 1) value = level % 2 === 0 ? [value] : { k: value };
      record[key] = value;
      break;
    }
  }
}

/** The YAML text after the mutations (multi-document text stays multi-document). */
export function mutateYaml(text: string, changes: readonly Mutation[]): string {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return text;
  const roots = documents.map((document) => document.toJS() as unknown);
  for (const change of changes) apply(roots, change);
  return roots.map((root) => stringify(root ?? null, { aliasDuplicateObjects: false, lineWidth: 0 })).join('---\n');
}

/** Text in a message that means a value was rendered wrongly (a function, an object, nothing). */
export const GARBLED_MESSAGE = /\[object Object\]|\bNaN\b|\bundefined\b|native code|function \w*\(|Maximum call stack/;
