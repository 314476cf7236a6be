import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  type Document,
  type Node,
  type Pair,
  type ToStringOptions,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { isPlainObject } from '../values';
import { matchLines } from './line-diff';

/** One RFC 6902 operation on a YAML file (`add` with last segment '-' appends to a list). */
export interface YamlOperation {
  op: 'add' | 'replace' | 'remove';
  /** JSON pointer into the file's document. */
  path: string;
  value?: unknown;
}

/** Where a new key goes among its siblings: the keys in their preferred order (from the schema). */
export type KeyOrder = (parentPath: ReadonlyArray<string | number>) => readonly string[] | undefined;

export type YamlEditResult = { ok: true; text: string } | { ok: false; reason: string };

const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;

const splitPointer = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));

/**
 * Applies the operations to a YAML text in place: values change where they are written, scalars
 * keep their quoting, comments and blank lines stay, new keys go where the schema orders them, and
 * every line the operations do not touch comes back byte for byte.
 */
export function editYaml(text: string, operations: readonly YamlOperation[], keyOrder?: KeyOrder): YamlEditResult {
  const document = parseDocument(text, PARSE_OPTIONS);
  if (document.errors.length > 0)
    return { ok: false, reason: `not valid YAML: ${firstLine(document.errors[0]!.message)}` };
  const options = serializationOptions(document, text);
  const before = document.toString(options);
  for (const operation of operations) {
    const problem = apply(document, operation, keyOrder);
    if (problem) return { ok: false, reason: `${operation.op} ${operation.path}: ${problem}` };
  }
  const after = document.toString(options);
  return { ok: true, text: before === text ? after : mergeFormatting(text, before, after) };
}

