import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { basename, delimiter, dirname, extname, join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import {
  fromKubernetes,
  manifestTooLarge,
  MAX_MANIFEST_CHARS,
  type ImportResult,
  type ManifestInput,
} from '@twinform/kubernetes';
import { toCompose } from '@twinform/compose';
import { formatLocation, makeIssue, sortIssues, toYaml, type Issue, type RenderedFile } from '@twinform/spec';
import { createContext, printJson, processIo, type CliContext, type GlobalOptions } from '../context';
import { isInside, toProjectPath } from '../paths';
import { plural } from '../session';
import { applyPlan, planWrites, WriteFailure, type WritePlan } from '../writer';

export interface ImportK8sOptions {
  paths: string[];
  out?: string;
  strict: boolean;
  name?: string;
}

export const command = 'k8s <paths..>';
export const describe =
  'create a spec from Kubernetes manifests: files, folders (recursive), kustomize folders (rendered with kubectl)';

export function builder<T>(yargs: Argv<T>): Argv<T & ImportK8sOptions> {
  return yargs
    .positional('paths', {
      type: 'string',
      array: true,
      describe: 'manifest files (*.yaml, *.yml, *.json), folders, or kustomize folders',
    })
    .option('out', {
      type: 'string',
      requiresArg: true,
      describe: 'folder to write twinform.yaml and services/<name>/ into (default: the current folder)',
    })
    .option('strict', {
      type: 'boolean',
      default: false,
      describe: 'exit 1 and write nothing when anything cannot be represented (any loss warning)',
    })
    .option('name', {
      type: 'string',
      requiresArg: true,
      describe: 'project name (default: the app.kubernetes.io/part-of label, else the --out folder name)',
    })
    .example('$0 import k8s k8s/', 'import every manifest under k8s/ into the current folder')
    .example('$0 import k8s overlays/prod --out ../spec', 'render a kustomize folder with kubectl, then import it')
    .example(
      '$0 import k8s app.yaml --strict --json',
      'in CI: fail on any loss, print the report as JSON',
    ) as unknown as Argv<T & ImportK8sOptions>;
}

/** What the command needs from the outside world; tests replace it. */
export interface ImportK8sDeps {
  /** Renders a kustomize folder (`kubectl kustomize DIR`); undefined when kubectl is not installed. */
  kustomize?: (folder: string) => string;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** kubectl on PATH, found without a shell. */
export function findOnPath(program: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue;
    for (const extension of extensions) {
      const candidate = join(folder, program + extension);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export function defaultDeps(env: Readonly<Record<string, string | undefined>>): ImportK8sDeps {
  const kubectl = findOnPath('kubectl', env);
  if (kubectl === undefined) return {};
  return {
    kustomize: (folder) =>
      execFileSync(kubectl, ['kustomize', folder], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: 120_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
  };
}

interface Collected {
  inputs: ManifestInput[];
  issues: Issue[];
}

/**
 * Reads the given files and folders. Folders are walked recursively; a folder with a kustomization
 * is rendered by kubectl instead. Symbolic links are followed only when they stay inside the
 * given path they were found under.
 */
export function collectManifests(
  paths: readonly string[],
  cwd: string,
  deps: ImportK8sDeps,
  /** A folder never walked into (the output folder, so a second import does not read the first one's spec). */
  skip?: string,
): Collected {
  const inputs: ManifestInput[] = [];
  const issues: Issue[] = [];
  const shown = (absolute: string): string => toProjectPath(relative(cwd, absolute)) || '.';
  const seen = new Set<string>();
  const readFile = (absolute: string): ManifestInput | undefined => {
    try {
      // Checked before reading: a 5 GB file must not be read into memory to find out it is too large.
      const size = fs.statSync(absolute).size;
      if (size > MAX_MANIFEST_CHARS) {
        issues.push(manifestTooLarge(shown(absolute), size));
        return undefined;
      }
      return { path: shown(absolute), content: fs.readFileSync(absolute, 'utf8') };
    } catch (error) {
      issues.push(
        makeIssue('error', 'io', `cannot read ${shown(absolute)}: ${(error as Error).message}`, {
          file: shown(absolute),
        }),
      );
      return undefined;
    }
  };
  const kustomization = (folder: string): string | undefined =>
    KUSTOMIZATION_FILES.map((name) => join(folder, name)).find((file) => fs.existsSync(file));
  const entries = (folder: string): fs.Dirent[] => {
    try {
      return fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (error) {
      issues.push(
        makeIssue('error', 'io', `cannot read the folder ${shown(folder)}: ${(error as Error).message}`, {
          file: shown(folder),
        }),
      );
      return [];
    }
  };
  const manifestFilesUnder = (folder: string, root: string): string[] => {
    const files: string[] = [];
    const walked = new Set<string>();
    const walk = (current: string): void => {
      const real = fs.realpathSync(current);
      if (walked.has(real)) return;
      walked.add(real);
      for (const entry of entries(current)) {
        const path = join(current, entry.name);
        const target = resolveEntry(path, root);
        if (!target) continue;
        if (target.directory && !SKIPPED_FOLDERS.has(entry.name)) walk(path);
        else if (
          !target.directory &&
          MANIFEST_EXTENSIONS.has(extname(entry.name)) &&
          !KUSTOMIZATION_FILES.includes(entry.name)
        ) {
          files.push(path);
        }
      }
    };
    walk(folder);
    return files;
  };
  /** A directory entry, or undefined for a symbolic link that leaves `root` (reported). */
  const resolveEntry = (path: string, root: string): { directory: boolean } | undefined => {
    const stats = fs.lstatSync(path);
    if (!stats.isSymbolicLink())
      return stats.isDirectory() || stats.isFile() ? { directory: stats.isDirectory() } : undefined;
    let real: string;
    try {
      real = fs.realpathSync(path);
    } catch {
      issues.push(
        makeIssue('warning', 'io', `${shown(path)} is a broken symbolic link; skipped`, { file: shown(path) }),
      );
      return undefined;
    }
    if (!isInside(root, real)) {
      issues.push(
        makeIssue('warning', 'io', `${shown(path)} is a symbolic link that leaves ${shown(root)}; not followed`, {
          file: shown(path),
          hint: 'pass the target itself if it should be imported',
        }),
      );
      return undefined;
    }
    const target = fs.statSync(real);
    return { directory: target.isDirectory() };
  };
  const renderKustomize = (folder: string, root: string): void => {
    const label = shown(folder);
    if (!deps.kustomize) {
      issues.push(
        makeIssue(
          'error',
          'io',
          `${label} is a kustomize folder, and rendering it needs kubectl, which is not on PATH`,
          {
            file: label,
            hint: `install kubectl (it renders with \`kubectl kustomize\`), or render it yourself (kustomize build ${label} > rendered.yaml) and import the rendered file`,
          },
        ),
      );
      return;
    }
    let content: string;
    try {
      content = deps.kustomize(folder);
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message);
      issues.push(
        makeIssue('error', 'io', `kubectl kustomize ${label} failed: ${kubectlError(stderr)}`, {
          file: label,
          hint: 'fix the kustomization (run `kubectl kustomize` on it to see the whole message)',
        }),
      );
      return;
    }
    const sources = manifestFilesUnder(folder, root)
      .map(readFile)
      .filter((input): input is ManifestInput => input !== undefined);
    const file = kustomization(folder) as string;
    inputs.push({ path: shown(file), content, renderedFrom: sources });
  };
  const visitFolder = (folder: string, root: string): void => {
    const real = fs.realpathSync(folder);
    if (seen.has(real)) return;
    seen.add(real);
    if (kustomization(folder)) {
      renderKustomize(folder, root);
      return;
    }
    for (const entry of entries(folder)) {
      const path = join(folder, entry.name);
      const target = resolveEntry(path, root);
      if (!target) continue;
      if (target.directory) {
        const skipped =
          SKIPPED_FOLDERS.has(entry.name) ||
          entry.name.startsWith('.') ||
          (skip !== undefined && resolve(path) === skip);
        if (!skipped) visitFolder(path, root);
      } else if (MANIFEST_EXTENSIONS.has(extname(entry.name))) {
        visitFile(path);
      }
    }
  };
  const visitFile = (file: string): void => {
    const real = fs.realpathSync(file);
    if (seen.has(real)) return;
    seen.add(real);
    const input = readFile(file);
    if (input) inputs.push(input);
  };
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(absolute);
    } catch {
      issues.push(
        makeIssue('error', 'io', `${given} does not exist`, { file: toProjectPath(given), hint: 'check the path' }),
      );
      continue;
    }
    const root = fs.realpathSync(absolute);
    if (stats.isDirectory()) visitFolder(absolute, root);
    else if (KUSTOMIZATION_FILES.includes(basename(absolute)))
      visitFolder(dirname(absolute), fs.realpathSync(dirname(absolute)));
    else visitFile(absolute);
  }
  return { inputs, issues };
}

const KLOG_PREFIX = /^[EWIF]\d{4} [\d:.]+\s+\d+ [^\]]*\] /;
const MAX_KUBECTL_ERROR_CHARS = 600;

/**
 * The cause in kubectl's error output. kubectl logs it in klog's structured form, either on one
 * line (`"command failed" err="..."`) or as a block (`err=<` then indented lines, then ` >`);
 * older versions print `error: ...`.
 */
export function kubectlError(stderr: string): string {
  const lines = stderr.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) return 'kubectl printed no error message';
  const head = (lines[first] as string).replace(KLOG_PREFIX, '');
  let message: string;
  const block = /\berr=<\s*$/.exec(head);
  const quoted = /\berr=("(?:[^"\\]|\\.)*")\s*$/.exec(head);
  if (block) {
    const body: string[] = [];
    for (const line of lines.slice(first + 1)) {
      if (line.trim() === '>') break;
      body.push(line.trim());
    }
    message = body.filter((line) => line !== '').join(' ');
  } else if (quoted) {
    try {
      message = JSON.parse(quoted[1] as string) as string;
    } catch {
      message = (quoted[1] as string).slice(1, -1);
    }
  } else {
    message = lines
      .slice(first)
      .map((line) => line.replace(KLOG_PREFIX, '').trim())
      .filter((line) => line !== '')
      .join(' ')
      .replace(/^error: /, '');
  }
  message = message.replace(/\s+/g, ' ').trim() || head.trim();
  return message.length > MAX_KUBECTL_ERROR_CHARS ? `${message.slice(0, MAX_KUBECTL_ERROR_CHARS)}…` : message;
}

