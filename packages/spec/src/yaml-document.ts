import { Lexer, LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, ErrorCode, Node, YAMLError } from 'yaml';
import { makeIssue } from './issues';
import type { Issue } from './issues';
import { parseSimpleYaml } from './yaml-fast';

/** A step into a document: a mapping key or a list index. */
export type PathSegment = string | number;

export interface Position {
  line: number;
  col: number;
}

/** A parsed spec file that can still answer "where in the text is this value?". */
export interface SpecDocument {
  file: string;
  /** The text as parsed (without a byte order mark). */
  text: string;
  /** The syntax tree with source positions; built on first use, which is when a problem is reported. */
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  value: unknown;
}

const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;

/**
 * A spec read by the fast reader: positions are only needed to report a problem, so the yaml
 * package builds the tree (the same one parseSpecFile would have built) only when one is.
 */
class LazySpecDocument implements SpecDocument {
  private parsed: { document: Document.Parsed; lineCounter: LineCounter } | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    public value: unknown,
  ) {}

  private tree(): { document: Document.Parsed; lineCounter: LineCounter } {
    if (!this.parsed) {
      const lineCounter = new LineCounter();
      this.parsed = { document: parseDocument(this.text, { ...PARSE_OPTIONS, lineCounter }), lineCounter };
    }
    return this.parsed;
  }

  get document(): Document.Parsed {
    return this.tree().document;
  }

  get lineCounter(): LineCounter {
    return this.tree().lineCounter;
  }
}

/** Spec files are a few kilobytes; anything this large is a mistake or an attack, and parsing it would stall CI. */
export const MAX_SPEC_FILE_CHARS = 8 * 1024 * 1024;
/** Specs nest about a dozen levels deep; a limit keeps every later stage safe from stack exhaustion. */
export const MAX_NESTING_DEPTH = 64;
/** More aliases than this expand exponentially ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
const MAX_SYNTAX_ERRORS_PER_FILE = 3;

const PLAIN_DATA_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((tag) => `tag:yaml.org,2002:${tag}`),
);

const SYNTAX_HINTS: Partial<Record<ErrorCode, string>> = {
  TAB_AS_INDENT: 'indent with spaces: YAML does not allow tabs for indentation',
  MISSING_CHAR: 'add the missing character: a closing quote or bracket, or a comma or colon between items',
  BAD_INDENT: 'align the entries of one mapping or list at the same column, using spaces',
  // The parser reports both where the value (or key) starts that the next line wrongly continues.
  BLOCK_AS_IMPLICIT_KEY:
    'check the indentation and colons of this line and the next: a "key: value" line indented under a value is read as part of it',
  MULTILINE_IMPLICIT_KEY:
    'check the indentation and colons of this line and the next: a key must fit on one line and end with a colon',
  DUPLICATE_KEY: 'remove one of the two entries; YAML would silently keep only the last one',
  MULTIPLE_DOCS: 'keep one spec per file: remove the --- separator and what follows, or move it into its own file',
  KEY_OVER_1024_CHARS: 'a key must be shorter than 1024 characters: check for a missing colon or line break',
  RESOURCE_EXHAUSTION: `nest at most ${MAX_NESTING_DEPTH} levels deep`,
  BAD_DQ_ESCAPE: 'fix the escape sequence in the double-quoted string, or use single quotes',
  UNEXPECTED_TOKEN: 'check for a stray character or a missing colon; quote values that start with a special character',
  BAD_SCALAR_START: 'quote values that start with a special character (@, `, %, |, >)',
  BLOCK_IN_FLOW: 'inside [ ] or { } keep to the flow syntax, or switch to indented block style',
  NON_STRING_KEY: 'use plain text keys',
  BAD_ALIAS: 'define the anchor (&name) before using the alias (*name)',
};

// C0/C1 control characters other than tab, LF, CR and NEL; U+FFFD, U+FFFE, U+FFFF; lone surrogates.
const FORBIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function positionOfIndex(text: string, index: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let cursor = text.indexOf('\n'); cursor >= 0 && cursor < index; cursor = text.indexOf('\n', cursor + 1)) {
    line += 1;
    lineStart = cursor + 1;
  }
  return { line, col: index - lineStart + 1 };
}

function describeForbiddenCharacter(character: string): { message: string; hint: string } {
  if (character === '\uFFFD' || /[\uD800-\uDFFF]/.test(character)) {
    return {
      message: 'the file is not valid UTF-8: these bytes could not be decoded',
      hint: 'save the file as UTF-8',
    };
  }
  const code = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (character === '\u0000') {
    return {
      message: `the file contains a NUL byte (${code}); it looks binary`,
      hint: 'a spec is a UTF-8 text file: check the path',
    };
  }
  return {
    message: `the file contains the control character ${code}`,
    hint: 'remove it; YAML allows only printable characters (write escapes like \\t inside double quotes)',
  };
}

/**
 * Parses one YAML spec file. Never throws: every problem (syntax, aliases, encoding, size,
 * nesting, a document that is not a mapping) comes back as an Issue with file:line:col.
 */
