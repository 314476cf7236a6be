import type { Issue } from '@twinform/spec';
import { printIssues, printJson, type CliContext, type GlobalOptions } from '../context';
import { defaultStages, loadOnly, type PipelineStages } from '../pipeline';
import { openProject, plural, reportIssues } from '../session';

export interface ValidateOutput {
  valid: boolean;
  /** Number of services loaded (0 when the spec is invalid). */
  services: number;
  issues: Issue[];
}

export function handler(_args: GlobalOptions, context: CliContext): number {
  return validate(context, defaultStages());
}

export function validate(context: CliContext, stages: Pick<PipelineStages, 'load'>): number {
  const project = openProject(context);
  if (!project.ok) {
    return reportIssues(context, project.issues, () => ({ valid: false, services: 0, issues: project.issues }));
  }
  const loaded = loadOnly(project.source, stages);
  const output: ValidateOutput = {
    valid: loaded.project !== undefined,
    services: loaded.project?.services.length ?? 0,
    issues: loaded.issues,
  };
  if (context.options.json) {
    printJson(context, output);
  } else {
    printIssues(context, loaded.issues);
    if (!output.valid) context.io.err(`gen: the spec is not valid\n`);
    else if (!context.options.quiet) {
      context.io.out(`${context.colors.green('✓')} the spec is valid (${plural(output.services, 'service')})\n`);
    }
  }
  return output.valid ? 0 : 1;
}
