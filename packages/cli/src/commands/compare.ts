import * as fs from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Argv } from 'yargs';
import { loadComposeProject } from '@twinform/compose';
import { compareDeployments, renderCompareReport, type CompareReport, type Difference } from '@twinform/drift';
import {
  formatLocation,
  makeIssue,
  parseGeneratedFile,
  projectSettings,
  sortIssues,
  type Issue,
  type ProjectSpec,
} from '@twinform/spec';
import { printIssues, printJson, type CliContext, type GlobalOptions } from '../context';
import { DiskProjectSource } from '../disk-source';
import { isInside, toProjectPath } from '../paths';
import { locateProject, PROJECT_FILE } from '../project';
import type { ManifestInput } from '@twinform/kubernetes';
import { collectManifests, defaultDeps, type ImportK8sDeps } from './import-k8s';

export interface CompareOptions {
  compose: string[];
  k8s: string[];
  env?: string;
  profile?: string[];
  envFile?: string[];
}

export function builder(yargs: Argv<GlobalOptions>): Argv<GlobalOptions & CompareOptions> {
  return yargs
    .option('compose', {
      type: 'string',
      array: true,
      requiresArg: true,
      demandOption: 'name the compose file: --compose docker-compose.yml',
      describe: 'the compose file (repeat to merge several, like docker compose -f)',
    })
    .option('k8s', {
      type: 'string',
      array: true,
      requiresArg: true,
      demandOption: 'name the manifests: --k8s k8s/ (files, folders, kustomize folders)',
      describe: 'manifest files or folders (kustomize folders are rendered with kubectl kustomize)',
    })
    .option('env', {
      type: 'string',
      requiresArg: true,
      describe:
        'compare with the overlay overlays/ENV of a --k8s folder that has base/ and overlays/ (compose files usually hold the local environment)',
    })
    .option('profile', {
      type: 'string',
      array: true,
      requiresArg: true,
      describe: 'also compare compose services of this profile (repeatable; * for all)',
    })
    .option('env-file', {
      type: 'string',
      array: true,
      requiresArg: true,
      describe: 'variables for compose interpolation instead of the .env next to the compose file (repeatable)',
    })
    .example(
      '$0 compare --compose docker-compose.yml --k8s k8s/',
      'every disagreement between the two, service by service',
    )
    .example(
      '$0 compare --compose compose.yaml --k8s deploy --env dev --json',
      'compare with overlays/dev, as JSON',
    ) as unknown as Argv<GlobalOptions & CompareOptions>;
}

export interface CompareOutput extends CompareReport {
  /** What was compared: the compose files and the manifest paths (after --env). */
  compose: string[];
  kubernetes: string[];
}

export function handler(args: GlobalOptions & CompareOptions, context: CliContext): number {
  return compare(args, context, defaultDeps(context.io.env));
}

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const isKustomizeFolder = (folder: string): boolean =>
  KUSTOMIZATION_FILES.some((name) => fs.existsSync(join(folder, name)));
const isFolder = (path: string): boolean => fs.existsSync(path) && fs.statSync(path).isDirectory();

/** The overlays of a base + overlays layout (folders under overlays/ that kustomize renders). */
function overlaysOf(folder: string): string[] {
  const overlays = join(folder, 'overlays');
  if (!isFolder(overlays)) return [];
  return fs
    .readdirSync(overlays)
    .filter((name) => isKustomizeFolder(join(overlays, name)))
    .sort();
}

/**
 * The environment a twinform-generated compose file renders (the project's local environment), so
 * it is compared with that environment's overlay rather than with the base; undefined for other
 * compose files.
 */
function generatedEnvironment(composeFile: string): string | undefined {
  try {
    if (!parseGeneratedFile(fs.readFileSync(composeFile, 'utf8')).generated) return undefined;
    const location = locateProject(dirname(composeFile), undefined);
    if (!location.ok) return undefined;
    const project: unknown = parse(fs.readFileSync(join(location.root, PROJECT_FILE), 'utf8'));
    if (typeof project !== 'object' || project === null) return undefined;
    return projectSettings(project as ProjectSpec).localEnvironment;
  } catch {
    return undefined;
  }
}

