/**
 * Where the loader reads a project from. Paths are project-relative with '/' separators; the
 * CLI implements this on disk (refusing paths outside the root), tests and tools in memory.
 */
export type ReadFileResult =
  | { ok: true; content: string }
  /** `hint`: what to do, when the source knows better than "create it" (e.g. a link out of the project). */
  | { ok: false; reason: string; hint?: string };

/** An entry a glob pattern reaches that the source does not follow (a symbolic link), and why. */
export interface RefusedGlobEntry {
  /** Project-relative path of the entry. */
  path: string;
  /** What the entry is and where it leads, as one sentence. */
  reason: string;
  hint: string;
  /**
   * true when the entry may hide a spec (a link out of the project, or to nothing): the project
   * cannot be loaded as the user meant it. false when it is merely skipped.
   */
  blocking: boolean;
}

export interface GlobResult {
  files: string[];
  refused: RefusedGlobEntry[];
}

export interface ProjectSource {
  readFile(path: string): ReadFileResult;
  /** Project-relative paths of the files matching any of the patterns. */
  glob(patterns: readonly string[]): string[];
  /**
   * glob, plus the entries the patterns reach but glob leaves out, so the loader can say why a
   * service is missing instead of silently loading fewer. Sources without links need not have it.
   */
  globWithRefusals?(patterns: readonly string[]): GlobResult;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^$()|\\]/g, '\\$&');
}

/** Converts a glob (`*`, `**`, `?`, `[...]`, `{a,b}`) to an anchored regular expression over '/' paths. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let index = 0;
  let braces = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        const slashAfter = pattern[index + 2] === '/';
        source += slashAfter ? '(?:[^/]*/)*' : '.*';
        index += slashAfter ? 3 : 2;
        continue;
      }
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const end = pattern.indexOf(']', index + 1);
      if (end < 0) {
        source += '\\[';
      } else {
        const body = pattern
          .slice(index + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        index = end;
      }
    } else if (char === '{') {
      braces += 1;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces -= 1;
      source += ')';
    } else if (char === ',' && braces > 0) {
      source += '|';
    } else {
      source += escapeRegExp(char);
    }
    index += 1;
  }
  return new RegExp(`^${source}${')'.repeat(braces)}$`);
}

/** A ProjectSource over a map of path → content, for tests and for tools that hold files in memory. */
export function createMemorySource(files: Readonly<Record<string, string>>): ProjectSource {
  return {
    readFile(path) {
      return Object.prototype.hasOwnProperty.call(files, path)
        ? { ok: true, content: files[path] as string }
        : { ok: false, reason: 'no such file' };
    },
    glob(patterns) {
      const expressions = patterns.map(globToRegExp);
      return Object.keys(files)
        .filter((path) => expressions.some((expression) => expression.test(path)))
        .sort();
    },
  };
}