function schemaPath(outDir: string, fromFolder: string, file: string): string {
  const installed = join(outDir, 'node_modules', 'twinform', 'schemas', file);
  const repository = resolve(__dirname, '..', '..', '..', '..');
  const inRepository = join(repository, 'schemas', file);
  const target =
    !fs.existsSync(installed) && fs.existsSync(inRepository) && isInside(repository, outDir) ? inRepository : installed;
  return toProjectPath(relative(fromFolder, target));
}

const specFile = (schema: string, value: unknown): string =>
  `# yaml-language-server: $schema=${schema}\n${toYaml(value)}`;

/** The files an import writes, relative to the output folder. */
export function importFiles(result: ImportResult, outDir: string): RenderedFile[] {
  const files: RenderedFile[] = [
    { path: 'twinform.yaml', content: specFile(schemaPath(outDir, outDir, 'project.schema.json'), result.project) },
  ];
  for (const service of result.services) {
    const folder = `services/${service.spec.name}`;
    files.push({
      path: `${folder}/service.yaml`,
      content: specFile(schemaPath(outDir, join(outDir, folder), 'service.schema.json'), service.spec),
    });
    for (const [path, content] of Object.entries(service.assets).sort(([a], [b]) => (a < b ? -1 : 1))) {
      files.push({ path: `${folder}/${path}`, content });
    }
  }
  return files;
}

