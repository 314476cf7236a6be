import { interpolate } from './interpolate';
import type { VariableLookup } from './interpolate';
import { emptyRecord } from '@twinform/spec';

/**
 * The .env / env_file format compose reads: KEY=VALUE lines, optional `export `, comments,
 * single-quoted (literal), double-quoted (escapes, multi-line, interpolation) and unquoted
 * (trimmed, ` #` starts a comment, interpolation) values. A bare KEY takes its value from the
 * lookup (the shell environment) when it has one.
 */
export interface DotenvEntry {
  name: string;
  /** undefined: a bare KEY with nothing in the environment. */
  value?: string;
  line: number;
  /** Last line of the entry (a quoted value may span lines). */
  endLine: number;
  /** The value referenced other variables (it depends on the environment it is read in). */
  interpolated: boolean;
}

export interface DotenvProblem {
  line: number;
  message: string;
}

export interface DotenvResult {
  entries: DotenvEntry[];
  problems: DotenvProblem[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*/;

export function parseDotenv(content: string, lookup: VariableLookup = () => undefined): DotenvResult {
  const entries: DotenvEntry[] = [];
  const problems: DotenvProblem[] = [];
  const own = new Map<string, string>();
  const resolve: VariableLookup = (name) => own.get(name) ?? lookup(name);
  const text = content.replace(/\r\n?/g, '\n');
  let offset = 0;
  let line = 1;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    const rawLine = text.slice(offset, end < 0 ? text.length : end);
    const startLine = line;
    offset = end < 0 ? text.length : end + 1;
    line += 1;
    let rest = rawLine.trimStart();
    if (rest === '' || rest.startsWith('#')) continue;
    if (rest.startsWith('export ')) rest = rest.slice('export '.length).trimStart();
    const key = KEY.exec(rest)?.[0];
    if (!key) {
      problems.push({ line: startLine, message: `"${rawLine.trim()}" is not a KEY=VALUE line` });
      continue;
    }
    rest = rest.slice(key.length).trimStart();
    if (rest === '' || rest.startsWith('#')) {
      const fromEnvironment = lookup(key);
      const bare: DotenvEntry = { name: key, line: startLine, endLine: startLine, interpolated: false };
      if (fromEnvironment !== undefined) bare.value = fromEnvironment;
      entries.push(bare);
      continue;
    }
    if (rest[0] !== '=' && rest[0] !== ':') {
      problems.push({ line: startLine, message: `expected "=" after ${key}` });
      continue;
    }
    rest = rest.slice(1).trimStart();
    let value: string;
    let interpolated = false;
    const quote = rest[0];
    if (quote === "'" || quote === '"') {
      // A quoted value may span lines: collect until the closing quote.
      let body = rest.slice(1);
      let close = findClosingQuote(body, quote);
      while (close < 0 && offset < text.length) {
        const nextEnd = text.indexOf('\n', offset);
        body += '\n' + text.slice(offset, nextEnd < 0 ? text.length : nextEnd);
        offset = nextEnd < 0 ? text.length : nextEnd + 1;
        line += 1;
        close = findClosingQuote(body, quote);
      }
      if (close < 0) {
        problems.push({
          line: startLine,
          message: `the ${quote === '"' ? 'double' : 'single'} quote of ${key} is never closed`,
        });
        continue;
      }
      const inner = body.slice(0, close);
      if (quote === "'") {
        value = inner;
      } else {
        const unescaped = inner.replace(/\\([\\"nrt$])/g, (_match, char: string) =>
          char === 'n' ? '\n' : char === 'r' ? '\r' : char === 't' ? '\t' : char === '$' ? '$$' : char,
        );
        const expanded = expand(unescaped, resolve, startLine, problems);
        value = expanded.value;
        interpolated = expanded.interpolated;
      }
    } else {
      const comment = rest.search(/\s#/);
      const unquoted = (comment >= 0 ? rest.slice(0, comment) : rest).trim();
      const expanded = expand(unquoted, resolve, startLine, problems);
      value = expanded.value;
      interpolated = expanded.interpolated;
    }
    own.set(key, value);
    entries.push({ name: key, value, line: startLine, endLine: line - 1, interpolated });
  }
  return { entries, problems };
}

function findClosingQuote(body: string, quote: string): number {
  for (let index = 0; index < body.length; index += 1) {
    if (quote === '"' && body[index] === '\\') {
      index += 1;
      continue;
    }
    if (body[index] === quote) return index;
  }
  return -1;
}

function expand(
  value: string,
  lookup: VariableLookup,
  line: number,
  problems: DotenvProblem[],
): { value: string; interpolated: boolean } {
  if (!value.includes('$')) return { value, interpolated: false };
  const result = interpolate(value, lookup);
  if (result.problem) {
    problems.push({ line, message: result.problem.message });
    return { value, interpolated: false };
  }
  return { value: result.value, interpolated: /\$(?!\$)/.test(value.replace(/\$\$/g, '')) };
}

/** name → value of the entries that have a value (later lines win). */
export function dotenvValues(result: DotenvResult): Record<string, string> {
  const values = emptyRecord<string>();
  for (const item of result.entries) if (item.value !== undefined) values[item.name] = item.value;
  return values;
}
