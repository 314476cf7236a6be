import { posix } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { checkProjectFile, checkServices, resolveProjectPath } from './checks';
import type { CheckedService } from './checks';
import type { ProjectSpec, ServiceSpec } from './generated/types';
import { makeIssue, sortIssues } from './issues';
import type { Issue } from './issues';
import { DEFAULT_SERVICE_FILES, applyEnvironment } from './model';
import type { LoadedProject, LoadedService } from './model';
import { schemaFindings } from './schema-findings';
import type { Finding } from './schema-findings';
import { specValidators } from './schemas';
import type { JsonSchema, SpecValidators } from './schemas';
import type { ProjectSource, ReadFileResult } from './source';
import { locate, parseSpecFile, readablePath, toPointer } from './yaml-document';
import type { PathSegment, SpecDocument } from './yaml-document';

export interface LoadResult {
  /** Present only when errors is empty. */
  value?: LoadedProject;
  errors: Issue[];
  warnings: Issue[];
}

/** Lists of named items: environment overrides merge them by name (as mergeOverride does). */
const NAMED_LISTS = new Set(['ports', 'configs', 'secrets', 'volumes']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A service spec found in a file or inline, before and after validation. */
interface ServiceEntry {
  document: SpecDocument;
  /** Where the spec sits inside its document ([] for a service file, ['services', 2] inline). */
  prefix: PathSegment[];
  file: string;
  dir: string;
  origin: 'file' | 'inline';
  /** The name when readable, even if the spec is invalid (so references to it are not reported twice). */
  name?: string;
  /** Set when the spec passed the schema. */
  spec?: ServiceSpec;
}

/** Where a path of a spec (as checked in one environment) is written in the files. */
type PathMapper = (path: readonly PathSegment[]) => PathSegment[];

class Loader {
  readonly issues: Issue[] = [];
  private readonly assets = new Map<string, ReadFileResult>();

  constructor(
    private readonly source: ProjectSource,
    private readonly validators: SpecValidators,
  ) {}

  read(path: string): ReadFileResult {
    try {
      const result = this.source.readFile(path);
      if (result && result.ok && typeof result.content === 'string') return result;
      if (result && !result.ok) {
        const failed: ReadFileResult = { ok: false, reason: String(result.reason) };
        if (typeof result.hint === 'string') failed.hint = result.hint;
        return failed;
      }
      return { ok: false, reason: 'unreadable' };
    } catch (error) {
      return { ok: false, reason: describeError(error) };
    }
  }

  readAsset = (path: string): ReadFileResult => {
    let result = this.assets.get(path);
    if (!result) {
      result = this.read(path);
      this.assets.set(path, result);
    }
    return result;
  };

  /** Assets that were read successfully, sorted by path. */
  readAssets(): Record<string, string> {
    const assets: Record<string, string> = {};
    for (const path of [...this.assets.keys()].sort()) {
      const result = this.assets.get(path);
      if (result?.ok) assets[path] = result.content;
    }
    return assets;
  }

  glob(patterns: string[], projectFile: string): string[] {
    let found: string[];
    try {
      if (typeof this.source.globWithRefusals === 'function') {
        const result = this.source.globWithRefusals(patterns);
        found = result.files;
        for (const refused of Array.isArray(result.refused) ? result.refused : []) {
          this.issues.push(
            makeIssue(refused.blocking ? 'error' : 'warning', 'io', refused.reason, {
              file: refused.path,
              hint: refused.hint,
            }),
          );
        }
      } else {
        found = this.source.glob(patterns);
      }
    } catch (error) {
      this.issues.push(
        makeIssue('error', 'io', `cannot list service files (${patterns.join(', ')}): ${describeError(error)}`, {
          file: projectFile,
        }),
      );
      return [];
    }
    const files = new Set<string>();
    for (const file of Array.isArray(found) ? found : []) {
      if (typeof file !== 'string' || file === projectFile) continue;
      const safe = resolveProjectPath('', file);
      if (safe.ok && safe.path === file) {
        files.add(file);
      } else {
        this.issues.push(
          makeIssue('error', 'io', `service file '${file}' is outside the project`, {
            file: projectFile,
            hint: 'keep service files inside the project',
          }),
        );
      }
    }
    return [...files].sort();
  }

  parse(file: string, expected: string): SpecDocument | undefined {
    const content = this.read(file);
    if (!content.ok) {
      this.issues.push(
        makeIssue('error', 'io', `cannot read ${file}: ${content.reason}`, {
          file,
          hint: content.hint ?? 'check that the file exists, is readable and is not a link leading out of the project',
        }),
      );
      return undefined;
    }
    const { document, issues } = parseSpecFile(file, content.content, expected);
    this.issues.push(...issues);
    return document;
  }

  /** Turns a finding into an Issue at its place in the file. */
  place(finding: Finding, document: SpecDocument, path: PathSegment[]): Issue {
    const located = locate(document, path, finding.target ?? 'value');
    const shown = readablePath(finding.showParentPath ? path.slice(0, -1) : path);
    const message = `${shown ? `${shown}: ` : ''}${finding.message}`;
    const extra: Omit<Issue, 'severity' | 'code' | 'message'> = {
      file: document.file,
      line: located.position.line,
      col: located.position.col,
      pointer: toPointer(path),
    };
    if (finding.hint !== undefined) extra.hint = finding.hint;
    return makeIssue(finding.severity, finding.code, message, extra);
  }

  where(document: SpecDocument, path: PathSegment[]): string {
    const { line, col } = locate(document, path).position;
    return `${document.file}:${line}:${col}`;
  }

  validate(
    validate: ValidateFunction,
    root: JsonSchema,
    value: unknown,
    document: SpecDocument,
    mapPath: PathMapper,
    ignore?: (error: ErrorObject) => boolean,
  ): Finding[] | undefined {
    if (validate(value)) return undefined;
    const errors = (validate.errors ?? []).filter((error) => !ignore?.(error));
    if (errors.length === 0) return undefined;
    const sourceText = (path: readonly PathSegment[]): string | undefined => locate(document, mapPath(path)).sourceText;
    return schemaFindings(errors, value, root, sourceText);
  }

  validateService(entry: ServiceEntry, value: unknown): void {
    const { service } = this.validators;
    const mapPath: PathMapper = (path) => [...entry.prefix, ...path];
    const findings = this.validate(service, this.validators.schemas.service, value, entry.document, mapPath);
    if (findings) {
      for (const finding of findings) this.issues.push(this.place(finding, entry.document, mapPath(finding.path)));
    } else {
      entry.spec = value as ServiceSpec;
    }
  }
}

const childOf = (node: unknown, key: PathSegment): unknown =>
  (typeof key === 'number' ? key >= 0 && Array.isArray(node) : isPlainObject(node) && key in node)
    ? (node as Record<string | number, unknown>)[key]
    : undefined;

/**
 * Maps a path of a spec with one environment applied back to where the user wrote it: into the
 * environment's override when it defines that value, else into the base spec.
 */
function environmentPathMapper(spec: ServiceSpec, merged: ServiceSpec, environment: string): PathMapper {
  const override: unknown = spec.environments?.[environment];
  return (path) => {
    if (path.length === 0) return [];
    let baseNode: unknown = spec;
    let overrideNode: unknown = override;
    let mergedNode: unknown = merged;
    const basePath: PathSegment[] = [];
    const overridePath: PathSegment[] = ['environments', environment];
    path.forEach((segment, index) => {
      let overrideSegment: PathSegment = segment;
      if (typeof segment === 'number' && NAMED_LISTS.has(String(path[index - 1])) && Array.isArray(overrideNode)) {
        // Merging keeps base items in place and appends new ones: only the override needs a lookup by name.
        const name = (childOf(mergedNode, segment) as { name?: unknown } | undefined)?.name;
        overrideSegment = overrideNode.findIndex((item) => isPlainObject(item) && item.name === name);
      }
      if (overrideNode !== undefined && overridePath.length === index + 2) {
        overrideNode = childOf(overrideNode, overrideSegment);
        if (overrideNode !== undefined) overridePath.push(overrideSegment);
      }
      if (baseNode !== undefined && basePath.length === index) {
        baseNode = childOf(baseNode, segment);
        if (baseNode !== undefined) basePath.push(segment);
      }
      mergedNode = childOf(mergedNode, segment);
    });
    const overrideDepth = overridePath.length - 2;
    if (overrideDepth === path.length) return overridePath;
    if (basePath.length === path.length) return basePath;
    return overrideDepth >= basePath.length && override !== undefined ? overridePath : basePath;
  };
}

interface ProjectCheckContext {
  loader: Loader;
  validators: SpecValidators;
  entries: ServiceEntry[];
  /** undefined when the project file is invalid (overrides cannot be matched against it). */
  declaredEnvironments: readonly string[] | undefined;
  environments: readonly string[];
}

const issueKey = (issue: Issue): string => `${issue.file}|${issue.line}|${issue.col}|${issue.message}`;

/** Semantic checks of the base specs; returns the keys of what they reported. */
function checkBase({ loader, entries, declaredEnvironments }: ProjectCheckContext): Set<string> {
  const reported = new Set<string>();
  const services: CheckedService[] = [];
  for (const entry of entries) {
    if (!entry.spec) continue;
    const mapPath: PathMapper = (path) => [...entry.prefix, ...path];
    services.push({
      spec: entry.spec,
      file: entry.file,
      dir: entry.dir,
      origin: entry.origin,
      where: (path) => loader.where(entry.document, mapPath(path)),
      report: (finding) => {
        const issue = loader.place(finding, entry.document, mapPath(finding.path));
        reported.add(issueKey(issue));
        loader.issues.push(issue);
      },
    });
  }
  checkServices({
    services,
    uncheckedNames: uncheckedNames(entries),
    environments: declaredEnvironments,
    readAsset: loader.readAsset,
  });
  return reported;
}

const uncheckedNames = (entries: ServiceEntry[]): Set<string> =>
  new Set(entries.flatMap((entry) => (!entry.spec && entry.name !== undefined ? [entry.name] : [])));

/**
 * Each environment with overrides: the merged specs must pass the schema and the semantic checks
 * too. What the base already reported is not repeated; what several environments share is one issue.
 */
function checkEnvironments(context: ProjectCheckContext, reportedForBase: Set<string>): void {
  const { loader, validators, entries, declaredEnvironments } = context;
  const found = new Map<string, { issue: Issue; environments: string[] }>();
  for (const environment of context.environments) {
    if (!entries.some((entry) => entry.spec?.environments?.[environment] !== undefined)) continue;
    const report = (issue: Issue): void => {
      const key = issueKey(issue);
      if (reportedForBase.has(key)) return;
      const known = found.get(key);
      if (known) known.environments.push(environment);
      else found.set(key, { issue, environments: [environment] });
    };
    const unchecked = uncheckedNames(entries);
    const services: CheckedService[] = [];
    for (const entry of entries) {
      if (!entry.spec) continue;
      const overridden = entry.spec.environments?.[environment] !== undefined;
      const merged = applyEnvironment(entry.spec, environment);
      const mapSpecPath: PathMapper = overridden
        ? environmentPathMapper(entry.spec, merged, environment)
        : (path) => [...path];
      const mapPath: PathMapper = (path) => [...entry.prefix, ...mapSpecPath(path)];
      const place = (finding: Finding): Issue => loader.place(finding, entry.document, mapPath(finding.path));
      const findings = overridden
        ? loader.validate(validators.service, validators.schemas.service, merged, entry.document, mapPath)
        : undefined;
      if (findings) {
        for (const finding of findings) report(place(finding));
        unchecked.add(entry.spec.name);
        continue;
      }
      services.push({
        spec: merged,
        file: entry.file,
        dir: entry.dir,
        origin: entry.origin,
        where: (path) => loader.where(entry.document, mapPath(path)),
        report: (finding) => report(place(finding)),
      });
    }
    checkServices({
      services,
      uncheckedNames: unchecked,
      environments: declaredEnvironments,
      environment,
      readAsset: loader.readAsset,
    });
  }
  for (const { issue, environments } of found.values()) {
    const label =
      environments.length === 1 ? `environment ${environments[0]}` : `environments ${environments.join(', ')}`;
    loader.issues.push({ ...issue, message: `${label}: ${issue.message}` });
  }
}

/** Service files found by the serviceFiles globs, then inline services, each validated against the service schema. */
function findServices(loader: Loader, project: Record<string, unknown>, projectDocument: SpecDocument): ServiceEntry[] {
  const projectFile = projectDocument.file;
  const projectDir = posix.dirname(projectFile) === '.' ? '' : posix.dirname(projectFile);
  const configured = project.serviceFiles;
  const patterns = (
    Array.isArray(configured) && configured.every((pattern) => typeof pattern === 'string')
      ? (configured as string[])
      : DEFAULT_SERVICE_FILES
  )
    .filter((pattern) => resolveProjectPath('', pattern).ok)
    .map((pattern) => (projectDir ? `${projectDir}/${pattern}` : pattern));

  const entries: ServiceEntry[] = [];
  for (const file of loader.glob(patterns, projectFile)) {
    const document = loader.parse(file, 'a service spec');
    if (!document) continue;
    const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    const entry: ServiceEntry = { document, prefix: [], file, dir, origin: 'file' };
    const name = (document.value as Record<string, unknown>).name;
    if (typeof name === 'string') entry.name = name;
    loader.validateService(entry, document.value);
    entries.push(entry);
  }
  if (Array.isArray(project.services)) {
    project.services.forEach((value: unknown, index) => {
      const entry: ServiceEntry = {
        document: projectDocument,
        prefix: ['services', index],
        file: projectFile,
        dir: projectDir,
        origin: 'inline',
      };
      if (isPlainObject(value) && typeof value.name === 'string') entry.name = value.name;
      loader.validateService(entry, value);
      entries.push(entry);
    });
  }
  if (entries.length === 0 && !loader.issues.some((issue) => issue.severity === 'error')) {
    loader.issues.push(
      makeIssue('warning', 'advice', `no services found (serviceFiles: ${patterns.join(', ')})`, {
        file: projectFile,
        hint: 'create services/<name>/service.yaml (gen new service NAME does it), or list services inline under services:',
      }),
    );
  }
  return entries;
}

function loadUnsafe(source: ProjectSource, projectFile: string): LoadResult {
  let validators: SpecValidators;
  try {
    validators = specValidators();
  } catch (error) {
    const issue = makeIssue('error', 'io', `cannot load the twinform spec validators: ${describeError(error)}`, {
      hint: 'reinstall twinform: its files are missing or damaged',
    });
    return { errors: [issue], warnings: [] };
  }
  const loader = new Loader(source, validators);
  const finish = (value?: LoadedProject): LoadResult => {
    const sorted = sortIssues(loader.issues);
    const errors = sorted.filter((issue) => issue.severity === 'error');
    const warnings = sorted.filter((issue) => issue.severity !== 'error');
    return errors.length === 0 && value ? { value, errors, warnings } : { errors, warnings };
  };

  const projectRead = loader.read(projectFile);
  if (!projectRead.ok) {
    loader.issues.push(
      makeIssue('error', 'io', `cannot read the project file ${projectFile}: ${projectRead.reason}`, {
        file: projectFile,
        hint: 'run gen inside a twinform project (a folder with twinform.yaml, or below it), or pass --root DIR',
      }),
    );
    return finish();
  }
  const projectDocument = loader.parse(projectFile, 'a project file');
  if (!projectDocument) return finish();
  const project = projectDocument.value as Record<string, unknown>;

  // Inline services are validated on their own, so their messages read like those of service files.
  const inlineService = /^\/services\/\d+(\/|$)/;
  const projectFindings = loader.validate(
    validators.project,
    validators.schemas.project,
    project,
    projectDocument,
    (path) => [...path],
    (error) => inlineService.test(error.instancePath),
  );
  for (const finding of projectFindings ?? []) loader.issues.push(loader.place(finding, projectDocument, finding.path));
  if (!projectFindings) {
    checkProjectFile(
      project as unknown as ProjectSpec,
      (finding) => loader.issues.push(loader.place(finding, projectDocument, finding.path)),
      (path) => loader.where(projectDocument, path),
    );
  }

  const entries = findServices(loader, project, projectDocument);
  // Without an environments map the project has one: dev (as projectSettings() assumes).
  const environments = isPlainObject(project.environments) ? Object.keys(project.environments).sort() : ['dev'];
  const context: ProjectCheckContext = {
    loader,
    validators,
    entries,
    declaredEnvironments: projectFindings ? undefined : environments,
    environments,
  };
  checkEnvironments(context, checkBase(context));

  if (loader.issues.some((issue) => issue.severity === 'error')) return finish();
  const services: LoadedService[] = entries
    .flatMap((entry) =>
      entry.spec ? [{ spec: entry.spec, file: entry.file, dir: entry.dir, pointer: toPointer(entry.prefix) }] : [],
    )
    .sort((a, b) => compareText(a.spec.name, b.spec.name) || compareText(a.file, b.file));
  return finish({ projectFile, project: project as unknown as ProjectSpec, services, assets: loader.readAssets() });
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Loads and validates a project: the project file, every service file its serviceFiles globs
 * find, inline services, and the files the specs reference. Never throws; every problem is an
 * Issue with file:line:col. `value` is present only when there are no errors.
 */
export function loadProject(source: ProjectSource, projectFile = 'twinform.yaml'): LoadResult {
  try {
    return loadUnsafe(source, projectFile);
  } catch (error) {
    // A bug in twinform, not in the input: still an answer, never a stack trace.
    const issue = makeIssue('error', 'io', `twinform failed while loading ${projectFile}: ${describeError(error)}`, {
      file: projectFile,
      hint: 'this is a bug in twinform: please report it with the spec that triggers it',
    });
    return { errors: [issue], warnings: [] };
  }
}
