import { Parser } from 'yaml';
import { makeIssue, type Issue } from '@twinform/spec';

/**
 * Manifests of a whole application stay far below this; a larger file is a mistake (a log, a
 * dump) or an attack, and reading it would take the memory and minutes a CI job does not have.
 */
export const MAX_MANIFEST_CHARS = 8 * 1024 * 1024;

/** Kubernetes objects nest about a dozen levels; deeper documents would exhaust the parser's stack. */
export const MAX_MANIFEST_DEPTH = 64;

const megabytes = (chars: number): string => (chars / 1024 / 1024).toFixed(1);

/** The error for a manifest file over the size limit (the CLI checks the size before reading it). */
export function manifestTooLarge(path: string, chars: number): Issue {
  return makeIssue(
    'error',
    'io',
    `${path} is too large to import (${megabytes(chars)} MB; the limit is ${megabytes(MAX_MANIFEST_CHARS)} MB per file)`,
    {
      file: path,
      hint: 'pass the manifest files themselves (split a large stream into files, or leave out CRD bundles and data dumps)',
    },
  );
}

// C0/C1 control characters other than tab, LF, CR and NEL; U+FFFD (undecodable bytes); lone surrogates.
const FORBIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Line and column (1-based) of an offset, counted without building a line table. */
export function offsetPosition(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let cursor = text.indexOf('\n'); cursor >= 0 && cursor < offset; cursor = text.indexOf('\n', cursor + 1)) {
    line += 1;
    lineStart = cursor + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/** CST nodes that open a level of nesting. */
const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

interface CstNode {
  type?: string;
  offset?: number;
  value?: unknown;
  items?: Array<{ key?: unknown; value?: unknown }>;
}

/**
 * Offset of the first collection nested deeper than the limit, found on the concrete syntax tree
 * (the yaml package's stack-based parser) without recursion, so the check itself cannot overflow.
 */
function deepestOffset(text: string): number | undefined {
  for (const token of new Parser().parse(text)) {
    const stack: Array<{ node: unknown; depth: number }> = [{ node: token, depth: 0 }];
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      if (node === null || typeof node !== 'object') continue;
      const cst = node as CstNode;
      let level = depth;
      if (cst.type !== undefined && COLLECTIONS.has(cst.type)) {
        level += 1;
        if (level > MAX_MANIFEST_DEPTH) return cst.offset ?? 0;
      }
      if (cst.type === 'document') stack.push({ node: cst.value, depth: level });
      for (const item of Array.isArray(cst.items) ? cst.items : []) {
        if (item.key !== undefined) stack.push({ node: item.key, depth: level });
        if (item.value !== undefined) stack.push({ node: item.value, depth: level });
      }
    }
  }
  return undefined;
}

/**
 * Problems found before the YAML parser runs: a file over the size limit, bytes that are not
 * UTF-8 or control characters, and nesting deep enough to exhaust the parser. undefined = fine.
 */
export function screenManifest(path: string, content: string): Issue | undefined {
  if (content.length > MAX_MANIFEST_CHARS) return manifestTooLarge(path, content.length);
  const forbidden = FORBIDDEN_CHARACTER.exec(content);
  if (forbidden) {
    const character = forbidden[0];
    const undecodable = character === '\uFFFD' || /[\uD800-\uDFFF]/.test(character);
    const code = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return makeIssue(
      'error',
      'syntax',
      undecodable
        ? 'the file is not valid UTF-8: these bytes cannot be decoded; nothing of it was imported'
        : `the file contains the control character ${code}; nothing of it was imported`,
      {
        file: path,
        ...offsetPosition(content, forbidden.index),
        hint: undecodable
          ? 'save the file as UTF-8 (kubectl rejects other encodings too)'
          : 'remove it; write escapes like \\t inside double quotes',
      },
    );
  }
  const deep = deepestOffset(content);
  if (deep !== undefined) {
    return makeIssue(
      'error',
      'syntax',
      `the document nests more than ${MAX_MANIFEST_DEPTH} levels deep; nothing of the file was imported`,
      {
        file: path,
        ...offsetPosition(content, deep),
        hint: 'Kubernetes objects nest about a dozen levels: check the brackets and the indentation',
      },
    );
  }
  return undefined;
}
