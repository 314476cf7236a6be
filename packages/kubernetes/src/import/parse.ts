import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Tags } from 'yaml';
import { makeIssue, type Issue, type SourcePosition } from '@twinform/spec';
import { screenManifest } from './screen';
import type { ManifestInput } from './types';

type Position = Pick<SourcePosition, 'line' | 'col'>;

/** One Kubernetes object as found in the input, with the positions of its fields. */
export interface SourceObject {
  value: Record<string, unknown>;
  kind: string;
  apiVersion: string;
  name: string;
  /** metadata.namespace, '' when the object does not set one. */
  namespace: string;
  file: string;
  /** Pointer of the object inside its document: '' or '/items/N' for List items. */
  base: string;
  /** Positions of every node of the document (the key of a mapping entry), by document-level JSON pointer. */
  positions: Map<string, Position>;
  /** Positions of the values of mapping entries, by document-level JSON pointer (where a wrong value is). */
  valuePositions?: Map<string, Position>;
  /** Where fields found in the files a rendered stream came from are (kustomize). */
  origin?: { file: string; base: string; positions: Map<string, Position>; valuePositions?: Map<string, Position> };
  /** Object-relative pointers the importer has mapped (or knowingly ignored). */
  consumed: Set<string>;
}

export const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
export const pointerOf = (...segments: Array<string | number>): string =>
  segments.map((segment) => `/${escapePointer(String(segment))}`).join('');

/**
 * kubectl reads manifests with go-yaml v2 (via sigs.k8s.io/yaml): YAML 1.1 booleans (yes/no/on/off/y/n)
 * and octal (0644), but no sexagesimal numbers and no timestamps (they stay strings).
 */
const kubectlTags = (tags: Tags): Tags =>
  tags.filter((tag) => {
    const { tag: name, format } = tag as { tag: string; format?: string };
    return name !== 'tag:yaml.org,2002:timestamp' && format !== 'TIME';
  });

const PARSE_OPTIONS = { version: '1.1' as const, customTags: kubectlTags, prettyErrors: false };

/** Recursive, but only over documents screenManifest let through (at most MAX_MANIFEST_DEPTH deep). */
function indexPositions(
  node: unknown,
  pointer: string,
  positions: Map<string, Position>,
  values: Map<string, Position>,
  lines: LineCounter,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const child = `${pointer}/${escapePointer(key)}`;
      const range = (pair.key as { range?: [number, number, number] }).range;
      if (range) positions.set(child, lines.linePos(range[0]));
      const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
      if (valueRange) values.set(child, lines.linePos(valueRange[0]));
      indexPositions(pair.value, child, positions, values, lines);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const child = `${pointer}/${index}`;
      const range = (item as { range?: [number, number, number] } | null)?.range;
      if (range) {
        positions.set(child, lines.linePos(range[0]));
        values.set(child, lines.linePos(range[0]));
      }
      indexPositions(item, child, positions, values, lines);
    });
  }
}

/**
 * go-yaml accepts a quoted value whose continuation lines are indented no deeper than its key
 * (sock-shop's grafana job); YAML 1.2 parsers reject it. Continuation lines of a quoted flow
 * scalar lose their leading spaces when folded, so indenting them changes nothing but the
 * parse. Returns the repaired text and the lines where such values start (1-based).
 */
export function indentQuotedContinuations(text: string): { text: string; starts: number[] } {
  const lines = text.split('\n');
  const starts: number[] = [];
  const opener = /^( *)((?:- +)*)(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#-][^#]*?|-[^\s#][^#]*?)\s*:\s+)?(['"])/;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as string;
    const match = opener.exec(line);
    if (!match) {
      index += 1;
      continue;
    }
    const quote = match[3] as "'" | '"';
    const indent = (match[1] as string).length + (match[2] as string).length;
    const bodyStart = (match[0] as string).length;
    let closed = closingQuote(line, bodyStart, quote) >= 0;
    let next = index + 1;
    let repaired = false;
    while (!closed && next < lines.length) {
      const continuation = lines[next] as string;
      const leading = continuation.length - continuation.trimStart().length;
      if (continuation.trim() !== '' && leading <= indent) {
        lines[next] = ' '.repeat(indent + 1 - leading) + continuation;
        repaired = true;
      }
      closed = closingQuote(lines[next] as string, 0, quote) >= 0;
      next += 1;
    }
    if (repaired) starts.push(index + 1);
    index = closed ? next : lines.length;
  }
  return { text: lines.join('\n'), starts };
}

