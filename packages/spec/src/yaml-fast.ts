import { Document, isScalar } from 'yaml';

/**
 * A reader for the YAML that specs are written in (block mappings and lists, one-line plain or
 * quoted scalars, one-line flow lists and mappings, comments), several times faster than the yaml
 * package because it builds no syntax tree. For anything else (block scalars, anchors, tags,
 * escapes, multi-line scalars, tabs, duplicate keys, any error) it gives up and returns undefined,
 * and the caller parses with the yaml package, which also reports the positions of problems.
 * When it returns a value, that value is what `parseDocument(text).toJS()` returns.
 */
export function parseSimpleYaml(text: string): { value: unknown } | undefined {
  // Tabs, carriage returns and byte order marks each have rules of their own: left to the yaml package.
  if (/[\t\r\uFEFF]/.test(text)) return undefined;
  try {
    return { value: new SimpleYamlReader(text).read() };
  } catch (error) {
    if (error instanceof NotSimple) return undefined;
    throw error;
  }
}

/** The text is outside what the fast reader handles (or is not valid YAML): the yaml package decides. */
class NotSimple extends Error {}

const notSimple = (): never => {
  throw new NotSimple();
};

interface Line {
  /** Column where the content starts. */
  indent: number;
  /** The line from that column on (trailing spaces included). */
  content: string;
}

interface PlainScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}

let coreSchema: { tags: PlainScalarTag[]; options: object } | undefined;

/** The YAML 1.2 core schema tags parseDocument resolves plain scalars with (null, bool, int, float). */
function schema(): { tags: PlainScalarTag[]; options: object } {
  if (!coreSchema) {
    const document = new Document(null);
    const tags = (document.schema.tags as unknown as PlainScalarTag[]).filter(
      (tag) => tag.default === true && tag.test instanceof RegExp,
    );
    coreSchema = { tags, options: document.options };
  }
  return coreSchema;
}

/** A plain scalar's value, as findScalarTagByTest and the tag's resolve compute it. */
function resolvePlain(source: string): unknown {
  const { tags, options } = schema();
  const tag = tags.find((candidate) => candidate.test?.test(source));
  if (!tag) return source;
  const resolved = tag.resolve(source, notSimple, options);
  return isScalar(resolved) ? resolved.value : resolved;
}

const MAX_DEPTH = 60;
// Characters that cannot start a plain scalar (YAML 1.2 c-indicator), except - ? : handled below.
const INDICATOR = /^[,[\]{}#&*!|>'"%@`]/;
const FLOW_INDICATOR = /[,[\]{}]/;
// YAML's white space is the space (tabs are excluded above); String#trim would also remove NBSP and others.
const LEADING_SPACES = /^ +/;
const TRAILING_SPACES = / +$/;

class SimpleYamlReader {
  private readonly lines: Line[] = [];
  private position = 0;

  constructor(text: string) {
    for (const raw of text.split('\n')) {
      let indent = 0;
      while (raw.charCodeAt(indent) === 32) indent += 1;
      const content = raw.slice(indent);
      if (content === '' || content.startsWith('#')) continue;
      if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content.startsWith('%'))) {
        notSimple();
      }
      this.lines.push({ indent, content });
    }
  }

  read(): unknown {
    if (this.lines.length === 0) return notSimple();
    const value = this.node((this.lines[0] as Line).indent, 0);
    if (this.position !== this.lines.length) notSimple();
    return value;
  }

  private get current(): Line | undefined {
    return this.lines[this.position];
  }

  /** A block mapping or list starting at the current line, at `indent`. */
  private node(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) notSimple();
    const line = this.current as Line;
    if (isListItem(line.content)) return this.list(indent, depth);
    if (splitKey(line.content)) return this.mapping(indent, depth);
    return notSimple();
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    const mapping: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (let line = this.current; line && line.indent === indent; line = this.current) {
      if (isListItem(line.content)) notSimple();
      const split = splitKey(line.content) ?? notSimple();
      // Duplicates are errors the yaml package reports with positions; __proto__ it defines specially.
      if (seen.has(split.key) || split.key === '__proto__') notSimple();
      seen.add(split.key);
      this.position += 1;
      mapping[split.key] = this.valueAfterKey(split.rest, indent, depth);
    }
    if (this.current && this.current.indent > indent) notSimple();
    return mapping;
  }

  private valueAfterKey(rest: string, indent: number, depth: number): unknown {
    const inline = rest.replace(LEADING_SPACES, '');
    if (inline !== '' && !inline.startsWith('#')) {
      const value = lineValue(inline);
      if (this.current && this.current.indent > indent) notSimple(); // a value continued on the next line
      return value;
    }
    const next = this.current;
    if (next && next.indent > indent) return this.node(next.indent, depth + 1);
    // A list may sit at the same column as its key.
    if (next && next.indent === indent && isListItem(next.content)) return this.list(indent, depth + 1);
    return null;
  }

  private list(indent: number, depth: number): unknown[] {
    const list: unknown[] = [];
    for (let line = this.current; line && line.indent === indent && isListItem(line.content); line = this.current) {
      const after = line.content.slice(1);
      let spaces = 0;
      while (after.charCodeAt(spaces) === 32) spaces += 1;
      const content = after.slice(spaces);
      if (content === '' || content.startsWith('#')) {
        this.position += 1;
        const next = this.current;
        list.push(next && next.indent > indent ? this.node(next.indent, depth + 1) : null);
      } else if (isListItem(content) || splitKey(content)) {
        // `- key: value` and `- - item`: the rest of the line starts a node at its own column.
        const column = indent + 1 + spaces;
        this.lines[this.position] = { indent: column, content };
        list.push(this.node(column, depth + 1));
      } else {
        this.position += 1;
        list.push(lineValue(content));
        if (this.current && this.current.indent > indent) notSimple();
      }
    }
    if (this.current && this.current.indent > indent) notSimple();
    return list;
  }
}