export function parseSpecFile(
  file: string,
  content: string,
  expected: string,
): { document?: SpecDocument; issues: Issue[] } {
  const issues: Issue[] = [];
  if (content.length > MAX_SPEC_FILE_CHARS) {
    const megabytes = (content.length / 1024 / 1024).toFixed(1);
    issues.push(
      makeIssue(
        'error',
        'io',
        `the file is too large to be a spec (${megabytes} MB; the limit is ${MAX_SPEC_FILE_CHARS / 1024 / 1024} MB)`,
        {
          file,
          hint: 'check that serviceFiles in twinform.yaml matches only spec files',
        },
      ),
    );
    return { issues };
  }
  let text = content;
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    issues.push(
      makeIssue('warning', 'syntax', 'the file starts with a byte order mark (BOM); it is ignored', {
        file,
        line: 1,
        col: 1,
        hint: 'save the file as UTF-8 without BOM',
      }),
    );
  }
  const forbidden = FORBIDDEN_CHARACTER.exec(text);
  if (forbidden) {
    const { message, hint } = describeForbiddenCharacter(forbidden[0]);
    issues.push(makeIssue('error', 'syntax', message, { file, ...positionOfIndex(text, forbidden.index), hint }));
    return { issues };
  }

  // Almost every spec is simple YAML that the fast reader handles; it gives up on anything else.
  const simple = parseSimpleYaml(text);
  if (simple && typeof simple.value === 'object' && simple.value !== null && !Array.isArray(simple.value)) {
    return { document: new LazySpecDocument(file, text, simple.value), issues };
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  const at = (offset: number): Position => lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
  // The first error is usually the cause; repeats of a code or a position are consequences.
  const seenCodes = new Set<ErrorCode>();
  const seenOffsets = new Set<number>();
  for (const error of document.errors) {
    if (seenCodes.has(error.code) || seenOffsets.has(error.pos[0]) || seenCodes.size >= MAX_SYNTAX_ERRORS_PER_FILE)
      continue;
    seenCodes.add(error.code);
    seenOffsets.add(error.pos[0]);
    // An unclosed quote swallows the rest of the file, so the parser notices it at the end; the
    // person needs the quote that was opened.
    const quote = isUnclosedQuote(error) ? unclosedQuoteOffset(text, error.pos[0]) : undefined;
    issues.push(syntaxIssue(file, text, document, error, at(quote ?? error.pos[0]), quote !== undefined));
  }
  if (document.errors.length > 0) return { issues };

  const structural = checkStructure(document, file, text, at);
  if (structural) {
    issues.push(structural);
    return { issues };
  }

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const position = at(firstAliasOffset(document) ?? 0);
    const reason = error instanceof Error ? error.message : String(error);
    const excessive = /excessive alias/i.test(reason);
    const unresolved = /^Unresolved alias/i.test(reason);
    issues.push(
      makeIssue(
        'error',
        'syntax',
        excessive
          ? 'the YAML aliases expand to an excessive size (an alias bomb?)'
          : `the YAML cannot be read: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`,
        {
          file,
          ...position,
          hint: unresolved
            ? 'define the anchor (&name) before the alias (*name), or write the value out'
            : 'write the values out instead of using anchors (&) and aliases (*)',
        },
      ),
    );
    return { issues };
  }

  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    const found =
      value === null || value === undefined ? 'nothing' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    const position = document.contents?.range ? at(document.contents.range[0]) : { line: 1, col: 1 };
    issues.push(
      makeIssue('error', 'invalid-value', `expected ${expected} (a mapping of fields), found ${found}`, {
        file,
        ...position,
        pointer: '',
        hint:
          value === null || value === undefined
            ? 'the file is empty: write the spec into it'
            : 'write "field: value" lines at the top level',
      }),
    );
    return { issues };
  }
  return { document: { file, text, document, lineCounter, value }, issues };
}

