import { Document, isScalar, Scalar, stringify, visit, type Tags } from 'yaml';

/** The yaml package's YAML 1.1 merge key tag ('<<'). */
const MERGE_TAG = 'tag:yaml.org,2002:merge';

/**
 * The options every generated file is written with: YAML 1.1-safe quoting (kubectl reads 1.1),
 * no line folding, and no anchors for objects that appear twice. Without the merge tag: the data
 * holds no merge keys, and with it the yaml package takes a '<<' key for one (it fails, or writes
 * a merge); '<<' is written as quoted text instead (see needsDoubleQuotes).
 */
export const YAML_OPTIONS = {
  version: '1.1',
  customTags: (tags: Tags): Tags => tags.filter((tag) => typeof tag === 'string' || tag.tag !== MERGE_TAG),
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
} as const;

/** Thrown inside the fast emitter when a value needs what only the yaml package does right. */
class NeedsFullStringify extends Error {}

const INDENT_STEP = '  ';
const MAX_DEPTH = 200;

// Both taken from the yaml package's stringifyString.js (plainString, stringifyString): a plain
// scalar must not start with an indicator, contain ': ' or ' #', or end in a space or colon; control
// characters and lone surrogates force double quotes with escapes.
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\uD800-\uDFFF]/;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

/**
 * Strings the yaml package writes in a form that reads back as another string: text of only
 * blanks and line breaks becomes a block scalar whose blank lines lose their spaces (' \n' reads
 * back as '\n'), and a leading byte order mark is dropped by readers at the start of a file.
 * Both are written double-quoted instead.
 */
const needsDoubleQuotes = (value: string): boolean =>
  value === '<<' ||
  value.charCodeAt(0) === 0xfeff ||
  (/^[\t\n ]*$/.test(value) && value.includes('\n') && /[\t ]/.test(value));

interface ScalarTest {
  test: RegExp;
}

let resolvingTags: ScalarTest[] | undefined;

/**
 * The tags a YAML 1.1 reader (kubectl) or a YAML 1.2 reader (docker compose, most tools) resolves
 * plain text to (null, bool, int, float, timestamp): a string that one of them matches must be
 * quoted, or `1e3` and `0o644` read back as numbers in 1.2. Read from the yaml package's own
 * schemas, so the 1.1 tests are the ones its stringify applies.
 */
function tagsThatResolvePlainText(): ScalarTest[] {
  if (!resolvingTags) {
    resolvingTags = (['1.1', '1.2'] as const).flatMap((version) => {
      const { tags, compat } = new Document(null, { version }).schema;
      return [...tags, ...(compat ?? [])].filter(
        (tag): tag is typeof tag & ScalarTest =>
          Boolean(tag.default) && tag.tag !== 'tag:yaml.org,2002:str' && tag.test instanceof RegExp,
      );
    });
  }
  return resolvingTags;
}

/** Plain text some YAML reader would not read as a string. */
const resolvesAsNonString = (value: string): boolean => tagsThatResolvePlainText().some((tag) => tag.test.test(value));

// Newlines inside a block scalar's trailing run get the indentation (stringifyString.js blockString).
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/**
 * Text as the yaml package writes it in block context: `indent` is the indentation of the value
 * (block scalars are indented by it), undefined for a key.
 */
function emitString(value: string, indent: string | undefined): string {
  const cached = lineCache.get(value);
  if (cached !== undefined) return cached;
  // '<<' is YAML 1.1's merge key, which the yaml package treats specially in keys and values;
  // a key longer than 1024 characters becomes an explicit key (`? key`).
  if (
    NEEDS_ESCAPES.test(value) ||
    value === '<<' ||
    (indent === undefined && value.length > 1024) ||
    needsDoubleQuotes(value)
  ) {
    throw new NeedsFullStringify();
  }
  if (value.includes('\n')) {
    if (indent === undefined || indent === '') throw new NeedsFullStringify();
    return emitBlockLiteral(value, indent);
  }
  if (DOCUMENT_MARKER.test(value)) throw new NeedsFullStringify();
  const line = oneLine(value);
  if (value.length <= 1024 && lineCache.size < MAX_CACHED_LINES) lineCache.set(value, line);
  return line;
}

/**
 * One-line text (without escapes, up to 1024 characters) is written the same way as a key and as a
 * value, and the same names, labels and images recur in thousands of documents: each distinct
 * text is worked out once.
 */
const lineCache = new Map<string, string>();
const MAX_CACHED_LINES = 200_000;

function oneLine(value: string): string {
  if (!NOT_PLAIN.test(value) && !resolvesAsNonString(value)) return value;
  // quotedString: single quotes only when the text has double quotes and no single ones.
  const hasDouble = value.includes('"');
  if (hasDouble && !value.includes("'")) return `'${value}'`;
  // doubleQuotedString rewrites only \u and \n escapes; without control characters or line breaks
  // JSON escapes nothing but \", \\ and \t, which it keeps: the JSON text is the YAML text.
  return JSON.stringify(value);
}