const isListItem = (content: string): boolean => content === '-' || content.startsWith('- ');

/** `key: rest` on one line (plain or quoted key resolving to a string), or undefined. */
function splitKey(content: string): { key: string; rest: string } | undefined {
  const first = content[0];
  if (first === '"' || first === "'") {
    const quoted = readQuoted(content, 0);
    if (!quoted || content[quoted.end] !== ':') return undefined;
    const after = content[quoted.end + 1];
    if (after !== undefined && after !== ' ') return undefined;
    return { key: quoted.value, rest: content.slice(quoted.end + 1) };
  }
  if (!startsPlain(content, false)) return undefined;
  let colon = content.indexOf(':');
  while (colon >= 0 && colon + 1 < content.length && content[colon + 1] !== ' ')
    colon = content.indexOf(':', colon + 1);
  if (colon <= 0) return undefined;
  const key = content.slice(0, colon);
  // A comment before the colon, or spaces around the key, are left to the yaml package.
  if (/\s#|\s$/.test(key) || key.length > 1024) return undefined;
  if (resolvePlain(key) !== key) notSimple();
  return { key, rest: content.slice(colon + 1) };
}

/** Whether a plain scalar may start here (c-indicators excluded; - ? : only before a safe character). */
function startsPlain(text: string, inFlow: boolean): boolean {
  const first = text[0];
  if (first === undefined || INDICATOR.test(first)) return false;
  if (first === '-' || first === '?' || first === ':') {
    const next = text[1];
    return next !== undefined && next !== ' ' && !(inFlow && FLOW_INDICATOR.test(next));
  }
  return true;
}

/** The text before a comment (` #`), without trailing spaces. */
function withoutComment(text: string): string {
  let end = text.length;
  for (let index = text.indexOf('#'); index >= 0; index = text.indexOf('#', index + 1)) {
    if (index === 0 || text[index - 1] === ' ') {
      end = index;
      break;
    }
  }
  return text.slice(0, end).replace(LEADING_SPACES, '').replace(TRAILING_SPACES, '');
}

/** The value that fills the rest of a line after `key: ` or `- ` (no leading spaces), with an optional comment. */
function lineValue(text: string): unknown {
  const first = text[0];
  if (first === '"' || first === "'") {
    const quoted = readQuoted(text, 0) ?? notSimple();
    if (!/^( *| +#.*)$/.test(text.slice(quoted.end))) notSimple();
    return quoted.value;
  }
  return inlineValue(withoutComment(text));
}

/** A value written after `key:` or `- `: quoted, flow, or plain. `text` has no comment and no outer spaces. */
function inlineValue(text: string): unknown {
  const first = text[0];
  if (first === '"' || first === "'") {
    const quoted = readQuoted(text, 0) ?? notSimple();
    if (quoted.end !== text.length) notSimple();
    return quoted.value;
  }
  if (first === '[' || first === '{') {
    const flow = new FlowReader(text);
    const value = flow.value(0);
    flow.skipSpaces();
    if (flow.index !== text.length) notSimple();
    return value;
  }
  if (!startsPlain(text, false)) notSimple();
  // `key: a: b` is a nested mapping on one line, which YAML forbids; `a:` at the end likewise.
  if (text.includes(': ') || text.endsWith(':')) notSimple();
  return resolvePlain(text);
}

/** A one-line quoted scalar starting at `start`: its value and the index after the closing quote. */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const quote = text[start];
  let value = '';
  let index = start + 1;
  for (;;) {
    const next = text.indexOf(quote as string, index);
    if (next < 0) return undefined;
    const chunk = text.slice(index, next);
    // Escapes, and anything YAML folds or trims, are left to the yaml package.
    if (quote === '"' && chunk.includes('\\')) return undefined;
    value += chunk;
    if (quote === "'" && text[next + 1] === "'") {
      value += "'";
      index = next + 2;
      continue;
    }
    return { value, end: next + 1 };
  }
}

/** One-line flow collections: `[a, "b", {c: d}]`, `{ secret: name }`. */
class FlowReader {
  index = 0;

  constructor(private readonly text: string) {}

  skipSpaces(): void {
    while (this.text[this.index] === ' ') this.index += 1;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) notSimple();
    this.skipSpaces();
    const char = this.text[this.index];
    if (char === '[') return this.sequence(depth);
    if (char === '{') return this.mapping(depth);
    return this.scalar(false);
  }

  private sequence(depth: number): unknown[] {
    const items: unknown[] = [];
    this.index += 1;
    this.skipSpaces();
    if (this.text[this.index] === ']') {
      this.index += 1;
      return items;
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpaces();
      const char = this.text[this.index];
      this.index += 1;
      if (char === ']') return items;
      if (char !== ',') notSimple();
      this.skipSpaces();
      if (this.text[this.index] === ']' || this.text[this.index] === ',') notSimple(); // trailing or empty entry
    }
  }

  private mapping(depth: number): Record<string, unknown> {
    const mapping: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.index += 1;
    this.skipSpaces();
    if (this.text[this.index] === '}') {
      this.index += 1;
      return mapping;
    }
    for (;;) {
      this.skipSpaces();
      const key = this.scalar(true);
      if (typeof key !== 'string' || seen.has(key) || key === '__proto__') notSimple();
      seen.add(key as string);
      if (this.text[this.index] !== ':' || this.text[this.index + 1] !== ' ') notSimple();
      this.index += 2;
      this.skipSpaces();
      const next = this.text[this.index];
      if (next === ',' || next === '}' || next === undefined) notSimple(); // empty value
      mapping[key as string] = this.value(depth + 1);
      this.skipSpaces();
      const char = this.text[this.index];
      this.index += 1;
      if (char === '}') return mapping;
      if (char !== ',') notSimple();
      this.skipSpaces();
      if (this.text[this.index] === '}' || this.text[this.index] === ',') notSimple();
    }
  }

  /** A quoted or plain scalar inside a flow collection; a key stops before its `: `. */
  private scalar(atKey: boolean): unknown {
    const { text } = this;
    const first = text[this.index];
    if (first === '"' || first === "'") {
      const quoted = readQuoted(text, this.index) ?? notSimple();
      this.index = quoted.end;
      // `"a":b` (a value adjacent to a quoted key) is left to the yaml package.
      if (atKey && text[this.index] === ':' && text[this.index + 1] !== ' ') notSimple();
      return quoted.value;
    }
    if (!startsPlain(text.slice(this.index), true)) notSimple();
    let end = this.index;
    while (end < text.length) {
      const char = text[end] as string;
      if (FLOW_INDICATOR.test(char)) break;
      if (char === ':') {
        const next = text[end + 1];
        if (next === undefined || next === ' ' || FLOW_INDICATOR.test(next)) break;
      }
      if (char === '#' && text[end - 1] === ' ') notSimple();
      end += 1;
    }
    const source = text.slice(this.index, end).replace(TRAILING_SPACES, '');
    if (source === '') notSimple();
    // In a list, `a: b` would be a one-pair mapping; as a value, a colon ends nothing: both are left to yaml.
    if (!atKey && text[end] === ':') notSimple();
    this.index = end;
    const value = resolvePlain(source);
    if (atKey && typeof value !== 'string') notSimple();
    return value;
  }
}
