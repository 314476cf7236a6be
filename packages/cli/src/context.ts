import { createColors } from 'picocolors';
import { formatLocation, sortIssues, type Issue } from '@twinform/spec';

export type Colors = ReturnType<typeof createColors>;

/** Where the CLI talks to the world; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Whether stdout is a terminal (colors default to on only there). */
  isTTY: boolean;
}

/** Flags every command accepts. */
export interface GlobalOptions {
  root?: string;
  json: boolean;
  quiet: boolean;
  /** false with --no-color. */
  color: boolean;
}

export interface CliContext {
  io: CliIo;
  options: GlobalOptions;
  colorEnabled: boolean;
  colors: Colors;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
  };
}

/** --no-color and NO_COLOR (https://no-color.org) win; FORCE_COLOR forces; else only on a terminal. */
export function colorWanted(options: Pick<GlobalOptions, 'color'>, io: CliIo): boolean {
  if (options.color === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY && io.env.TERM !== 'dumb';
}

export function createContext(options: GlobalOptions, io: CliIo): CliContext {
  const colorEnabled = colorWanted(options, io);
  return { io, options, colorEnabled, colors: createColors(colorEnabled) };
}

export function formatIssue(issue: Issue, colors: Colors): string {
  const location = formatLocation(issue) || 'gen';
  const severity =
    issue.severity === 'error'
      ? colors.red('error')
      : issue.severity === 'warning'
        ? colors.yellow('warning')
        : colors.blue('info');
  const lines = [`${colors.bold(location)}: ${severity}: ${issue.message}`];
  if (issue.hint) lines.push(`  ${colors.dim('hint:')} ${issue.hint}`);
  return `${lines.join('\n')}\n`;
}

/** Errors always go to stderr; warnings and notes too, unless --quiet. */
export function printIssues(context: CliContext, issues: readonly Issue[]): void {
  for (const issue of sortIssues(issues)) {
    if (issue.severity !== 'error' && context.options.quiet) continue;
    context.io.err(formatIssue(issue, context.colors));
  }
}

export function printJson(context: CliContext, value: unknown): void {
  context.io.out(`${JSON.stringify(value, null, 2)}\n`);
}
