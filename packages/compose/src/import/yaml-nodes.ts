import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { makeIssue } from '@twinform/spec';
import type { Issue, SourcePosition } from '@twinform/spec';

/**
 * A YAML value that remembers where it was written. Compose files are merged, extended and
 * included before they are read, and every issue must still point at the line the user wrote,
 * so the loader works on these nodes instead of plain JS values.
 */
export type YNode = YMap | YSeq | YScalar;

interface YBase {
  pos: SourcePosition;
  /** A local tag such as '!reset' or '!override' (compose merge directives). */
  tag?: string;
}

export interface YEntry {
  key: string;
  keyPos: SourcePosition;
  value: YNode;
}

export interface YMap extends YBase {
  kind: 'map';
  entries: Map<string, YEntry>;
}

export interface YSeq extends YBase {
  kind: 'seq';
  items: YNode[];
}

export interface YScalar extends YBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** Source text of a plain (unquoted) scalar; compose reads numbers like 0644 the Go way. */
  raw?: string;
  /** The text before interpolation, when it referenced variables (the value came from the environment). */
  template?: string;
}

/** Upper bound on nodes created by expanding aliases (a "billion laughs" document stops here). */
export const MAX_ALIAS_EXPANSION = 50_000;

const COMPOSE_TAGS = new Set(['!reset', '!override']);

export interface ParsedYaml {
  /** undefined when the file is empty (only comments) or could not be parsed. */
  node?: YNode;
  issues: Issue[];
}

/** Parses one compose file (YAML 1.2 core with merge keys, as compose-go reads it). */
export function parseYamlFile(content: string, file: string): ParsedYaml {
  // docker compose ignores a byte order mark, and so does the import.
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const early = readableText(text, file);
  if (early) return { issues: [early] };
  const lineCounter = new LineCounter();
  let documents: ReturnType<typeof parseAllDocuments>;
  try {
    documents = parseAllDocuments(text, {
      lineCounter,
      merge: true,
      prettyErrors: false,
      uniqueKeys: true,
      logLevel: 'silent',
    });
  } catch (error) {
    return {
      issues: [
        makeIssue(
          'error',
          'syntax',
          `${file} cannot be read as YAML: ${firstLine(String((error as Error).message ?? error))}.`,
          {
            file,
            line: 1,
            col: 1,
            hint: `Check the file; compose files nest a few levels, at most ${MAX_NESTING_DEPTH}.`,
          },
        ),
      ],
    };
  }
  const issues: Issue[] = [];
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: Math.max(line, 1), col: Math.max(col, 1) };
  };
  const list = (Array.isArray(documents) ? documents : []) as Document.Parsed[];
  for (const document of list) {
    // The first error is the cause; more of the same kind are its consequences.
    const seen = new Set<string>();
    for (const error of document.errors) {
      if (seen.has(error.code) || seen.size >= 3) continue;
      seen.add(error.code);
      const deep = error.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(error.message);
      issues.push(
        makeIssue(
          'error',
          'syntax',
          deep ? `${file} nests too deeply to be read.` : `${file} is not valid YAML: ${firstLine(error.message)}.`,
          {
            ...at(error.pos[0]),
            hint: deep
              ? `Nest at most ${MAX_NESTING_DEPTH} levels deep.`
              : 'Fix the YAML syntax at this position (docker compose would reject the file too).',
          },
        ),
      );
    }
    for (const warning of document.warnings) {
      if (warning.code === 'TAG_RESOLVE_FAILED' && [...COMPOSE_TAGS].some((tag) => warning.message.includes(tag))) {
        continue;
      }
      issues.push(
        makeIssue('warning', 'syntax', `${firstLine(warning.message)}.`, {
          ...at(warning.pos[0]),
          hint: 'Check the YAML at this position.',
        }),
      );
    }
  }
  if (issues.some((issue) => issue.severity === 'error')) return { issues };
  const nonEmpty = list.filter((document) => document.contents !== null);
  if (nonEmpty.length > 1) {
    const second = nonEmpty[1] as Document.Parsed;
    issues.push(
      makeIssue('error', 'syntax', `${file} holds more than one YAML document; a compose file is one document.`, {
        ...at(second.range[0]),
        hint: 'Split the documents into separate files and pass each with its own FILE argument.',
      }),
    );
    return { issues };
  }
  const document = nonEmpty[0];
  if (!document) return { issues };
  const converter = new NodeConverter(document, at, file);
  const node = converter.convert(document.contents as YamlNode);
  issues.push(...converter.issues);
  if (converter.issues.some((issue) => issue.severity === 'error')) return { issues };
  return node ? { node, issues } : { issues };
}

/** Compose files nest a handful of levels; deeper input is a mistake or an attack on the parser. */
export const MAX_NESTING_DEPTH = 64;
/** Larger than any real compose file by far. */
export const MAX_FILE_CHARS = 8 * 1024 * 1024;

