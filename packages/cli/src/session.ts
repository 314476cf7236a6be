import { hasErrors, type Issue } from '@twinform/spec';
import { printIssues, printJson, type CliContext } from './context';
import { DiskProjectSource } from './disk-source';
import { locateProject } from './project';

export type OpenedProject = { ok: true; root: string; source: DiskProjectSource } | { ok: false; issues: Issue[] };

/** Finds the project (cwd upward, or --root) and a source confined to it. */
export function openProject(context: CliContext): OpenedProject {
  const location = locateProject(context.io.cwd, context.options.root);
  if (!location.ok) return { ok: false, issues: [location.issue] };
  const source = new DiskProjectSource(location.root);
  return { ok: true, root: source.root, source };
}

/**
 * Reports issues the way every command does: with --json, the command's JSON object (which
 * carries the issues); otherwise issues on stderr. Returns the exit code they imply.
 */
export function reportIssues(context: CliContext, issues: readonly Issue[], json: () => object): number {
  if (context.options.json) printJson(context, json());
  else printIssues(context, issues);
  return hasErrors(issues) ? 1 : 0;
}

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
