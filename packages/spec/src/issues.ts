/**
 * The small vocabulary every stage reports problems in. Issues are data: nothing in the core
 * throws for bad input; the CLI decides what an error means for the exit code.
 */
export type IssueSeverity = 'error' | 'warning' | 'info';

export type IssueCode =
  /** The file is not valid YAML/JSON. */
  | 'syntax'
  /** A field the schema does not know (often a typo). */
  | 'unknown-field'
  /** A value of the wrong type or outside the allowed values. */
  | 'invalid-value'
  /** A required field is missing. */
  | 'missing-field'
  /** Two things that must be unique share a name or value. */
  | 'duplicate'
  /** A reference (service, port, secret, config, file) points at nothing. */
  | 'unresolved-reference'
  /** Dependencies form a cycle. */
  | 'cycle'
  /** A file could not be read or written, or a path leaves the project. */
  | 'io'
  /** Input that cannot be represented (import), or output that a target cannot express. */
  | 'loss'
  /** A risky but legal choice (e.g. a secret-looking literal). */
  | 'advice';

export interface SourcePosition {
  /** Path relative to the project root, with '/' separators. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

export interface Issue {
  severity: IssueSeverity;
  code: IssueCode;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it (did-you-mean, the expected form). */
  hint?: string;
  /** Project-relative file the issue is about. */
  file?: string;
  line?: number;
  col?: number;
  /** JSON pointer into the document of `file`. */
  pointer?: string;
}

export function makeIssue(
  severity: IssueSeverity,
  code: IssueCode,
  message: string,
  extra: Omit<Issue, 'severity' | 'code' | 'message'> = {},
): Issue {
  return { severity, code, message, ...extra };
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((issue) => issue.severity === 'error');

/** `file:line:col` (or as much of it as is known). */
export function formatLocation(issue: Pick<Issue, 'file' | 'line' | 'col'>): string {
  if (!issue.file) return '';
  if (issue.line === undefined) return issue.file;
  return `${issue.file}:${issue.line}:${issue.col ?? 1}`;
}

/** By UTF-16 code units: the same order on every machine (localeCompare follows the locale, and its first call costs milliseconds). */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Stable order: by file, line, column, then message; so reports are deterministic. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      compareText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      compareText(a.message, b.message),
  );
}
