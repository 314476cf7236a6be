import { relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import {
  diffRenderedFiles,
  formatValue,
  planAdoption,
  type AdoptConflict,
  type AdoptPlan,
  type EditedOutput,
  type OverlayRenderer,
  type SpecOperation,
} from '@twinform/drift';
import {
  globToRegExp,
  hasErrors,
  makeIssue,
  parseGeneratedFile,
  specValidators,
  type Issue,
  type ProjectSource,
  type RenderedFile,
} from '@twinform/spec';
import { printIssues, printJson, type CliContext, type GlobalOptions } from '../context';
import type { DiskProjectSource } from '../disk-source';
import { managedFiles } from '../managed';
import { isInside, toProjectPath } from '../paths';
import { defaultStages, runPipeline, type PipelineStages } from '../pipeline';
import { openProject, plural, reportIssues } from '../session';
import { applyPlan, isRefused, planWrites, refusalIssues, WriteFailure, type WritePlan } from '../writer';
import { kubectlOverlayRenderer } from './kustomize';

export interface AdoptOptions {
  files?: string[];
  dryRun: boolean;
}

export function builder(yargs: Argv<GlobalOptions>): Argv<GlobalOptions & AdoptOptions> {
  return yargs
    .positional('files', {
      type: 'string',
      array: true,
      describe: 'generated files whose hand edits to adopt (default: every generated file edited by hand)',
    })
    .option('dry-run', {
      type: 'boolean',
      default: false,
      describe: 'print the spec patch (RFC 6902 operations per spec file) and write nothing',
    })
    .example('$0 adopt', 'fold every hand edit of docker-compose.yml and k8s/ into the spec, then regenerate')
    .example(
      '$0 adopt docker-compose.yml --dry-run',
      'show the spec change the edit of docker-compose.yml means',
    ) as unknown as Argv<GlobalOptions & AdoptOptions>;
}

/** What adopt needs from the outside world besides the project; tests replace it. */
export interface AdoptDeps {
  renderOverlay?: OverlayRenderer;
}

export interface AdoptOutput {
  dryRun: boolean;
  /** The spec patch: RFC 6902 operations, each with the spec file it applies to and the edit it comes from. */
  operations: SpecOperation[];
  /** Generated files whose hand edits are now in the spec. */
  adopted: string[];
  /** Generated files edited by hand and left as they are (edits not adopted). */
  leftAlone: string[];
  conflicts: AdoptConflict[];
  written: string[];
  deleted: string[];
  issues: Issue[];
}

export function handler(args: GlobalOptions & AdoptOptions, context: CliContext): Promise<number> {
  const renderOverlay = kubectlOverlayRenderer(context.io.env);
  return adopt(args, context, defaultStages(), renderOverlay ? { renderOverlay } : {});
}

const emptyOutput = (dryRun: boolean): AdoptOutput => ({
  dryRun,
  operations: [],
  adopted: [],
  leftAlone: [],
  conflicts: [],
  written: [],
  deleted: [],
  issues: [],
});

export async function adopt(
  args: GlobalOptions & AdoptOptions,
  context: CliContext,
  stages: PipelineStages,
  deps: AdoptDeps,
): Promise<number> {
  const output = emptyOutput(args.dryRun);
  const project = openProject(context);
  if (!project.ok) return reportIssues(context, project.issues, () => ({ ...output, issues: project.issues }));

  const result = runPipeline(project.source, stages);
  if (hasErrors(result.issues) || !result.project || !result.settings) {
    output.issues = result.issues;
    reportIssues(context, result.issues, () => output);
    if (!context.options.json) context.io.err('gen adopt: the spec has errors; fix them first (nothing was changed)\n');
    return 1;
  }

  const managed = managedFiles(project.source, result.settings);
  const committed = readCommitted(project.source, [...result.files.map((file) => file.path), ...managed]);
  const report = diffRenderedFiles(result.files, committed, managed);
  const handEdited = report.files
    .filter(
      (file) =>
        file.status === 'edited-by-hand' ||
        (file.status === 'stale' && !parseGeneratedFile(committed.get(file.path) ?? '').intact),
    )
    .map((file) => file.path);
  const generatedByPath = new Map(result.files.map((file) => [file.path, file.content]));

  const issues: Issue[] = [];
  const selected = selectFiles(args.files, context, project.root, handEdited, generatedByPath, issues);
  const edits: EditedOutput[] = [];
  for (const path of selected) {
    const generated = generatedByPath.get(path);
    if (generated === undefined) {
      output.leftAlone.push(path);
      issues.push(
        makeIssue(
          'error',
          'loss',
          `${path} is edited by hand, but the spec no longer produces it, so there is nothing to fold its edit into`,
          {
            file: path,
            hint: 'make the change in the spec by hand, then run `gen --force` (it deletes the file)',
          },
        ),
      );
      continue;
    }
    edits.push({ path, generated, edited: committed.get(path)! });
  }
  if (hasErrors(issues) && edits.length === 0) return finish(context, { ...output, issues }, 1);
  if (edits.length === 0) {
    if (!context.options.json && !context.options.quiet)
      context.io.out('gen adopt: no generated file is edited by hand; nothing to adopt\n');
    return finish(context, { ...output, issues }, hasErrors(issues) ? 1 : 0);
  }

  const specTexts = readSpecTexts(
    project.source,
    result.project.projectFile,
    result.project.services.map((service) => service.file),
  );
  const plan = planAdoption({
    loaded: result.project,
    specTexts,
    generated: result.files,
    edits,
    source: project.source,
    schemas: specValidators().schemas,
    ...(deps.renderOverlay ? { renderOverlay: deps.renderOverlay } : {}),
  });
  output.operations = plan.operations;
  output.adopted = plan.adopted;
  output.leftAlone = [...output.leftAlone, ...plan.leftAlone].sort();
  output.conflicts = plan.conflicts;
  output.issues = [...issues, ...plan.issues];
  const failed = hasErrors(output.issues) || plan.conflicts.length > 0;

  if (args.dryRun || plan.conflicts.length > 0 || plan.adopted.length === 0) {
    return finish(context, output, failed ? 1 : 0);
  }

  const written = await regenerate(project.root, project.source, stages, plan, handEdited, output);
  if (!written) return finish(context, output, 1);
  return finish(context, output, failed ? 1 : 0);
}

/** The files to adopt: the given ones (which must be generated files), or every hand-edited one. */
function selectFiles(
  given: readonly string[] | undefined,
  context: CliContext,
  root: string,
  handEdited: readonly string[],
  generated: ReadonlyMap<string, string>,
  issues: Issue[],
): string[] {
  if (!given || given.length === 0) return [...handEdited];
  const selected: string[] = [];
  for (const name of given) {
    const absolute = resolve(context.io.cwd, name);
    const path = toProjectPath(relative(root, absolute));
    if (!isInside(root, absolute)) {
      issues.push(
        makeIssue('error', 'io', `${name} is outside the project folder`, {
          hint: 'name a generated file of this project',
        }),
      );
    } else if (handEdited.includes(path)) {
      if (!selected.includes(path)) selected.push(path);
    } else if (generated.has(path)) {
      issues.push(
        makeIssue('info', 'advice', `${path} is not edited by hand; nothing to adopt from it`, { file: path }),
      );
    } else {
      issues.push(
        makeIssue('error', 'io', `${name} is not a file gen generates`, {
          file: path,
          hint: 'name docker-compose.yml or a file under the Kubernetes folder (run `gen check` to see which are edited by hand)',
        }),
      );
    }
  }
  return selected;
}

function readCommitted(source: DiskProjectSource, paths: readonly string[]): Map<string, string> {
  const committed = new Map<string, string>();
  for (const path of paths) {
    if (committed.has(path)) continue;
    const read = source.readFile(path);
    if (read.ok) committed.set(path, read.content);
  }
  return committed;
}

function readSpecTexts(
  source: ProjectSource,
  projectFile: string,
  serviceFiles: readonly string[],
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const path of [projectFile, ...serviceFiles]) {
    if (path in texts) continue;
    const read = source.readFile(path);
    if (read.ok) texts[path] = read.content;
  }
  return texts;
}