const lossCount = (count: number): string => `${count} ${count === 1 ? 'loss' : 'losses'}`;

/** A loss is a warning (or error) with code 'loss'; info lines are notes that change no behaviour. */
export const isLoss = (issue: Issue): boolean => issue.code === 'loss' && issue.severity !== 'info';

/** A report stays readable: past this many lines for one file, the rest is counted (--json lists all). */
export const MAX_ISSUES_SHOWN_PER_FILE = 50;

/**
 * The issues to print: errors first within each file, at most `limit` per file, then one line
 * saying how many more there are.
 */
export function cappedIssues(issues: readonly Issue[], limit = MAX_ISSUES_SHOWN_PER_FILE): Issue[] {
  const byFile = new Map<string, Issue[]>();
  for (const issue of sortIssues(issues)) {
    const key = issue.file ?? '';
    const list = byFile.get(key) ?? [];
    list.push(issue);
    byFile.set(key, list);
  }
  const shown: Issue[] = [];
  for (const [file, list] of byFile) {
    if (list.length <= limit) {
      shown.push(...list);
      continue;
    }
    const rank = (issue: Issue): number => (issue.severity === 'error' ? 0 : issue.severity === 'warning' ? 1 : 2);
    const kept = [...list].sort((a, b) => rank(a) - rank(b)).slice(0, limit);
    shown.push(...sortIssues(kept));
    const hidden = list.length - kept.length;
    const errors =
      list.filter((issue) => issue.severity === 'error').length -
      kept.filter((issue) => issue.severity === 'error').length;
    shown.push(
      makeIssue(
        errors > 0 ? 'error' : 'info',
        'advice',
        `${hidden} more ${hidden === 1 ? 'issue' : 'issues'}${errors > 0 ? ` (${errors} of them errors)` : ''} in ${file === '' ? 'the project' : file} not shown`,
        {
          ...(file === '' ? {} : { file }),
          hint: 'fix the ones shown first, or run with --json to list them all',
        },
      ),
    );
  }
  return shown;
}