/**
 * A multi-line value as a literal block scalar (`|`, `|-`, `|+`, with an indentation indicator
 * when it starts with a space): blockString of the yaml package with lineWidth 0, step by step.
 */
function emitBlockLiteral(text: string, indent: string): string {
  // A block cannot end in whitespace after its last line break: the yaml package quotes those.
  if (/\n[\t ]+$/.test(text)) throw new NeedsFullStringify();
  let value = text;
  let endStart = value.length;
  while (endStart > 0) {
    const char = value[endStart - 1];
    if (char !== '\n' && char !== '\t' && char !== ' ') break;
    endStart -= 1;
  }
  let end = value.substring(endStart);
  const endNewline = end.indexOf('\n');
  const chomp = endNewline === -1 ? '-' : value === end || endNewline !== end.length - 1 ? '+' : '';
  if (end) {
    value = value.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  let startsWithSpace = false;
  let startEnd = 0;
  let startNewline = -1;
  for (; startEnd < value.length; startEnd += 1) {
    const char = value[startEnd];
    if (char === ' ') startsWithSpace = true;
    else if (char === '\n') startNewline = startEnd;
    else break;
  }
  let start = value.substring(0, startNewline < startEnd ? startNewline + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startsWithSpace ? '2' : '') + chomp;
  return `|${header}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

function emitScalar(value: unknown, indent: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return emitString(value, indent);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
      throw new NeedsFullStringify();
    default:
      throw new NeedsFullStringify();
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** A collection's lines, the first without indentation, the others with `indent` (stringifyBlockCollection). */
function emitCollection(value: Record<string, unknown> | unknown[], indent: string, depth: number): string {
  if (depth > MAX_DEPTH) throw new NeedsFullStringify();
  let text = '';
  if (Array.isArray(value)) {
    const itemIndent = indent + INDENT_STEP;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (item === undefined) throw new NeedsFullStringify();
      text += `${index === 0 ? '' : `\n${indent}`}- ${emitNode(item, itemIndent, depth)}`;
    }
    return text === '' ? '[]' : text;
  }
  const valueIndent = indent + INDENT_STEP;
  let first = true;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue; // as the yaml package does (keepUndefined: false)
    if (key === '') throw new NeedsFullStringify(); // written as an explicit key
    let line = `${emitString(key, undefined)}:`;
    if (typeof item === 'object' && item !== null) {
      const nested = emitNode(item, valueIndent, depth);
      // Empty collections stay on the key's line as {} or []; others start on the next line.
      line += nested === '{}' || nested === '[]' ? ` ${nested}` : `\n${valueIndent}${nested}`;
    } else {
      line += ` ${emitScalar(item, valueIndent)}`;
    }
    text += first ? line : `\n${indent}${line}`;
    first = false;
  }
  return first ? '{}' : text;
}

function emitNode(value: unknown, indent: string, depth: number): string {
  if (typeof value === 'object' && value !== null) {
    if (!Array.isArray(value) && (!isPlainObject(value) || typeof value.toJSON === 'function')) {
      throw new NeedsFullStringify();
    }
    return emitCollection(value as Record<string, unknown> | unknown[], indent, depth + 1);
  }
  return emitScalar(value, indent);
}

/** The fast path of emitYaml: the YAML text, or undefined when the value needs the yaml package. */
export function emitPlainYaml(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return `${emitNode(value, '', 0)}\n`;
  } catch (error) {
    if (error instanceof NeedsFullStringify) return undefined;
    throw error;
  }
}

/**
 * The yaml package's `stringify(value, YAML_OPTIONS)`, except that the strings it would not read
 * back exactly (needsDoubleQuotes), and those a YAML 1.2 reader takes for another type, are
 * double-quoted (the package quotes them the same way when its 1.1 schema resolves them).
 */
export function stringifyWithYamlPackage(value: unknown): string {
  if (value === undefined) return stringify(value, YAML_OPTIONS);
  const document = new Document(value, YAML_OPTIONS);
  // A block scalar at the root sits at column 0, where its lines cannot be indented.
  if (isScalar(document.contents) && typeof value === 'string' && value.includes('\n')) {
    document.contents.type = Scalar.QUOTE_DOUBLE;
  }
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      if (needsDoubleQuotes(node.value) || (!node.value.includes('\n') && resolvesAsNonString(node.value))) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return document.toString(YAML_OPTIONS);
}

/**
 * stringifyWithYamlPackage, byte for byte, several times faster: the generated documents are plain
 * objects, lists and one-line scalars, which this writes directly. Anything else (escapes, floats,
 * class instances, text that must be double-quoted) goes to the yaml package.
 */
export function emitYaml(value: unknown): string {
  return emitPlainYaml(value) ?? stringifyWithYamlPackage(value);
}