/** The project as it reads once the patched spec files are written. */
function withSpecFiles(source: ProjectSource, files: Readonly<Record<string, string>>): ProjectSource {
  return {
    readFile: (path) => (path in files ? { ok: true, content: files[path]! } : source.readFile(path)),
    glob: (patterns) => {
      const found = new Set(source.glob(patterns));
      const matchers = patterns.map(globToRegExp);
      for (const path of Object.keys(files)) if (matchers.some((matcher) => matcher.test(path))) found.add(path);
      return [...found].sort();
    },
  };
}

function mergePlans(plans: readonly WritePlan[]): WritePlan {
  return {
    writes: plans.flatMap((plan) => plan.writes),
    unchanged: plans.flatMap((plan) => plan.unchanged),
    deletes: plans.flatMap((plan) => plan.deletes),
    handEdited: plans.flatMap((plan) => plan.handEdited),
    foreign: plans.flatMap((plan) => plan.foreign),
    problems: plans.flatMap((plan) => plan.problems),
  };
}

/**
 * Writes the patched spec files and regenerates, in one atomic step: the adopted outputs are
 * overwritten (their edits are in the spec now); outputs edited by hand that were not adopted stay
 * as they are.
 */
async function regenerate(
  root: string,
  source: DiskProjectSource,
  stages: PipelineStages,
  plan: AdoptPlan,
  handEdited: readonly string[],
  output: AdoptOutput,
): Promise<boolean> {
  const result = runPipeline(withSpecFiles(source, plan.specFiles), stages);
  if (hasErrors(result.issues) || !result.settings) {
    output.issues.push(...result.issues);
    return false;
  }
  const adopted = new Set(plan.adopted);
  const untouchable = new Set(handEdited.filter((path) => !adopted.has(path)));
  const outputs = result.files.filter((file) => !untouchable.has(file.path));
  const forced = outputs.filter((file) => adopted.has(file.path));
  const others = outputs.filter((file) => !adopted.has(file.path));
  const managed = managedFiles(source, result.settings).filter((path) => !untouchable.has(path) && !adopted.has(path));
  const specFiles: RenderedFile[] = Object.entries(plan.specFiles).map(([path, content]) => ({ path, content }));
  const writePlan = mergePlans([
    planWrites(root, specFiles, { force: true, managed: [], gitignore: [] }),
    planWrites(root, forced, { force: true, managed: [], gitignore: [] }),
    planWrites(root, others, { force: false, managed, gitignore: result.gitignore }),
  ]);
  if (isRefused(writePlan)) {
    output.issues.push(...refusalIssues(writePlan));
    return false;
  }
  try {
    await applyPlan(root, writePlan);
  } catch (error) {
    if (!(error instanceof WriteFailure)) throw error;
    const rollback =
      error.rollbackProblems.length === 0
        ? 'nothing was changed'
        : `undoing the other changes failed too: ${error.rollbackProblems.join('; ')}`;
    output.issues.push(
      makeIssue('error', 'io', `${error.message}; ${rollback}`, { hint: 'fix the cause, then run gen adopt again' }),
    );
    return false;
  }
  output.written = writePlan.writes.map((write) => write.path);
  output.deleted = writePlan.deletes.map((remove) => remove.path);
  return true;
}

