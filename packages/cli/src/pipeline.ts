import { toCompose } from '@twinform/compose';
import { toKubernetes } from '@twinform/kubernetes';
import {
  fromPointer,
  hasErrors,
  loadProject,
  locate,
  makeIssue,
  parseSpecFile,
  projectSettings,
  renderDocument,
  sortIssues,
  type GeneratedDocument,
  type Issue,
  type LoadedProject,
  type LoadResult,
  type ProjectSettings,
  type RenderedFile,
  type SpecDocument,
} from '@twinform/spec';
import type { ProjectSource } from './disk-source';
import { unsafePathReason } from './paths';

export type { LoadResult };

export type LoadProject = (source: ProjectSource, projectFile?: string) => LoadResult;

export interface GeneratorResult {
  documents: GeneratedDocument[];
  issues: Issue[];
  /** Entries the project's .gitignore must contain (e.g. '.env' for compose secrets). */
  gitignore?: string[];
}

export type Generator = (project: LoadedProject) => GeneratorResult;

/** The pure stages the CLI runs; injected so the pipeline can be tested without the real generators. */
export interface PipelineStages {
  load: LoadProject;
  generators: readonly Generator[];
}

export interface LoadOutcome {
  project?: LoadedProject;
  settings?: ProjectSettings;
  /** Errors and warnings, sorted by location. */
  issues: Issue[];
}

export interface PipelineResult extends LoadOutcome {
  /** Every file the spec produces, sorted by path; empty when any issue is an error. */
  files: RenderedFile[];
  gitignore: string[];
}

/** The real stages: the spec loader, then the compose and Kubernetes generators. */
export function defaultStages(): PipelineStages {
  return { load: loadProject, generators: [toCompose, toKubernetes] };
}

/** load + validate only. */
export function loadOnly(source: ProjectSource, stages: Pick<PipelineStages, 'load'>): LoadOutcome {
  const loaded = stages.load(source);
  const issues = sortIssues([...loaded.errors, ...loaded.warnings]);
  if (!loaded.value || loaded.errors.length > 0) return { issues };
  return { project: loaded.value, settings: projectSettings(loaded.value.project), issues };
}

/** load → generate → render. Nothing here touches the disk except through `source`. */
export function runPipeline(source: ProjectSource, stages: PipelineStages): PipelineResult {
  const loaded = loadOnly(source, stages);
  if (!loaded.project) return { ...loaded, files: [], gitignore: [] };

  const issues = [...loaded.issues];
  const documents: GeneratedDocument[] = [];
  const gitignore = new Set<string>();
  const locator = new IssueLocator(source);
  for (const generate of stages.generators) {
    const result = generate(loaded.project);
    documents.push(...result.documents);
    issues.push(...result.issues.map((issue) => locator.locate(issue)));
    for (const entry of result.gitignore ?? []) gitignore.add(entry);
  }
  issues.push(...checkDocumentPaths(documents));
  if (hasErrors(issues)) return { ...loaded, issues: sortIssues(issues), files: [], gitignore: [] };

  const files = documents.map(renderDocument).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...loaded, issues: sortIssues(issues), files, gitignore: [...gitignore] };
}

/**
 * Generators know where a problem sits only as a JSON pointer into its spec file (they never see
 * the text); this adds the line and column the user needs, reading each such file once.
 */
class IssueLocator {
  private readonly documents = new Map<string, SpecDocument | undefined>();

  constructor(private readonly source: ProjectSource) {}

  locate(issue: Issue): Issue {
    if (issue.line !== undefined || issue.file === undefined || issue.pointer === undefined) return issue;
    const document = this.document(issue.file);
    if (!document) return issue;
    const { position } = locate(document, fromPointer(issue.pointer, document.value));
    return { ...issue, line: position.line, col: position.col };
  }

  private document(file: string): SpecDocument | undefined {
    if (!this.documents.has(file)) {
      const read = this.source.readFile(file);
      this.documents.set(file, read.ok ? parseSpecFile(file, read.content, 'a spec file').document : undefined);
    }
    return this.documents.get(file);
  }
}

/** Generators are trusted, but a path that leaves the project or is produced twice must never reach the disk. */
function checkDocumentPaths(documents: readonly GeneratedDocument[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const document of documents) {
    const unsafe = unsafePathReason(document.path);
    if (unsafe) {
      issues.push(
        makeIssue('error', 'io', `a generator produced the output path '${document.path}': ${unsafe}`, {
          hint: 'check output.compose and output.kubernetes in twinform.yaml',
        }),
      );
    } else if (seen.has(document.path)) {
      issues.push(
        makeIssue('error', 'duplicate', `two generated documents have the same path '${document.path}'`, {
          hint: 'give output.compose a path outside output.kubernetes in twinform.yaml',
        }),
      );
    }
    seen.add(document.path);
  }
  return issues;
}
