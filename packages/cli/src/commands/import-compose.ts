import * as fs from 'node:fs';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { fromCompose, loadComposeProject } from '@twinform/compose';
import { toKubernetes } from '@twinform/kubernetes';
import { DEFAULT_SERVICE_FILES, globToRegExp, makeIssue, projectSettings, type Issue } from '@twinform/spec';
import type { CliContext } from '../context';
import { DiskProjectSource } from '../disk-source';
import { isInside, toProjectPath } from '../paths';
import { applyPlan, planWrites, WriteFailure, type WritePlan } from '../writer';
import { finishImport, importFiles, isLoss, type ImportK8sOutput } from './import-k8s';

export interface ImportComposeOptions {
  files: string[];
  out?: string;
  strict: boolean;
  force: boolean;
  envFile?: string[];
  profile?: string[];
  name?: string;
}

/** The JSON printed by `gen import compose --json` (the same shape as `gen import k8s`). */
export type ImportComposeOutput = ImportK8sOutput;

const PROJECT_FILE = 'twinform.yaml';

interface Located {
  /** Absolute, with symbolic links resolved. */
  files: string[];
  /** The folder the compose files are read from (nothing outside it is read). */
  root: string;
  outDir: string;
}

/**
 * Finds the compose files and the folders: the output folder (default: the first file's folder)
 * and the folder files are read from, which is the output folder when it holds the compose files
 * (so build contexts next to them stay inside the project), else the first file's folder.
 */
function locate(args: ImportComposeOptions, cwd: string, issues: Issue[]): Located | undefined {
  const files: string[] = [];
  for (const given of args.files) {
    const absolute = resolve(cwd, given);
    if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
      issues.push(
        makeIssue('error', 'io', `${given} does not exist or is not a file`, {
          hint: 'pass the path of a compose file',
        }),
      );
      continue;
    }
    files.push(fs.realpathSync(absolute));
  }
  if (files.length !== args.files.length || files.length === 0) return undefined;
  const composeFolder = dirname(files[0]!);
  const outDir = resolve(cwd, args.out ?? composeFolder);
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) {
    issues.push(
      makeIssue('error', 'io', `--out ${args.out}: not a folder`, {
        hint: 'pass a folder (it is created when missing)',
      }),
    );
    return undefined;
  }
  const realOut = fs.existsSync(outDir) ? fs.realpathSync(outDir) : outDir;
  const root = files.every((file) => isInside(realOut, file)) ? realOut : composeFolder;
  const outside = files.filter((file) => !isInside(root, file));
  if (outside.length > 0) {
    issues.push(
      makeIssue(
        'error',
        'io',
        `${outside.map((file) => relative(cwd, file)).join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside ${relative(cwd, root) || '.'}`,
        {
          hint: 'keep every compose file in the folder of the first one (or in --out), as docker compose resolves them against the project folder',
        },
      ),
    );
    return undefined;
  }
  return { files, root, outDir: realOut };
}

const rootRelative = (root: string, absolute: string): string => toProjectPath(relative(root, absolute));

/** The shell environment as compose sees it (only variables with a value). */
function definedEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) result[name] = value;
  return result;
}

/**
 * Keeps an existing twinform.yaml, adding the default service files glob when its serviceFiles
 * would not find services/<name>/service.yaml. undefined = nothing to change.
 */
function extendProjectFile(
  existing: string,
  servicePaths: string[],
  issues: Issue[],
  shownFile: string,
): string | undefined {
  const document = parseDocument(existing);
  if (document.errors.length > 0) {
    issues.push(
      makeIssue('error', 'syntax', `${shownFile} is not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`, {
        file: shownFile,
        hint: 'fix it (gen validate shows the details), then import again',
      }),
    );
    return undefined;
  }
  const value = (document.toJS() ?? {}) as { serviceFiles?: unknown; services?: unknown };
  const inline = Array.isArray(value.services)
    ? value.services.flatMap((service) =>
        typeof (service as { name?: unknown })?.name === 'string' ? [(service as { name: string }).name] : [],
      )
    : [];
  for (const path of servicePaths) {
    const name = posix.basename(posix.dirname(path));
    if (inline.includes(name)) {
      issues.push(
        makeIssue('error', 'duplicate', `service ${name} is already defined inline in ${shownFile}`, {
          file: shownFile,
          hint: 'remove it there, or rename the compose service before importing',
        }),
      );
    }
  }
  const patterns = Array.isArray(value.serviceFiles)
    ? value.serviceFiles.filter((item): item is string => typeof item === 'string')
    : DEFAULT_SERVICE_FILES;
  const matchers = patterns.map(globToRegExp);
  if (servicePaths.every((path) => matchers.some((matcher) => matcher.test(path)))) return undefined;
  if (Array.isArray(value.serviceFiles)) document.addIn(['serviceFiles'], DEFAULT_SERVICE_FILES[0]);
  else document.set('serviceFiles', [...DEFAULT_SERVICE_FILES]);
  return document.toString();
}

function mergePlans(plans: WritePlan[]): WritePlan {
  return {
    writes: plans.flatMap((plan) => plan.writes),
    unchanged: plans.flatMap((plan) => plan.unchanged),
    deletes: plans.flatMap((plan) => plan.deletes),
    handEdited: plans.flatMap((plan) => plan.handEdited),
    foreign: plans.flatMap((plan) => plan.foreign),
    problems: plans.flatMap((plan) => plan.problems),
  };
}

