import type { Argv } from 'yargs';
import { hasErrors, makeIssue, type Issue, type ProjectSettings } from '@twinform/spec';
import { printIssues, printJson, type CliContext, type GlobalOptions } from '../context';
import { defaultStages, runPipeline, type PipelineStages } from '../pipeline';
import { openProject, plural } from '../session';
import {
  applyPlan,
  FOREIGN_FILE_ADVICE,
  HAND_EDIT_ADVICE,
  isRefused,
  planWrites,
  refusalIssues,
  WriteFailure,
  type WritePlan,
} from '../writer';
import { managedFiles } from '../managed';

export interface GenerateOptions {
  force: boolean;
  /** Keep running: regenerate whenever a spec file changes (see ../watch.ts). */
  watch?: boolean;
}

export function builder(yargs: Argv<GlobalOptions>): Argv<GlobalOptions & GenerateOptions> {
  return yargs
    .option('force', {
      type: 'boolean',
      default: false,
      describe:
        'overwrite (or delete) generated files edited by hand, and files at generated paths without the twinform header',
    })
    .option('watch', {
      alias: 'w',
      type: 'boolean',
      default: false,
      describe: 'keep running and regenerate when the spec changes (one line per run; Ctrl-C stops)',
    })
    .example('$0 --watch', 'regenerate on every save of a service.yaml');
}

export interface GenerateSummary {
  written: string[];
  unchanged: string[];
  deleted: string[];
  issues: Issue[];
}

export function handler(args: GlobalOptions & GenerateOptions, context: CliContext): Promise<number> {
  if (args.watch) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { watchAndGenerate } = require('../watch') as typeof import('../watch');
    return watchAndGenerate(args, context, defaultStages());
  }
  return generate(args, context, defaultStages());
}

/** What one run of `gen` did, for the caller to print (`gen` and `gen --watch` word it differently). */
export interface GenerateRun {
  code: number;
  outcome: 'ok' | 'no-project' | 'invalid' | 'refused' | 'write-failed';
  summary: GenerateSummary;
  /** Issues of loading and generating (summary.issues adds the refusals and write failures). */
  pipelineIssues: Issue[];
  plan?: WritePlan;
  /** Present when the spec loaded: watch mode learns the output paths from it. */
  settings?: ProjectSettings;
  root?: string;
}

export async function generate(
  args: GlobalOptions & GenerateOptions,
  context: CliContext,
  stages: PipelineStages,
): Promise<number> {
  const run = await generateOnce(args, stages, context);
  printRunDetails(context, run);
  if (run.outcome === 'invalid' && !context.options.json) context.io.err('gen: nothing was written\n');
  if (run.outcome === 'ok' && !context.options.json && !context.options.quiet) {
    const { written, unchanged, deleted } = run.summary;
    context.io.out(`gen: ${written.length} written, ${unchanged.length} unchanged, ${deleted.length} deleted\n`);
  }
  return run.code;
}

/** Issues, refusals, and with --json the summary object: everything of a run but its closing line. */
export function printRunDetails(context: CliContext, run: GenerateRun): void {
  if (context.options.json) {
    printJson(context, run.summary);
    return;
  }
  printIssues(context, run.outcome === 'write-failed' ? run.summary.issues : run.pipelineIssues);
  if (run.outcome === 'refused' && run.plan) printRefusals(context, run.plan);
}

/** One run of `gen`: find the project, load, generate, plan, write. Prints nothing. */
export async function generateOnce(
  args: Pick<GenerateOptions, 'force'>,
  stages: PipelineStages,
  context: CliContext,
): Promise<GenerateRun> {
  const summary: GenerateSummary = { written: [], unchanged: [], deleted: [], issues: [] };
  const project = openProject(context);
  if (!project.ok) {
    summary.issues = project.issues;
    return { code: 1, outcome: 'no-project', summary, pipelineIssues: project.issues };
  }
  const result = runPipeline(project.source, stages);
  summary.issues = result.issues;
  const run = (code: number, outcome: GenerateRun['outcome']): GenerateRun => {
    const done: GenerateRun = { code, outcome, summary, pipelineIssues: result.issues, root: project.root };
    if (result.settings) done.settings = result.settings;
    return done;
  };
  if (hasErrors(result.issues) || !result.settings) return run(1, 'invalid');

  const plan = planWrites(project.root, result.files, {
    force: args.force,
    managed: managedFiles(project.source, result.settings),
    gitignore: result.gitignore,
  });
  if (isRefused(plan)) {
    summary.issues = [...result.issues, ...refusalIssues(plan)];
    return { ...run(1, 'refused'), plan };
  }

  try {
    await applyPlan(project.root, plan);
  } catch (error) {
    if (!(error instanceof WriteFailure)) throw error;
    const rollback =
      error.rollbackProblems.length === 0
        ? 'nothing was changed'
        : `undoing the other changes failed too: ${error.rollbackProblems.join('; ')}`;
    const failure = makeIssue('error', 'io', `${error.message}; ${rollback}`, {
      hint: 'fix the cause, then run gen again',
    });
    summary.issues = [...result.issues, failure];
    return run(1, 'write-failed');
  }

  summary.written = plan.writes.map((write) => write.path);
  summary.unchanged = plan.unchanged;
  summary.deleted = plan.deletes.map((remove) => remove.path);
  return run(0, 'ok');
}

function printRefusals(context: CliContext, plan: WritePlan): void {
  const { io, colors } = context;
  const list = (paths: readonly string[]): string => paths.map((path) => `  ${path}\n`).join('');
  if (plan.handEdited.length > 0) {
    io.err(
      `gen: ${colors.red('refusing to overwrite')} ${plural(plan.handEdited.length, 'generated file')} edited by hand:\n` +
        list(plan.handEdited) +
        `${HAND_EDIT_ADVICE}\n`,
    );
  }
  if (plan.foreign.length > 0) {
    io.err(
      `gen: ${colors.red('refusing to overwrite')} ${plural(plan.foreign.length, 'file')} that twinform did not generate (no twinform header):\n` +
        list(plan.foreign) +
        `${FOREIGN_FILE_ADVICE}\n`,
    );
  }
  printIssues(context, plan.problems);
  io.err('gen: nothing was written\n');
}