function closingQuote(line: string, from: number, quote: "'" | '"'): number {
  for (let index = from; index < line.length; index += 1) {
    const char = line[index];
    if (quote === '"' && char === '\\') {
      index += 1;
      continue;
    }
    if (char === quote) {
      if (quote === "'" && line[index + 1] === "'") {
        index += 1;
        continue;
      }
      return index;
    }
  }
  return -1;
}

/**
 * A key that is itself a map or list: kubectl rejects it (JSON keys are strings). Written
 * unquoted, a `{{ name }}` template placeholder parses as exactly that. Returns its offset.
 */
function findCollectionKey(node: unknown): number | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isCollection(pair.key)) return (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
      const inner = findCollectionKey(pair.value);
      if (inner !== undefined) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = findCollectionKey(item);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ParsedManifests {
  objects: SourceObject[];
  issues: Issue[];
}

const TEMPLATE_HINT =
  'this looks like a template (Helm or Go `{{ }}` placeholders): render it first (e.g. `helm template`, or the script that fills it) and import the output';

function parseDocuments(input: ManifestInput, issues: Issue[]): { documents: Document[]; lines: LineCounter } {
  const lines = new LineCounter();
  let documents = parseAllDocuments(input.content, { ...PARSE_OPTIONS, lineCounter: lines }) as Document[];
  if (!Array.isArray(documents)) documents = [];
  if (documents.some((document) => document.errors.length > 0)) {
    const repair = indentQuotedContinuations(input.content);
    if (repair.starts.length > 0) {
      const repairedLines = new LineCounter();
      const repaired = parseAllDocuments(repair.text, { ...PARSE_OPTIONS, lineCounter: repairedLines }) as Document[];
      if (Array.isArray(repaired) && repaired.every((document) => document.errors.length === 0)) {
        for (const line of repair.starts) {
          issues.push(
            makeIssue(
              'info',
              'syntax',
              'a quoted value continues on lines indented no deeper than its key: strict YAML rejects this, kubectl (go-yaml) accepts it; imported the way kubectl reads it',
              {
                file: input.path,
                line,
                col: 1,
                hint: 'indent the continuation lines past the key so every YAML parser reads the file',
              },
            ),
          );
        }
        return { documents: repaired, lines: repairedLines };
      }
    }
  }
  return { documents, lines };
}

/** Parses manifests the way kubectl reads them; problems become issues, never exceptions. */
export function parseManifests(inputs: readonly ManifestInput[]): ParsedManifests {
  const objects: SourceObject[] = [];
  const issues: Issue[] = [];
  for (const input of inputs) {
    const parsed = parseInput(input, issues);
    if (input.renderedFrom) {
      const originals = input.renderedFrom.flatMap((source) => parseInput(source, []));
      for (const object of parsed) {
        const original = originals.find(
          (candidate) => candidate.kind === object.kind && candidate.name === object.name,
        );
        if (original) {
          object.origin = { file: original.file, base: original.base, positions: original.positions };
          if (original.valuePositions) object.origin.valuePositions = original.valuePositions;
        }
      }
    }
    objects.push(...parsed);
  }
  return { objects, issues };
}

function parseInput(input: ManifestInput, issues: Issue[]): SourceObject[] {
  const objects: SourceObject[] = [];
  const screened = screenManifest(input.path, input.content);
  if (screened) {
    issues.push(screened);
    return objects;
  }
  const { documents, lines } = parseDocuments(input, issues);
  const looksTemplated = input.content.includes('{{');
  documents.forEach((document) => {
    if (document.errors.length > 0) {
      const error = document.errors[0]!;
      const position = lines.linePos(error.pos[0]);
      const deep = error.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(error.message);
      issues.push(
        makeIssue(
          'error',
          'syntax',
          deep
            ? 'the document nests too deeply to be read; the document was skipped'
            : `not valid YAML: ${error.message.split('\n')[0]}`,
          {
            file: input.path,
            line: position.line,
            col: position.col,
            hint: deep
              ? 'Kubernetes objects nest about a dozen levels: check the brackets and the indentation'
              : looksTemplated
                ? TEMPLATE_HINT
                : 'fix the YAML (kubectl would reject this document too); the document was skipped',
          },
        ),
      );
      return;
    }
    const collectionKey = findCollectionKey(document.contents);
    if (collectionKey !== undefined) {
      const start = input.content.lastIndexOf('{{', collectionKey + 1);
      const isPlaceholder = start >= 0 && start >= collectionKey - 1;
      const position = lines.linePos(isPlaceholder ? start : collectionKey);
      const end = input.content.indexOf('}}', collectionKey);
      const text = isPlaceholder ? input.content.slice(start, end < 0 ? start + 2 : end + 2) : '';
      issues.push(
        makeIssue(
          'error',
          'syntax',
          isPlaceholder
            ? `template placeholder ${text} where a value belongs; the document was skipped`
            : 'a map or list is used as a key, which kubectl rejects; the document was skipped',
          {
            file: input.path,
            line: position.line,
            col: position.col,
            hint: isPlaceholder ? TEMPLATE_HINT : 'write keys as plain strings',
          },
        ),
      );
      return;
    }
    let value: unknown;
    try {
      // The default alias limit stops "billion laughs" documents from exhausting memory.
      value = document.toJS();
    } catch (error) {
      const position = lines.linePos(
        (document.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? 0,
      );
      issues.push(
        makeIssue('error', 'syntax', `the document cannot be read: ${(error as Error).message}`, {
          file: input.path,
          line: position.line,
          col: position.col,
          hint: 'use fewer YAML aliases (write the repeated values out)',
        }),
      );
      return;
    }
    if (value === null || value === undefined) return; // empty or comment-only document
    const positions = new Map<string, Position>();
    const valuePositions = new Map<string, Position>();
    const rootRange = (document.contents as { range?: [number, number, number] } | null)?.range;
    if (rootRange) positions.set('', lines.linePos(rootRange[0]));
    indexPositions(document.contents, '', positions, valuePositions, lines);
    const at = (pointer: string): Position => positions.get(pointer) ?? positions.get('') ?? { line: 1, col: 1 };
    const add = (item: unknown, base: string): void => {
      if (!isPlainObject(item) || typeof item.kind !== 'string' || typeof item.apiVersion !== 'string') {
        const position = at(base);
        issues.push(
          makeIssue('warning', 'invalid-value', 'not a Kubernetes object (it needs apiVersion and kind); skipped', {
            file: input.path,
            line: position.line,
            col: position.col,
            pointer: base,
            hint: 'pass only manifest files; a kustomization is read by passing its folder',
          }),
        );
        return;
      }
      if (/List$/.test(item.kind) && Array.isArray(item.items)) {
        item.items.forEach((child, index) => add(child, `${base}/items/${index}`));
        return;
      }
      const metadata = isPlainObject(item.metadata) ? item.metadata : {};
      objects.push({
        value: item,
        kind: item.kind,
        apiVersion: item.apiVersion,
        name: typeof metadata.name === 'string' ? metadata.name : '',
        namespace: typeof metadata.namespace === 'string' ? metadata.namespace : '',
        file: input.path,
        base,
        positions,
        valuePositions,
        consumed: new Set(),
      });
    };
    add(value, '');
  });
  return objects;
}

/**
 * Position of a field of an object (its nearest written ancestor when the field itself was not
 * written): where its key is, or with `part: 'value'` where its value starts.
 */
export function positionOf(object: SourceObject, pointer: string, part: 'key' | 'value' = 'key'): SourcePosition {
  const source = object.origin ?? {
    file: object.file,
    base: object.base,
    positions: object.positions,
    valuePositions: object.valuePositions,
  };
  const value = part === 'value' ? source.valuePositions?.get(source.base + pointer) : undefined;
  if (value) return { file: source.file, line: value.line, col: value.col };
  let current = pointer;
  for (;;) {
    const found = source.positions.get(source.base + current);
    if (found) return { file: source.file, line: found.line, col: found.col };
    if (current === '') break;
    current = current.slice(0, current.lastIndexOf('/'));
  }
  const root = object.positions.get(object.base) ?? { line: 1, col: 1 };
  return { file: object.file, line: root.line, col: root.col };
}
