import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** JSON pointer → its unescaped segments ('' → []). */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;
const PLAIN_NAME = /^[\w.-]+$/;
const uniqueNames = new WeakMap<readonly unknown[], Map<string, number>>();

/** Item names that occur exactly once in the array, with their index. */
function namesOf(array: readonly unknown[]): Map<string, number> {
  let names = uniqueNames.get(array);
  if (names) return names;
  const counts = new Map<string, number>();
  const indexes = new Map<string, number>();
  array.forEach((item, index) => {
    const name = (item as { name?: unknown } | null)?.name;
    if (typeof item === 'object' && item !== null && typeof name === 'string') {
      counts.set(name, (counts.get(name) ?? 0) + 1);
      indexes.set(name, index);
    }
  });
  names = new Map([...indexes].filter(([name]) => counts.get(name) === 1));
  uniqueNames.set(array, names);
  return names;
}

function itemSegment(array: readonly unknown[], index: number): string {
  const name = (array[index] as { name?: unknown } | null | undefined)?.name;
  if (typeof name !== 'string' || namesOf(array).get(name) !== index) return `[${index}]`;
  // A bare number would read as an index, so such names are quoted.
  return PLAIN_NAME.test(name) && !/^\d+$/.test(name) ? `[${name}]` : `[${JSON.stringify(name)}]`;
}

/**
 * A JSON pointer as a YAML path a person can read: keys joined with dots, list items by their
 * `name` when it is unique in the list (`containers[backend].ports[http].containerPort`), else by index.
 */
export function readablePath(segments: readonly string[], root: unknown): string {
  if (segments.length === 0) return '(whole document)';
  let text = '';
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      text += itemSegment(current, Number(segment));
    } else if (PLAIN_KEY.test(segment)) {
      text += text === '' ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(segment)}]`;
    }
    current =
      typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[segment] : undefined;
  }
  return text;
}

function lineOf(node: { range?: readonly number[] | null } | null | undefined, lines: LineCounter): number | undefined {
  return node?.range ? lines.linePos(node.range[0]!).line : undefined;
}

/**
 * The 1-based line of the location in the committed file, or of its closest existing parent when
 * the location does not exist there (an added key or item).
 */
export function locateInCommitted(
  document: Document,
  segments: readonly string[],
  lines: LineCounter,
): number | undefined {
  let node: unknown = document.contents;
  let line = lineOf(node as Node | null, lines);
  for (const segment of segments) {
    if (isAlias(node)) node = node.resolve(document);
    if (isMap(node)) {
      const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === segment);
      if (!pair) break;
      line = lineOf(pair.key as Node, lines) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      line = lineOf(item as Node, lines) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}