/** Shows issue files relative to the current folder (the loader reports them relative to the root). */
function relocate(issues: readonly Issue[], root: string, cwd: string): Issue[] {
  return issues.map((issue) =>
    issue.file === undefined ? issue : { ...issue, file: toProjectPath(relative(cwd, join(root, issue.file))) || '.' },
  );
}

export async function importCompose(args: ImportComposeOptions, context: CliContext): Promise<number> {
  const { io } = context;
  const issues: Issue[] = [];
  const located = locate(args, io.cwd, issues);
  if (!located) return finishImport(context, undefined, [], undefined, issues, false);
  const { root, outDir } = located;
  const source = new DiskProjectSource(root);
  const envFiles: string[] = [];
  for (const given of args.envFile ?? []) {
    const absolute = resolve(io.cwd, given);
    if (!isInside(root, absolute)) {
      issues.push(
        makeIssue('error', 'io', `--env-file ${given} is outside ${relative(io.cwd, root) || '.'}`, {
          hint: 'keep env files in the project folder',
        }),
      );
    } else envFiles.push(rootRelative(root, absolute));
  }
  if (issues.length > 0) return finishImport(context, outDir, [], undefined, issues, false);

  const options: Parameters<typeof loadComposeProject>[2] = {
    env: definedEnvironment(io.env),
    projectName: args.name ?? basename(dirname(located.files[0]!)),
  };
  if (args.profile !== undefined) options.profiles = args.profile;
  if (args.envFile !== undefined) options.envFiles = envFiles;
  const loaded = loadComposeProject(
    located.files.map((file) => rootRelative(root, file)),
    source,
    options,
  );
  issues.push(...relocate(loaded.issues, root, io.cwd));
  if (!loaded.model) return finishImport(context, outDir, [], undefined, issues, false);

  const composeDir = toProjectPath(relative(outDir, root));
  const result = fromCompose(loaded.model, {
    composeDir,
    ...(args.name !== undefined ? { projectName: args.name } : {}),
    // `gen validate` runs both generators, so the import avoids what the Kubernetes one refuses too.
    generators: [(project) => toKubernetes(project).issues],
  });
  issues.push(...relocate(result.issues, root, io.cwd));
  if (result.services.length === 0 && !issues.some((issue) => issue.severity === 'error')) {
    issues.push(
      makeIssue('error', 'missing-field', 'the compose files define no service to import', {
        hint: 'check the files, and --profile for services in profiles',
      }),
    );
  }

  let files = importFiles(result, outDir);
  const projectPath = join(outDir, PROJECT_FILE);
  const shownProject = toProjectPath(relative(io.cwd, projectPath));
  if (fs.existsSync(projectPath)) {
    const existing = fs.readFileSync(projectPath, 'utf8');
    const servicePaths = files.filter((file) => file.path.endsWith('/service.yaml')).map((file) => file.path);
    const extended = extendProjectFile(existing, servicePaths, issues, shownProject);
    files = files.filter((file) => file.path !== PROJECT_FILE);
    if (extended !== undefined) files.unshift({ path: PROJECT_FILE, content: extended });
    issues.push(
      makeIssue(
        'info',
        'advice',
        `${PROJECT_FILE} exists and is kept${extended === undefined ? '' : ' (serviceFiles now also finds services/*/service.yaml)'}`,
        {
          file: shownProject,
          hint: `the compose files suggest these project settings: ${JSON.stringify(result.project)}`,
        },
      ),
    );
  }
  const losses = issues.filter(isLoss);
  if (issues.some((issue) => issue.severity === 'error') || (args.strict && losses.length > 0)) {
    return finishImport(context, outDir, files, result, issues, false);
  }

  fs.mkdirSync(outDir, { recursive: true });
  const project = files.filter((file) => file.path === PROJECT_FILE);
  const others = files.filter((file) => file.path !== PROJECT_FILE);
  const plan = mergePlans([
    planWrites(outDir, others, { force: args.force, managed: [], gitignore: [] }),
    planWrites(outDir, project, { force: true, managed: [], gitignore: [] }),
  ]);
  for (const path of [...plan.foreign, ...plan.handEdited]) {
    issues.push(
      makeIssue('error', 'io', `${path} already exists with other content; the import does not overwrite it`, {
        file: toProjectPath(relative(io.cwd, join(outDir, path))),
        hint: 'pass --force to replace it, import into another folder (--out), or move the file away',
      }),
    );
  }
  issues.push(...plan.problems);
  if (issues.some((issue) => issue.severity === 'error'))
    return finishImport(context, outDir, files, result, issues, false);
  try {
    await applyPlan(outDir, plan);
  } catch (error) {
    if (!(error instanceof WriteFailure)) throw error;
    issues.push(
      makeIssue('error', 'io', `nothing was written: ${error.message}`, {
        hint: 'check the permissions of the output folder',
      }),
    );
    return finishImport(context, outDir, files, result, issues, false);
  }
  const composeFile = projectSettings(result.project).composeFile;
  if (located.files.some((file) => file === join(outDir, composeFile))) {
    issues.push(
      makeIssue(
        'info',
        'advice',
        `gen writes ${composeFile}, where your compose file is now: it refuses to replace a file it did not generate`,
        {
          file: toProjectPath(relative(io.cwd, join(outDir, composeFile))),
          hint: 'compare, then run `gen --force` to replace it with the generated one (or set output.compose in twinform.yaml)',
        },
      ),
    );
  }
  return finishImport(context, outDir, files, result, issues, true);
}