const isUnclosedQuote = (error: YAMLError): boolean => error.code === 'MISSING_CHAR' && /quote/i.test(error.message);

/** Tokens the lexer adds that are not in the text (document start, scalar marker, flow error end). */
const LEXER_MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

/** Offset of the quote that opens the quoted string running into `errorOffset`, if one does. */
function unclosedQuoteOffset(text: string, errorOffset: number): number | undefined {
  let offset = 0;
  let opening: number | undefined;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && LEXER_MARKERS.has(token)) continue;
    if (
      (token.startsWith('"') || token.startsWith("'")) &&
      offset <= errorOffset &&
      offset + token.length >= errorOffset
    ) {
      opening = offset;
    }
    offset += token.length;
  }
  return opening;
}

function syntaxIssue(
  file: string,
  text: string,
  document: Document.Parsed,
  error: YAMLError,
  position: Position,
  atOpeningQuote = false,
): Issue {
  const firstLine = error.message.split('\n')[0] as string;
  let message = `YAML syntax: ${firstLine.charAt(0).toLowerCase()}${firstLine.slice(1)}`;
  if (atOpeningQuote) {
    const quote = firstLine.includes("'quote") ? "'" : '"';
    message = `YAML syntax: the ${quote}quoted string that starts here is never closed`;
    return makeIssue('error', 'syntax', message, {
      file,
      ...position,
      hint: `add the closing ${quote} on this line (as written, the rest of the file is read as part of the string)`,
    });
  }
  if (error.code === 'DUPLICATE_KEY') {
    const duplicate = duplicateKeyAt(document, error.pos[0]);
    if (duplicate) {
      const first = positionOfIndex(text, duplicate.firstOffset);
      message = `duplicate key '${duplicate.key}' (first defined at line ${first.line}, col ${first.col})`;
    }
  }
  if (error.code === 'RESOURCE_EXHAUSTION') message = 'the document nests too deeply to be read';
  const hint = syntaxHint(error.code, firstLine);
  return makeIssue('error', 'syntax', message, hint ? { file, ...position, hint } : { file, ...position });
}

/** The parser uses one code for several situations; its message tells them apart. */
function syntaxHint(code: ErrorCode, message: string): string | undefined {
  if (/without - indicator/.test(message)) return "start every list item with '- ' at the same column";
  if (/flow (sequence|map|collection)/i.test(message) && /end with a/.test(message)) {
    return 'close the bracket: [ needs ], { needs } (or write the list or mapping in indented block style)';
  }
  if (/quote/i.test(message) && code === 'MISSING_CHAR') return 'close the quote opened before this point';
  return SYNTAX_HINTS[code];
}

const keyText = (key: unknown): string => (isScalar(key) ? String(key.value) : String(key));

