import type { DriftFile, DriftOperation, DriftReport, DriftStatus } from './diff';

export interface RenderOptions {
  /** ANSI colors (the caller decides: TTY, --no-color, NO_COLOR). */
  color: boolean;
  /** Operations shown per file before the rest are summarized; the JSON report always has all. */
  maxOperationsPerFile?: number;
  /** How users regenerate, named in the advice. Default `npx gen`. */
  regenerateCommand?: string;
}

type Paint = (text: string) => string;

function palette(color: boolean): Record<'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'magenta', Paint> {
  const style =
    (open: number, close: number): Paint =>
    (text) =>
      color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: style(1, 22),
    dim: style(2, 22),
    red: style(31, 39),
    green: style(32, 39),
    yellow: style(33, 39),
    magenta: style(35, 39),
  };
}

const MAX_VALUE_LENGTH = 100;

/** A value as it reads in YAML terms; strings keep their quotes so "3001" and 3001 stay distinguishable. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

const CONTEXT_BEFORE = 30;

/** A window of a long string around the first difference, quoted, with '…' where it was cut. */
function excerpt(text: string | undefined, start: number): string {
  if (text === undefined) return '(absent)';
  const end = start + MAX_VALUE_LENGTH - 2;
  const window = JSON.stringify(text.slice(start, end));
  return `${start > 0 ? '…' : ''}${window}${end < text.length ? '…' : ''}`;
}

/**
 * Old and new value as two short texts. Long or multi-line strings (scripts, config file contents)
 * are shown at their first differing line, around the first differing character, so the change is
 * visible instead of truncated away.
 */
export function describeChange(committed: unknown, generated: unknown): [string, string, string] {
  const long = (value: string): boolean => value.includes('\n') || value.length > MAX_VALUE_LENGTH;
  if (typeof committed !== 'string' || typeof generated !== 'string' || (!long(committed) && !long(generated))) {
    return ['', formatValue(committed), formatValue(generated)];
  }
  const before = committed.split('\n');
  const after = generated.split('\n');
  let line = 0;
  while (line < before.length && line < after.length && before[line] === after[line]) line += 1;
  const left = before[line];
  const right = after[line];
  let column = 0;
  while (left !== undefined && right !== undefined && column < left.length && left[column] === right[column])
    column += 1;
  const fits = (text: string | undefined): boolean => (text ?? '').length <= MAX_VALUE_LENGTH - 2;
  const start = fits(left) && fits(right) ? 0 : Math.max(0, column - CONTEXT_BEFORE);
  const where = before.length > 1 || after.length > 1 ? `text line ${line + 1}: ` : '';
  return [where, excerpt(left, start), excerpt(right, start)];
}

function describeStatus(status: DriftStatus, regenerate: string): string {
  switch (status) {
    case 'changed':
      return `spec changed, output out of date (run \`${regenerate}\` to update it)`;
    case 'edited-by-hand':
      return 'edited by hand (run `gen adopt` to keep the edit in the spec, or `gen --force` to discard it)';
    case 'missing':
      return `missing (run \`${regenerate}\` to create it)`;
    case 'stale':
      return `stale: the spec no longer produces this generated file (run \`${regenerate}\` to delete it)`;
    case 'ok':
      return 'current';
  }
}

function renderOperation(operation: DriftOperation, paint: ReturnType<typeof palette>): string {
  const where = operation.line === undefined ? '' : paint.dim(`line ${operation.line}: `);
  const symbol = operation.op === 'add' ? '+' : operation.op === 'remove' ? '-' : '~';
  const [within, committed, generated] = describeChange(operation.committed, operation.generated);
  return `  ${where}${symbol} ${operation.path}: ${within}${paint.red(committed)} → ${paint.green(generated)}`;
}

const byLine = (a: DriftOperation, b: DriftOperation): number => (a.line ?? 0) - (b.line ?? 0);

function renderFile(file: DriftFile, options: Required<RenderOptions>, paint: ReturnType<typeof palette>): string[] {
  const statusColor = file.status === 'changed' ? paint.yellow : file.status === 'stale' ? paint.magenta : paint.red;
  const lines = [`${paint.bold(file.path)}: ${statusColor(describeStatus(file.status, options.regenerateCommand))}`];
  if (file.note) lines.push(`  ${file.note}`);
  const operations = [...(file.operations ?? [])].sort(byLine);
  for (const operation of operations.slice(0, options.maxOperationsPerFile))
    lines.push(renderOperation(operation, paint));
  const hidden = operations.length - options.maxOperationsPerFile;
  if (hidden > 0)
    lines.push(paint.dim(`  … and ${hidden} more change${hidden === 1 ? '' : 's'} (the JSON report lists all)`));
  return lines;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The human form of a drift report; the JSON form is the report object itself. */
export function renderDriftReport(report: DriftReport, options: RenderOptions): string {
  const settings: Required<RenderOptions> = {
    maxOperationsPerFile: 20,
    regenerateCommand: 'npx gen',
    ...options,
  };
  const paint = palette(settings.color);
  const expectedCount = report.files.filter((file) => file.status !== 'stale').length;
  if (report.clean) return `${paint.green('✓')} ${plural(expectedCount, 'generated file')} up to date\n`;

  const drifted = report.files.filter((file) => file.status !== 'ok');
  const lines: string[] = [];
  if (drifted.some((file) => file.operations && file.operations.length > 0)) {
    lines.push(paint.dim('values are shown as committed → generated'), '');
  }
  for (const file of drifted) lines.push(...renderFile(file, settings, paint));

  const count = (status: DriftStatus): number => drifted.filter((file) => file.status === status).length;
  const parts = [
    [count('changed'), 'out of date'],
    [count('edited-by-hand'), 'edited by hand'],
    [count('missing'), 'missing'],
    [count('stale'), 'stale'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, label]) => `${n} ${label}`);
  lines.push(
    '',
    `${paint.red('✗')} ${plural(drifted.length, 'file')} ${drifted.length === 1 ? 'differs' : 'differ'} from the spec: ${parts.join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
}
