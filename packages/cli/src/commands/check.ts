import { diffRenderedFiles, renderDriftReport, type DriftReport } from '@twinform/drift';
import { hasErrors, type Issue } from '@twinform/spec';
import { printIssues, printJson, type CliContext, type GlobalOptions } from '../context';
import type { DiskProjectSource } from '../disk-source';
import { managedFiles } from '../managed';
import { defaultStages, runPipeline, type PipelineStages } from '../pipeline';
import { openProject, reportIssues } from '../session';

export type CheckOutput = DriftReport & { issues: Issue[] };

export function handler(_args: GlobalOptions, context: CliContext): number {
  return check(context, defaultStages());
}

export function check(context: CliContext, stages: PipelineStages): number {
  const empty: CheckOutput = { files: [], clean: false, issues: [] };
  const project = openProject(context);
  if (!project.ok) return reportIssues(context, project.issues, () => ({ ...empty, issues: project.issues }));

  const result = runPipeline(project.source, stages);
  if (hasErrors(result.issues) || !result.settings) {
    reportIssues(context, result.issues, () => ({ ...empty, issues: result.issues }));
    return 1;
  }

  const managed = managedFiles(project.source, result.settings);
  const committed = readCommitted(project.source, [...result.files.map((file) => file.path), ...managed]);
  const report = diffRenderedFiles(result.files, committed, managed);

  if (context.options.json) {
    printJson(context, { ...report, issues: result.issues } satisfies CheckOutput);
  } else {
    // Notes (info) are advice for whoever runs `gen`; repeating them in every CI check is noise.
    printIssues(
      context,
      result.issues.filter((issue) => issue.severity !== 'info'),
    );
    if (!report.clean || !context.options.quiet) {
      context.io.out(renderDriftReport(report, { color: context.colorEnabled }));
    }
  }
  return report.clean ? 0 : 1;
}

/** Committed contents of the paths that exist (a missing path is simply absent from the map). */
function readCommitted(source: DiskProjectSource, paths: readonly string[]): Map<string, string> {
  const committed = new Map<string, string>();
  for (const path of paths) {
    if (committed.has(path)) continue;
    const read = source.readFile(path);
    if (read.ok) committed.set(path, read.content);
  }
  return committed;
}