/** The serializer settings that reproduce the text best (flow collections with or without padding). */
function serializationOptions(document: Document, text: string): ToStringOptions {
  const candidates: ToStringOptions[] = [
    { lineWidth: 0, flowCollectionPadding: true },
    { lineWidth: 0, flowCollectionPadding: false },
  ];
  let best = candidates[0]!;
  let bestScore = -1;
  const lines = text.split('\n');
  for (const candidate of candidates) {
    const rendered = document.toString(candidate);
    if (rendered === text) return candidate;
    const score = matchLines(lines, rendered.split('\n')).length;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The serializer may respell lines it did not change (flow collection padding, quoting): every
 * line of `after` that is an unchanged line of `before` is taken from the original text instead.
 */
function mergeFormatting(original: string, before: string, after: string): string {
  const originalLines = original.split('\n');
  const beforeLines = before.split('\n');
  const afterLines = after.split('\n');
  const originalOf = new Map<number, number>();
  const anchors = matchLines(beforeLines, originalLines);
  for (const [beforeIndex, originalIndex] of anchors) originalOf.set(beforeIndex, originalIndex);
  // Lines respelled one for one (same count between two anchors) map in order.
  let previous: [number, number] = [-1, -1];
  for (const anchor of [...anchors, [beforeLines.length, originalLines.length] as [number, number]]) {
    const gapBefore = anchor[0] - previous[0] - 1;
    const gapOriginal = anchor[1] - previous[1] - 1;
    if (gapBefore > 0 && gapBefore === gapOriginal) {
      for (let offset = 1; offset <= gapBefore; offset += 1) originalOf.set(previous[0] + offset, previous[1] + offset);
    }
    previous = anchor;
  }
  const kept = new Map<number, number>();
  for (const [beforeIndex, afterIndex] of matchLines(beforeLines, afterLines)) kept.set(afterIndex, beforeIndex);
  return afterLines
    .map((line, index) => {
      const beforeIndex = kept.get(index);
      const originalIndex = beforeIndex === undefined ? undefined : originalOf.get(beforeIndex);
      return originalIndex === undefined ? line : originalLines[originalIndex]!;
    })
    .join('\n');
}

function apply(document: Document, operation: YamlOperation, keyOrder: KeyOrder | undefined): string | undefined {
  const segments = splitPointer(operation.path);
  if (segments.length === 0) {
    if (operation.op === 'remove') return 'cannot remove the whole document';
    document.contents = document.createNode(operation.value) as Node;
    return undefined;
  }
  const parentSegments = segments.slice(0, -1);
  const last = segments[segments.length - 1]!;
  const parent = nodeAt(document, parentSegments);
  if (parent === undefined) return 'its parent does not exist';
  if (isMap(parent)) {
    const pair = findPair(parent, last);
    if (operation.op === 'remove') {
      if (!pair) return 'no such key';
      parent.items.splice(parent.items.indexOf(pair), 1);
      return undefined;
    }
    if (pair) {
      pair.value = updatedNode(document, pair.value as Node | null, operation.value);
      return undefined;
    }
    if (operation.op === 'replace') return 'no such key';
    insertPair(document, parent, last, operation.value, keyOrder?.(typedPath(document, parentSegments)));
    return undefined;
  }
  if (isSeq(parent)) {
    const index = last === '-' ? parent.items.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.items.length) return 'no such list item';
    if (operation.op === 'add') {
      parent.items.splice(index, 0, document.createNode(operation.value) as Node);
      return undefined;
    }
    if (index === parent.items.length) return 'no such list item';
    if (operation.op === 'remove') parent.items.splice(index, 1);
    else parent.items[index] = updatedNode(document, parent.items[index] as Node | null, operation.value);
    return undefined;
  }
  return 'its parent is not a mapping or a list';
}

/**
 * The node for a new value, reusing the old node where the shape allows: a scalar keeps its
 * quoting style and comments, a mapping or list keeps the comments of the entries that stay.
 */
function updatedNode(document: Document, node: Node | null, value: unknown): Node {
  if (isScalar(node) && !isCollectionValue(value)) {
    node.value = value;
    if (typeof value !== 'string' && node.type !== Scalar.PLAIN) node.type = Scalar.PLAIN;
    return node;
  }
  if (isMap(node) && isPlainObject(value)) {
    for (const pair of [...node.items]) {
      const key = keyText(pair);
      if (key === undefined || !(key in value) || value[key] === undefined)
        node.items.splice(node.items.indexOf(pair), 1);
    }
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const pair = findPair(node, key);
      if (pair) pair.value = updatedNode(document, pair.value as Node | null, child);
      else node.items.push(document.createPair(key, child) as Pair<unknown, unknown>);
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items.splice(value.length);
    value.forEach((child, index) => {
      node.items[index] =
        index < node.items.length
          ? updatedNode(document, node.items[index] as Node | null, child)
          : (document.createNode(child) as Node);
    });
    return node;
  }
  const created = document.createNode(value) as Node;
  if (node && (isMap(node) || isSeq(node)) && (isMap(created) || isSeq(created))) created.flow = node.flow;
  return created;
}

const isCollectionValue = (value: unknown): boolean => typeof value === 'object' && value !== null;

function insertPair(
  document: Document,
  map: YAMLMap,
  key: string,
  value: unknown,
  order: readonly string[] | undefined,
): void {
  const pair = document.createPair(key, value) as Pair<unknown, unknown>;
  const rank = order?.indexOf(key) ?? -1;
  if (rank < 0 || !order) {
    map.items.push(pair);
    return;
  }
  let position = map.items.length;
  let afterLastEarlier = -1;
  map.items.forEach((existing, index) => {
    const existingRank = order.indexOf(keyText(existing) ?? '');
    if (existingRank >= 0 && existingRank < rank) afterLastEarlier = index + 1;
  });
  if (afterLastEarlier >= 0) position = afterLastEarlier;
  else {
    const firstLater = map.items.findIndex((existing) => order.indexOf(keyText(existing) ?? '') > rank);
    if (firstLater >= 0) position = firstLater;
  }
  // A comment written above the key that now follows stays with that key.
  map.items.splice(position, 0, pair);
}

function keyText(pair: Pair<unknown, unknown>): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  if (typeof key === 'string' || typeof key === 'number') return String(key);
  return undefined;
}

function findPair(map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((pair) => keyText(pair) === key) as Pair<unknown, unknown> | undefined;
}

function nodeAt(document: Document, segments: readonly string[]): Node | undefined {
  let node: unknown = document.contents;
  for (const segment of segments) {
    if (isMap(node)) node = findPair(node, segment)?.value;
    else if (isSeq(node)) node = (node as YAMLSeq).items[Number(segment)];
    else return undefined;
    if (node === undefined || node === null) return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** Segments with list indexes as numbers (for the key order lookup). */
function typedPath(document: Document, segments: readonly string[]): Array<string | number> {
  const typed: Array<string | number> = [];
  let node: unknown = document.contents;
  for (const segment of segments) {
    if (isSeq(node)) {
      typed.push(Number(segment));
      node = node.items[Number(segment)];
    } else {
      typed.push(segment);
      node = isMap(node) ? findPair(node, segment)?.value : undefined;
    }
  }
  return typed;
}

const firstLine = (text: string): string => text.split('\n', 1)[0]!.trim();