/** --k8s paths with --env applied: a base + overlays folder stands for one of its renderings. */
function manifestPaths(
  args: CompareOptions,
  cwd: string,
  composeEnvironment: string | undefined,
  issues: Issue[],
): string[] {
  const paths: string[] = [];
  for (const given of args.k8s) {
    const absolute = resolve(cwd, given);
    const overlays = isFolder(absolute) && !isKustomizeFolder(absolute) ? overlaysOf(absolute) : [];
    const siblings = basename(absolute) === 'base' && isKustomizeFolder(absolute) ? overlaysOf(dirname(absolute)) : [];
    if (
      args.env === undefined &&
      composeEnvironment !== undefined &&
      (overlays.includes(composeEnvironment) || siblings.includes(composeEnvironment))
    ) {
      const overlay = overlays.includes(composeEnvironment)
        ? join(given, 'overlays', composeEnvironment)
        : join(dirname(given), 'overlays', composeEnvironment);
      paths.push(overlay);
      issues.push(
        makeIssue(
          'info',
          'advice',
          `the compose file is generated by twinform for environment ${composeEnvironment}, so it is compared with ${toProjectPath(overlay)}`,
          {
            hint: 'pass --env to compare with another overlay',
          },
        ),
      );
      continue;
    }
    if (args.env !== undefined) {
      if (overlays.includes(args.env)) {
        paths.push(join(given, 'overlays', args.env));
      } else if (overlays.length > 0) {
        issues.push(
          makeIssue('error', 'io', `${given} has no overlay ${args.env}`, {
            hint: `its overlays are: ${overlays.join(', ')}`,
          }),
        );
      } else {
        issues.push(
          makeIssue('error', 'io', `--env ${args.env}: ${given} is not a folder with base/ and overlays/`, {
            hint: 'pass the folder that holds base/ and overlays/, or leave out --env',
          }),
        );
      }
      continue;
    }
    if (overlays.length > 0 && isKustomizeFolder(join(absolute, 'base'))) {
      paths.push(join(given, 'base'));
      issues.push(
        makeIssue(
          'info',
          'advice',
          `comparing with ${toProjectPath(join(given, 'base'))}; compose files usually hold the local environment`,
          {
            hint: `pass --env to compare with an overlay instead (${overlays.join(', ')})`,
          },
        ),
      );
      continue;
    }
    paths.push(given);
  }
  return paths;
}

export function compare(args: GlobalOptions & CompareOptions, context: CliContext, deps: ImportK8sDeps): number {
  const { io } = context;
  const issues: Issue[] = [];
  const composeFiles = args.compose.map((file) => resolve(io.cwd, file));
  const shown = (absolute: string): string => toProjectPath(relative(io.cwd, absolute)) || '.';
  const output: CompareOutput = {
    compose: composeFiles.map(shown),
    kubernetes: [],
    differences: [],
    matches: [],
    issues: [],
    same: false,
  };
  for (const file of composeFiles) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      issues.push(
        makeIssue('error', 'io', `${shown(file)} does not exist or is not a file`, {
          hint: 'pass the path of a compose file',
        }),
      );
    }
  }
  const composeEnvironment =
    composeFiles.length === 1 && fs.existsSync(composeFiles[0]!) ? generatedEnvironment(composeFiles[0]!) : undefined;
  const paths = manifestPaths(args, io.cwd, composeEnvironment, issues);
  output.kubernetes = paths.map((path) => shown(resolve(io.cwd, path)));
  if (issues.some((issue) => issue.severity === 'error')) return finish(context, output, issues);

  const root = fs.realpathSync(dirname(composeFiles[0]!));
  const real = composeFiles.map((file) => fs.realpathSync(file));
  const outside = real.filter((file) => !isInside(root, file));
  if (outside.length > 0) {
    issues.push(
      makeIssue('error', 'io', `${outside.map(shown).join(', ')} must be in the folder of the first compose file`, {
        hint: 'docker compose resolves every file against the project folder (the first file’s folder)',
      }),
    );
    return finish(context, output, issues);
  }
  // Positions come back relative to the compose folder; people read them relative to where they are.
  const fromRoot = (file: string): string => shown(join(root, file));
  const options: Parameters<typeof loadComposeProject>[2] = { env: definedEnvironment(io.env) };
  if (args.profile !== undefined) options.profiles = args.profile;
  if (args.envFile !== undefined)
    options.envFiles = args.envFile.map((file) => toProjectPath(relative(root, resolve(io.cwd, file))));
  const loaded = loadComposeProject(
    real.map((file) => toProjectPath(relative(root, file))),
    new DiskProjectSource(root),
    options,
  );
  issues.push(...loaded.issues.filter((issue) => issue.severity === 'error').map((issue) => relocate(issue, fromRoot)));
  const collected = collectManifests(paths, io.cwd, deps);
  for (const input of collected.inputs) {
    if (input.renderedFrom) input.renderedFrom = withKustomizeSources(input.path, input.renderedFrom, io.cwd);
  }
  issues.push(...collected.issues.filter((issue) => issue.severity !== 'info'));
  if (!loaded.model || issues.some((issue) => issue.severity === 'error')) return finish(context, output, issues);

  const report = compareDeployments(loaded.model, collected.inputs);
  // Kubernetes positions are relative to the current folder already; compose ones to the compose folder.
  const manifestFiles = new Set(
    collected.inputs.flatMap((input) => [input.path, ...(input.renderedFrom ?? []).map((source) => source.path)]),
  );
  const isManifest = (file: string | undefined): boolean => file !== undefined && manifestFiles.has(file);
  output.differences = report.differences.map((difference): Difference =>
    difference.compose.file === undefined
      ? difference
      : { ...difference, compose: { ...difference.compose, file: fromRoot(difference.compose.file) } },
  );
  output.matches = report.matches;
  issues.push(...report.issues.map((issue) => (isManifest(issue.file) ? issue : relocate(issue, fromRoot))));
  return finish(context, output, issues, true);
}