function describeOperation(operation: SpecOperation): string {
  const from =
    operation.from.line === undefined ? operation.from.file : `${operation.from.file}:${operation.from.line}`;
  if (operation.path === '' && operation.op === 'add') return `create ${operation.file}  (from ${from})`;
  const value = operation.op === 'remove' ? '' : ` ${formatValue(operation.value)}`;
  return `${operation.file}: ${operation.op} ${operation.path}${value}  (from ${from})`;
}

function finish(context: CliContext, output: AdoptOutput, code: number): number {
  if (context.options.json) {
    printJson(context, output);
    return code;
  }
  const { io, colors } = context;
  printIssues(context, output.issues);
  for (const conflict of output.conflicts) io.err(`gen adopt: ${colors.red('conflict')}: ${conflict.message}\n`);
  if (output.conflicts.length > 0) {
    io.err(
      'gen adopt: nothing was changed; make the edited files agree (or undo one of the edits), then run gen adopt again\n',
    );
    return code;
  }
  if (!context.options.quiet && output.operations.length > 0) {
    io.out(`${output.dryRun ? 'spec patch (not applied, --dry-run):' : 'spec patch:'}\n`);
    for (const operation of output.operations) io.out(`  ${describeOperation(operation)}\n`);
  }
  if (output.leftAlone.length > 0) {
    io.err(`gen adopt: left as they are (edits not adopted): ${output.leftAlone.join(', ')}\n`);
  }
  if (!context.options.quiet && !output.dryRun && output.adopted.length > 0 && code === 0) {
    io.out(
      `${colors.green('✓')} adopted the edits of ${output.adopted.join(', ')}; ${plural(output.written.length, 'file')} written, ${output.deleted.length} deleted\n`,
    );
  } else if (!context.options.quiet && !output.dryRun && output.adopted.length > 0 && output.written.length > 0) {
    io.out(`adopted the edits of ${output.adopted.join(', ')}; ${plural(output.written.length, 'file')} written\n`);
  }
  return code;
}