/** The loss report: one row per issue, columns aligned, hints under their row. */
export function lossTable(issues: readonly Issue[]): string {
  if (issues.length === 0) return '';
  const rows = cappedIssues(issues).map((issue) => ({
    location: formatLocation(issue) || '(project)',
    severity: issue.severity,
    field: issue.pointer || '-',
    message: issue.message,
    hint: issue.hint,
  }));
  const width = (key: 'location' | 'severity' | 'field'): number =>
    Math.min(60, Math.max(key.length, ...rows.map((row) => row[key].length)));
  const widths = { location: width('location'), severity: width('severity'), field: width('field') };
  const line = (location: string, severity: string, field: string, message: string): string =>
    `${location.padEnd(widths.location)}  ${severity.padEnd(widths.severity)}  ${field.padEnd(widths.field)}  ${message}`.trimEnd();
  const out = [line('LOCATION', 'SEVERITY', 'FIELD', 'WHAT')];
  for (const row of rows) {
    out.push(line(row.location, row.severity, row.field, row.message));
    if (row.hint) out.push(`${' '.repeat(widths.location + widths.severity + widths.field + 6)}hint: ${row.hint}`);
  }
  return `${out.join('\n')}\n`;
}

export interface ImportK8sOutput {
  written: boolean;
  out: string;
  files: string[];
  project: ImportResult['project'];
  services: string[];
  losses: number;
  issues: Issue[];
}

/** The highest folder of `path` that does not exist yet (undefined when `path` exists). */
function topmostMissing(path: string): string | undefined {
  let missing: string | undefined;
  for (let current = path; !fs.existsSync(current); current = dirname(current)) {
    missing = current;
    if (dirname(current) === current) break;
  }
  return missing;
}