/**
 * The files a kustomization renders from, including those of the bases it names (`resources:
 * [../../base]`), so positions in a rendered overlay point at the file the object is written in.
 */
function withKustomizeSources(kustomization: string, known: readonly ManifestInput[], cwd: string): ManifestInput[] {
  const sources = [...known];
  const seen = new Set(known.map((input) => resolve(cwd, input.path)));
  const visited = new Set<string>();
  const visit = (folder: string): void => {
    if (visited.has(folder) || visited.size > 50) return;
    visited.add(folder);
    const file = KUSTOMIZATION_FILES.map((name) => join(folder, name)).find((candidate) => fs.existsSync(candidate));
    if (!file) return;
    let value: unknown;
    try {
      value = parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return;
    }
    const entries = [
      ...(((value as { resources?: unknown }).resources as unknown[] | undefined) ?? []),
      ...(((value as { bases?: unknown }).bases as unknown[] | undefined) ?? []),
    ];
    const add = (path: string): void => {
      if (seen.has(path) || !/\.(ya?ml|json)$/.test(path) || !fs.statSync(path).isFile()) return;
      seen.add(path);
      sources.push({ path: toProjectPath(relative(cwd, path)), content: fs.readFileSync(path, 'utf8') });
    };
    for (const entry of entries) {
      if (typeof entry !== 'string' || entry.includes('://')) continue;
      const target = resolve(folder, entry);
      if (isFolder(target)) visit(target);
      else if (fs.existsSync(target)) add(target);
    }
  };
  visit(dirname(resolve(cwd, kustomization)));
  return sources;
}

function relocate(issue: Issue, fromRoot: (file: string) => string): Issue {
  return issue.file === undefined ? issue : { ...issue, file: fromRoot(issue.file) };
}

function definedEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) result[name] = value;
  return result;
}

/** `compared`: both sides were read (a broken manifest among them is reported next to the table). */
function finish(context: CliContext, output: CompareOutput, issues: Issue[], compared = false): number {
  output.issues = sortIssues(issues);
  const failed = output.issues.some((issue) => issue.severity === 'error');
  output.same = !failed && output.differences.length === 0;
  if (context.options.json) {
    printJson(context, output);
  } else {
    printIssues(
      context,
      output.issues.filter((issue) => issue.severity !== 'info'),
    );
    if (compared) {
      context.io.out(renderCompareReport(output, { color: context.colorEnabled }));
      const notes = output.issues.filter((issue) => issue.severity === 'info');
      if (notes.length > 0 && !context.options.quiet) {
        context.io.out(
          `notes:\n${notes.map((issue) => `  ${formatLocation(issue) ? `${formatLocation(issue)}: ` : ''}${issue.message}${issue.hint ? ` (${issue.hint})` : ''}\n`).join('')}`,
        );
      }
    } else {
      context.io.err('gen compare: could not read both sides (see above)\n');
    }
  }
  return output.same ? 0 : 1;
}