// C0/C1 control characters other than tab, LF, CR and NEL; U+FFFD (undecodable bytes); lone surrogates.
const FORBIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function positionOf(text: string, index: number, file: string): SourcePosition {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { file, line, col: index - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Problems found before parsing: size, bytes that are not text, flow collections nested too deeply. */
function readableText(text: string, file: string): Issue | undefined {
  if (text.length > MAX_FILE_CHARS) {
    return makeIssue(
      'error',
      'io',
      `${file} is too large to be a compose file (${(text.length / 1024 / 1024).toFixed(1)} MB).`,
      {
        file,
        hint: 'Pass the compose file itself.',
      },
    );
  }
  const forbidden = FORBIDDEN_CHARACTER.exec(text);
  if (forbidden) {
    const character = forbidden[0];
    const undecodable = character === '\uFFFD' || /[\uD800-\uDFFF]/.test(character);
    const code = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return makeIssue(
      'error',
      'syntax',
      undecodable
        ? `${file} is not valid UTF-8: these bytes cannot be decoded.`
        : `${file} contains the control character ${code}.`,
      {
        ...positionOf(text, forbidden.index, file),
        hint: undecodable ? 'Save the file as UTF-8.' : 'Remove it; write escapes like \\t inside double quotes.',
      },
    );
  }
  // The YAML parser recurses per flow level ([ and {); stop long before its stack does.
  let depth = 0;
  // `${` of an interpolation in a plain scalar is not a flow mapping.
  let templates = 0;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\' && quote === '"') index += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      const end = text.indexOf('\n', index);
      index = end < 0 ? text.length : end;
      continue;
    }
    if ((char === '"' || char === "'") && (index === 0 || /[\s[{,:]/.test(text[index - 1]!))) quote = char;
    else if (char === '{' && text[index - 1] === '$') templates += 1;
    else if (char === '}' && templates > 0) templates -= 1;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > MAX_NESTING_DEPTH) {
        return makeIssue('error', 'syntax', `${file} nests more than ${MAX_NESTING_DEPTH} levels deep.`, {
          ...positionOf(text, index, file),
          hint: 'Compose files need only a few levels: check the brackets.',
        });
      }
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

const firstLine = (message: string): string => message.split('\n')[0]!.replace(/\.$/, '');

const isMergeKeyNode = (key: unknown): boolean =>
  isScalar(key) &&
  (key.value === '<<' || (typeof key.value === 'symbol' && (key.value as symbol).description === '<<')) &&
  (!key.type || key.type === Scalar.PLAIN);

class NodeConverter {
  readonly issues: Issue[] = [];
  private expanded = 0;
  private failed = false;
  private readonly resolving = new Set<YamlNode>();

  constructor(
    private readonly document: Document.Parsed,
    private readonly at: (offset: number) => SourcePosition,
    private readonly file: string,
  ) {}

  convert(node: YamlNode | null | undefined, viaAlias = false, depth = 0): YNode | undefined {
    if (this.failed) return undefined;
    if (node === null || node === undefined) return undefined;
    if (depth > MAX_NESTING_DEPTH) {
      this.failed = true;
      this.issues.push(
        makeIssue('error', 'syntax', `The document nests more than ${MAX_NESTING_DEPTH} levels deep.`, {
          ...this.position(node),
          hint: 'Compose files need only a few levels: check the indentation.',
        }),
      );
      return undefined;
    }
    if (viaAlias) {
      this.expanded += 1;
      if (this.expanded > MAX_ALIAS_EXPANSION) {
        this.fail(node, `aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (a "billion laughs" document)`);
        return undefined;
      }
    }
    if (isAlias(node)) {
      const target = node.resolve(this.document) as YamlNode | undefined;
      if (!target) {
        this.fail(node, `the alias *${node.source} names no anchor`);
        return undefined;
      }
      if (this.resolving.has(target)) {
        this.fail(node, `the alias *${node.source} refers to a node that contains it`);
        return undefined;
      }
      this.resolving.add(target);
      const converted = this.convert(target, true, depth);
      this.resolving.delete(target);
      return converted;
    }
    const pos = this.position(node);
    const tag = typeof node.tag === 'string' && COMPOSE_TAGS.has(node.tag) ? node.tag : undefined;
    if (isScalar(node)) {
      const value = node.value;
      const scalar: YScalar = { kind: 'scalar', pos, value: scalarValue(value) };
      if ((!node.type || node.type === Scalar.PLAIN) && node.source !== undefined) scalar.raw = String(node.source);
      if (tag) scalar.tag = tag;
      return scalar;
    }
    if (isSeq(node)) {
      const items: YNode[] = [];
      for (const item of node.items) {
        const converted = this.convert(item as YamlNode, viaAlias, depth + 1);
        if (converted) items.push(converted);
        else if (!this.failed) items.push({ kind: 'scalar', pos: this.position(item as YamlNode) ?? pos, value: null });
      }
      const seq: YSeq = { kind: 'seq', pos, items };
      if (tag) seq.tag = tag;
      return seq;
    }
    if (isMap(node)) {
      const map: YMap = { kind: 'map', pos, entries: new Map() };
      if (tag) map.tag = tag;
      // Merge keys never override keys written in the map (wherever they are written), and earlier
      // sources win over later ones; merged keys take the place of the `<<` in the key order.
      const explicit = new Set(
        node.items.flatMap((pair) =>
          isPair(pair) && !isMergeKeyNode(pair.key) && isScalar(pair.key) ? [keyText(pair.key.value) ?? ''] : [],
        ),
      );
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isMergeKeyNode(pair.key)) {
          for (const source of this.mergeSources(pair.value as YamlNode, pos, depth + 1)) {
            for (const [key, entry] of source.entries) {
              if (!explicit.has(key) && !map.entries.has(key)) map.entries.set(key, entry);
            }
          }
          continue;
        }
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? keyText(keyNode.value) : undefined;
        const keyPos = keyNode ? this.position(keyNode) : pos;
        if (key === undefined) {
          this.issues.push(
            makeIssue('error', 'syntax', 'A mapping key must be a plain value, not a list or a mapping.', {
              ...keyPos,
              hint: 'Write the key as a string.',
            }),
          );
          continue;
        }
        const value = this.convert(pair.value as YamlNode | null, viaAlias, depth + 1) ?? {
          kind: 'scalar' as const,
          pos: keyPos,
          value: null,
        };
        map.entries.set(key, { key, keyPos, value });
      }
      return map;
    }
    return undefined;
  }

  private mergeSources(value: YamlNode | null, pos: SourcePosition, depth: number): YMap[] {
    const converted = this.convert(value, true, depth);
    if (!converted) return [];
    const sources = converted.kind === 'seq' ? converted.items : [converted];
    const maps: YMap[] = [];
    for (const source of sources) {
      if (source.kind !== 'map') {
        this.issues.push(
          makeIssue('error', 'syntax', 'A merge key (<<) must refer to a mapping or a list of mappings.', {
            ...(source.pos ?? pos),
            hint: 'Use `<<: *anchor` where the anchor names a mapping.',
          }),
        );
        continue;
      }
      maps.push(source);
    }
    return maps;
  }

  private position(node: YamlNode): SourcePosition {
    const range = (node as { range?: [number, number, number] }).range;
    return range ? this.at(range[0]) : { file: this.file, line: 1, col: 1 };
  }

  private fail(node: YamlNode, reason: string): void {
    this.failed = true;
    this.issues.push(
      makeIssue('error', 'syntax', `YAML anchors cannot be expanded: ${reason}.`, {
        ...this.position(node),
        hint: 'Remove the recursive or exponential aliases; docker compose refuses such documents too.',
      }),
    );
  }
}

function scalarValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function keyText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Small helpers over nodes.

export const entry = (node: YNode | undefined, key: string): YEntry | undefined =>
  node?.kind === 'map' ? node.entries.get(key) : undefined;

export const child = (node: YNode | undefined, key: string): YNode | undefined => entry(node, key)?.value;

export const isNull = (node: YNode | undefined): boolean =>
  node === undefined || (node.kind === 'scalar' && node.value === null);

/** The scalar as compose's Go loader would print it (plain numbers keep the text the user wrote). */
export function scalarText(node: YScalar): string {
  if (node.value === null) return '';
  if (typeof node.value === 'string') return node.value;
  if (node.raw !== undefined && typeof node.value === 'number') return node.raw;
  return String(node.value);
}

/** Plain JS value of a node (for values the importer only reports or copies). */
export function toPlain(node: YNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  // fromEntries defines its keys, so a `__proto__` key stays a key instead of replacing the prototype.
  return Object.fromEntries([...node.entries].map(([key, value]) => [key, toPlain(value.value)]));
}

export function cloneNode(node: YNode): YNode {
  if (node.kind === 'scalar') return { ...node };
  if (node.kind === 'seq') return { ...node, items: node.items.map(cloneNode) };
  const entries = new Map<string, YEntry>();
  for (const [key, value] of node.entries) entries.set(key, { ...value, value: cloneNode(value.value) });
  return { ...node, entries };
}

export function mapNode(pos: SourcePosition, entries: YEntry[] = []): YMap {
  return { kind: 'map', pos, entries: new Map(entries.map((item) => [item.key, item])) };
}

export function scalarNode(pos: SourcePosition, value: string | number | boolean | null): YScalar {
  return { kind: 'scalar', pos, value };
}