export async function importKubernetes(
  args: ImportK8sOptions,
  context: CliContext,
  deps: ImportK8sDeps = defaultDeps(context.io.env),
): Promise<number> {
  const { io } = context;
  const outDir = resolve(io.cwd, args.out ?? '.');
  const collected = collectManifests(args.paths, io.cwd, deps, outDir);
  const issues: Issue[] = [...collected.issues];
  // `gen validate` runs both generators, so the import avoids what the compose generator refuses too.
  const result = fromKubernetes(collected.inputs, {
    projectName: basename(outDir),
    generators: [(loaded) => toCompose(loaded).issues],
  });
  issues.push(...result.issues);
  if (args.name !== undefined) result.project.name = args.name;

  const files = importFiles(result, outDir);
  const projectFile = join(outDir, 'twinform.yaml');
  const keepProject = fs.existsSync(projectFile);
  if (keepProject) {
    issues.push(
      makeIssue('info', 'io', 'twinform.yaml exists and is kept; the imported services are added next to it', {
        file: toProjectPath(relative(io.cwd, projectFile)),
        hint: `the manifests suggest these project settings: ${JSON.stringify(result.project)}`,
      }),
    );
  }
  const toWrite = files.filter((file) => !(keepProject && file.path === 'twinform.yaml'));
  const losses = issues.filter(isLoss);
  if (result.services.length === 0 && !issues.some((issue) => issue.severity === 'error')) {
    issues.push(
      makeIssue(
        'error',
        'missing-field',
        'no workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod...) found in the input; nothing to import',
        {
          hint: 'pass the files or folders that hold the manifests',
        },
      ),
    );
  }
  const refused = issues.some((issue) => issue.severity === 'error') || (args.strict && losses.length > 0);

  let plan: WritePlan | undefined;
  const shownOut = toProjectPath(relative(io.cwd, outDir)) || '.';
  const createdOut = topmostMissing(outDir);
  if (!refused && createdOut === undefined && !fs.statSync(outDir).isDirectory()) {
    issues.push(
      makeIssue('error', 'io', `--out ${shownOut} is a file, not a folder`, {
        hint: 'name a folder to write the spec into',
      }),
    );
  } else if (!refused) {
    // The writer checks paths inside an existing root; a folder created here is removed again if nothing is written.
    fs.mkdirSync(outDir, { recursive: true });
    plan = planWrites(outDir, toWrite, { force: false, managed: [], gitignore: [] });
    for (const path of plan.foreign.concat(plan.handEdited)) {
      const shown = toProjectPath(relative(io.cwd, join(outDir, path)));
      issues.push(
        makeIssue('error', 'io', `${shown} already exists with other content; the import does not overwrite it`, {
          file: shown,
          hint: 'import into an empty folder (--out), or move the existing file away',
        }),
      );
    }
    issues.push(...plan.problems);
  }
  let written = !refused && plan !== undefined && !issues.some((issue) => issue.severity === 'error');
  if (written && plan) {
    try {
      await applyPlan(outDir, plan);
    } catch (error) {
      if (!(error instanceof WriteFailure)) throw error;
      issues.push(
        makeIssue('error', 'io', `nothing was written: ${error.message}`, {
          hint: 'check the permissions of the output folder',
        }),
      );
      written = false;
    }
  }
  if (!written && createdOut !== undefined && fs.existsSync(createdOut))
    fs.rmSync(createdOut, { recursive: true, force: true });
  return finishImport(context, outDir, files, result, issues, written);
}

/** Prints the loss report and the outcome of an import (or its JSON form); the exit code. */
export function finishImport(
  context: CliContext,
  outDir: string | undefined,
  files: RenderedFile[],
  result: ImportResult | undefined,
  issues: Issue[],
  written: boolean,
): number {
  const { io, colors } = context;
  const sorted = sortIssues(issues);
  const losses = sorted.filter(isLoss);
  const shownOut = outDir === undefined ? '.' : toProjectPath(relative(io.cwd, outDir)) || '.';
  const reported = context.options.quiet ? sorted.filter((issue) => issue.severity === 'error') : sorted;
  if (reported.length > 0) io.err(lossTable(reported));
  if (context.options.json) {
    const output: ImportK8sOutput = {
      written,
      out: shownOut,
      files: files.map((file) => file.path),
      project: result?.project ?? { name: '' },
      services: result?.services.map((service) => service.spec.name) ?? [],
      losses: losses.length,
      issues: sorted,
    };
    printJson(context, output);
  } else if (written && !context.options.quiet && result) {
    io.out(
      `${colors.green('✓')} imported ${plural(result.services.length, 'service')} into ${shownOut} (${plural(files.length, 'file')}); ${lossCount(losses.length)} reported\n` +
        `next: review services/*/service.yaml, then run \`gen\` in ${shownOut}\n`,
    );
  }
  if (!written) {
    const reason = sorted.some((issue) => issue.severity === 'error')
      ? 'the input has errors'
      : `--strict, and ${lossCount(losses.length)} reported`;
    io.err(`gen: nothing written (${reason})\n`);
    return 1;
  }
  return 0;
}

/** yargs handler; the CLI passes its context, a bare yargs setup gets one for the process. */
export function handler(args: GlobalOptions & ImportK8sOptions, context?: CliContext): Promise<number> {
  return importKubernetes(args, context ?? createContext(args, processIo()));
}