function duplicateKeyAt(document: Document.Parsed, offset: number): { key: string; firstOffset: number } | undefined {
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const index = node.items.findIndex((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset);
      if (index >= 0) {
        const key = keyText(node.items[index]?.key);
        const first = node.items.find((pair) => keyText(pair.key) === key);
        const firstOffset = isScalar(first?.key) ? (first.key.range?.[0] ?? offset) : offset;
        return { key, firstOffset };
      }
      for (const pair of node.items) stack.push(pair.value);
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return undefined;
}

/** Tags, complex keys and nesting depth, checked without recursion so hostile input cannot exhaust the stack. */
function checkStructure(
  document: Document.Parsed,
  file: string,
  text: string,
  at: (offset: number) => Position,
): Issue | undefined {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: document.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (!node || isAlias(node)) continue;
    const yamlNode = node as Node;
    const offset = yamlNode.range?.[0] ?? 0;
    if (yamlNode.tag !== undefined && !PLAIN_DATA_TAGS.has(yamlNode.tag)) {
      return makeIssue(
        'error',
        'invalid-value',
        `the YAML tag ${yamlNode.tag.replace('tag:yaml.org,2002:', '!!')} is not supported`,
        {
          file,
          ...at(tagOffset(text, offset)),
          hint: 'remove the tag: a spec holds plain strings, numbers, booleans, lists and mappings',
        },
      );
    }
    if (depth > MAX_NESTING_DEPTH) {
      return makeIssue('error', 'invalid-value', `the document nests more than ${MAX_NESTING_DEPTH} levels deep`, {
        file,
        ...at(offset),
        hint: 'a spec needs only a few levels: check the indentation',
      });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (pair.key !== null && !isScalar(pair.key)) {
          const keyOffset = (pair.key as Node).range?.[0] ?? offset;
          return makeIssue('error', 'invalid-value', 'a mapping key is itself a list or mapping', {
            file,
            ...at(keyOffset),
            hint: 'use plain text keys',
          });
        }
        stack.push({ node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Nodes know where their value starts; the tag written before it is what the user needs to find. */
function tagOffset(text: string, valueOffset: number): number {
  let start = text.lastIndexOf('!', valueOffset);
  if (start < 0 || text.slice(start, valueOffset).includes('\n')) return valueOffset;
  while (start > 0 && text[start - 1] === '!') start -= 1;
  return start;
}

function firstAliasOffset(document: Document.Parsed): number | undefined {
  let first: number | undefined;
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const offset = node.range?.[0];
      if (offset !== undefined && (first === undefined || offset < first)) first = offset;
    } else if (isMap(node)) {
      for (const pair of node.items) stack.push(pair.value);
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return first;
}

export interface Located {
  position: Position;
  /** The text of the value as written (for hints like "put it in quotes"). */
  sourceText?: string;
  /** How many path segments exist in the document (less than the path length when it stops early). */
  depth: number;
}

/**
 * Where a value (or its key) is written. Stops at the deepest part of the path that exists, so a
 * missing field points at the object that should hold it.
 */
export function locate(spec: SpecDocument, path: readonly PathSegment[], target: 'key' | 'value' = 'value'): Located {
  const { document, lineCounter } = spec;
  let node: unknown = document.contents;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(document);
    if (isMap(node)) {
      const pair = node.items.find((candidate) => keyText(candidate.key) === String(segment));
      if (!pair) break;
      keyNode = isScalar(pair.key) ? pair.key : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      break;
    }
    depth += 1;
  }
  const valueRange = (node as Node | null)?.range;
  const valueIsEmpty = !valueRange || valueRange[0] === valueRange[1];
  const useKey = keyNode?.range && (target === 'key' || depth < path.length || valueIsEmpty);
  const offset = useKey ? (keyNode?.range?.[0] ?? 0) : (valueRange?.[0] ?? 0);
  const located: Located = { position: lineCounter.linePos(offset), depth };
  if (valueRange && !valueIsEmpty && depth === path.length)
    located.sourceText = spec.text.slice(valueRange[0], valueRange[1]);
  return located;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `ports[0].expose`, `env.API_URL`, `labels["app.kubernetes.io/name"]`. */
export function readablePath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

export function toPointer(path: readonly PathSegment[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Splits an ajv instancePath into segments, turning list indexes into numbers by looking at the data. */
export function fromPointer(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current =
        current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}
