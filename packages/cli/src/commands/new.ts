import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Argv } from 'yargs';
import { parse as parseYaml } from 'yaml';
import {
  checkServiceName,
  listTemplates,
  parsePromptAnswer,
  renderTemplate,
  SERVICE_SPEC_FILE,
  templateVariables,
  type PromptValue,
  type ServiceTemplate,
  type TemplateFile,
  type TemplateFolder,
  type TemplateList,
  type TemplateSource,
} from '@twinform/scaffold';
import {
  hasErrors,
  makeIssue,
  resolveProject,
  schemaDir,
  SERVICE_SCHEMA_FILE,
  type Issue,
  type ProjectSpec,
} from '@twinform/spec';
import { printIssues, printJson, type CliContext, type GlobalOptions } from '../context';
import { DiskProjectSource, type ProjectSource, type ReadResult } from '../disk-source';
import { managedFiles } from '../managed';
import { isInside, toProjectPath, unsafePathReason } from '../paths';
import { defaultStages, loadOnly, runPipeline, type PipelineStages } from '../pipeline';
import { PROJECT_FILE } from '../project';
import { openProject, plural } from '../session';
import { isRefused, planWrites, refusalIssues } from '../writer';
import { generate } from './generate';

/** Every new service goes here; the folder name is the service name. */
export const SERVICES_DIR = 'services';

export interface NewOptions {
  kind?: string;
  name?: string;
  template?: string;
  port?: number;
  path?: string;
  /** One --set is a string, several are an array (yargs); a greedy array option would swallow positionals. */
  set?: string | string[];
  owner?: string;
  list: boolean;
  dryRun: boolean;
  force: boolean;
}

export function builder(yargs: Argv<GlobalOptions>): Argv<GlobalOptions & NewOptions> {
  return yargs
    .positional('kind', { type: 'string', choices: ['service'], describe: 'what to create' })
    .positional('name', { type: 'string', describe: 'service name: lowercase letters, digits and -, at most 52' })
    .option('template', { alias: 't', type: 'string', requiresArg: true, describe: 'template to render (see --list)' })
    .option('port', {
      type: 'number',
      requiresArg: true,
      describe: "port the service listens on (default: the template's)",
    })
    .option('path', {
      type: 'string',
      requiresArg: true,
      describe: 'expose the port by Ingress on this path prefix (default: internal only)',
    })
    .option('set', {
      type: 'string',
      requiresArg: true,
      describe: 'answer a template prompt: --set KEY=VALUE (repeatable)',
    })
    .option('owner', {
      type: 'string',
      requiresArg: true,
      describe: "owner written into the README (default: 'the PROJECT team')",
    })
    .option('list', { type: 'boolean', default: false, describe: 'list the templates and exit' })
    .option('dry-run', {
      type: 'boolean',
      default: false,
      describe: 'print the files that would be created; write nothing',
    })
    .option('force', {
      type: 'boolean',
      default: false,
      describe: 'replace an existing services/NAME/ folder (its old content is deleted)',
    })
    .example('$0 new service payments --template node-http', 'create services/payments/ and wire it into both outputs')
    .example('$0 new service payments -t node-http --path /payments', 'the same, routed by Ingress on /payments')
    .example('$0 new service nightly-report -t cronjob --set "schedule=0 2 * * *"', 'a scheduled job')
    .example('$0 new --list', 'list the templates') as unknown as Argv<GlobalOptions & NewOptions>;
}

/** Asks a person; only used when both stdin and stdout are terminals. */
export interface Prompter {
  /** Returns the chosen option's index. */
  choose(question: string, options: ReadonlyArray<{ label: string; detail: string }>): Promise<number | undefined>;
  /** Returns the answer; an empty answer keeps `fallback`. */
  ask(question: string, fallback: string | undefined): Promise<string>;
}

/** What the command needs from outside; tests replace parts of it. */
export interface NewDependencies {
  stages: PipelineStages;
  /** Folder of the built-in templates (holding one folder per template). */
  builtInTemplates: string | undefined;
  /** The service.schema.json that ships with this twinform, for the yaml-language-server line. */
  schemaFile: string | undefined;
  /** undefined when not on a terminal. */
  prompter: Prompter | undefined;
}

export function handler(args: GlobalOptions & NewOptions, context: CliContext): Promise<number> {
  const schemaFile = join(schemaDir(), SERVICE_SCHEMA_FILE);
  return runNew(args, context, {
    stages: defaultStages(),
    builtInTemplates: findBuiltInTemplates(),
    schemaFile: fs.existsSync(schemaFile) ? schemaFile : undefined,
    prompter: process.stdin.isTTY && context.io.isTTY ? terminalPrompter() : undefined,
  });
}

/** Exit code for command lines that cannot work as given (PRODUCT.md: 2). */
const USAGE = 2;

export async function runNew(
  args: GlobalOptions & NewOptions,
  context: CliContext,
  deps: NewDependencies,
): Promise<number> {
  if (args.list) return listCommand(context, deps);
  if (args.kind !== 'service' || args.name === undefined) {
    return usageError(
      context,
      'say what to create: gen new service NAME [--template T]',
      'list the templates with `gen new --list`',
    );
  }
  const name = args.name;
  const nameIssues = checkServiceName(name);
  if (nameIssues.length > 0) return fail(context, nameIssues, USAGE);
  if (args.port !== undefined && !Number.isInteger(args.port)) {
    return usageError(context, '--port needs a whole number', 'e.g. --port 8080');
  }

  const opened = openProject(context);
  if (!opened.ok) return fail(context, opened.issues, 1);
  const { root, source: disk } = opened;
  const project = readProjectFile(disk);
  if (!project.spec) return fail(context, project.issues, 1);

  const discovered = discoverTemplates(root, project.spec, deps.builtInTemplates);
  const catalog = listTemplates(discovered.sources);
  const readIssues = [...discovered.issues, ...catalog.issues];

  const chosen = await chooseTemplate(args.template, catalog, deps.prompter);
  if (!chosen.template) {
    const issues = [...readIssues.filter((issue) => chosen.rejected || issue.severity === 'error'), ...chosen.issues];
    if (!context.options.json && chosen.showList) context.io.err(formatTemplateList(catalog, context));
    return fail(context, issues, chosen.rejected ? 1 : USAGE);
  }
  const template = chosen.template;
  // Problems of other templates, or of a templates folder this run does not use, do not stop it.
  const notes = readIssues.map((issue): Issue => ({
    ...issue,
    severity: issue.severity === 'error' ? 'warning' : issue.severity,
  }));

  const settings = args.set === undefined ? [] : ([] as string[]).concat(args.set);
  const answers = await collectAnswers(template, settings, deps.prompter);
  if (!answers.values) return fail(context, answers.issues, USAGE);

  const port = args.port ?? freePublishedPort(template, args.path, disk, deps.stages, notes);
  const serviceDir = `${SERVICES_DIR}/${name}`;
  const input = {
    name,
    projectName: project.spec.name,
    owner: args.owner ?? `the ${project.spec.name} team`,
    schemaPath: schemaPathFor(root, serviceDir, deps.schemaFile),
    answers: answers.values,
    ...(port === undefined ? {} : { port }),
    ...(args.path === undefined ? {} : { path: args.path }),
  };
  const variables = templateVariables(template, input);
  if (!variables.variables) return fail(context, variables.issues, USAGE);
  const rendered = renderTemplate(template, variables.variables);
  if (hasErrors(rendered.issues)) return fail(context, rendered.issues, 1);

  const target = checkTarget(root, serviceDir, args.force);
  if (target.issues.length > 0) return fail(context, target.issues, 1);

  // Stage the files first: the check below loads the project as it will be, from real files, and the
  // real run then only has to rename the staged folder into place.
  const staging = createStaging(args.dryRun ? tmpdir() : root);
  let keepStaging = false;
  try {
    writeStagedFiles(staging, serviceDir, rendered.files);
    const preflight = checkWithNewService(disk, staging, serviceDir, deps.stages);
    if (hasErrors(preflight.issues) || !preflight.updates) {
      const footer = [preflight.problem, nothingWritten(serviceDir)].filter(Boolean).join('\ngen: ');
      return fail(context, [...notes, ...preflight.issues], 1, { footer });
    }
    const created = rendered.files.map((file) => `${serviceDir}/${file.path}`);
    if (args.dryRun) {
      reportDryRun(context, {
        template,
        serviceDir,
        created,
        updates: preflight.updates,
        issues: [...notes, ...preflight.issues],
      });
      return 0;
    }
    printIssues(context, context.options.json ? [] : notes);
    const moved = moveIntoPlace(root, staging, serviceDir, target.exists);
    const regenerated = await regenerate(args, context, deps.stages);
    if (regenerated.code !== 0) {
      const undo = moved.undo();
      if (undo.length > 0) keepStaging = true;
      return fail(context, [...regenerated.issues, ...undo], regenerated.code, {
        generate: regenerated.json,
        ...(undo.length > 0 ? {} : { footer: nothingWritten(serviceDir) }),
      });
    }
    reportCreated(context, { template, serviceDir, created, generate: regenerated.json, issues: notes });
    return 0;
  } finally {
    if (!keepStaging) fs.rmSync(staging, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting

/** Prints the issues (and, in text, a closing line), or with --json one object; returns `code`. */
function fail(
  context: CliContext,
  issues: readonly Issue[],
  code: number,
  extra: { footer?: string; generate?: unknown } = {},
): number {
  if (context.options.json) {
    printJson(context, {
      created: null,
      issues,
      ...(extra.generate === undefined ? {} : { generate: extra.generate }),
    });
  } else {
    printIssues(context, issues);
    if (extra.footer !== undefined) context.io.err(`gen: ${extra.footer}\n`);
  }
  return code;
}

function usageError(context: CliContext, message: string, hint: string): number {
  return fail(context, [makeIssue('error', 'invalid-value', message, { hint })], USAGE);
}

const nothingWritten = (serviceDir: string): string =>
  `nothing was written: ${serviceDir}/ was not created and the generated files are unchanged`;

function formatTemplateList(catalog: TemplateList, context: CliContext): string {
  const width = Math.max(0, ...catalog.templates.map((template) => template.name.length));
  const lines = catalog.templates.map((template) => {
    const origin =
      template.overrides !== undefined ? ` ${context.colors.dim(`(${template.source}, replaces the built-in)`)}` : '';
    return `  ${context.colors.bold(template.name.padEnd(width))}  ${template.manifest.description}${origin}`;
  });
  if (lines.length === 0) lines.push('  (none)');
  return `Templates:\n${lines.join('\n')}\n`;
}

function listCommand(context: CliContext, deps: NewDependencies): number {
  // Outside a project the built-ins are still worth listing.
  const opened = openProject(context);
  let sources: TemplateSource[] = [];
  const issues: Issue[] = [];
  if (opened.ok) {
    const project = readProjectFile(opened.source);
    issues.push(...project.issues);
    const discovered = discoverTemplates(opened.root, project.spec, deps.builtInTemplates);
    sources = discovered.sources;
    issues.push(...discovered.issues);
  } else {
    const discovered = discoverTemplates(undefined, undefined, deps.builtInTemplates);
    sources = discovered.sources;
    issues.push(...discovered.issues);
  }
  const catalog = listTemplates(sources);
  issues.push(...catalog.issues);
  if (context.options.json) {
    printJson(context, {
      templates: catalog.templates.map((template) => ({
        name: template.name,
        description: template.manifest.description,
        source: template.source,
        ...(template.overrides === undefined ? {} : { overrides: template.overrides }),
        defaults: template.manifest.defaults,
        prompts: template.manifest.prompts,
      })),
      issues,
    });
  } else {
    printIssues(context, issues);
    context.io.out(formatTemplateList(catalog, context));
  }
  return hasErrors(issues) ? 1 : 0;
}

function reportDryRun(
  context: CliContext,
  report: { template: ServiceTemplate; serviceDir: string; created: string[]; updates: string[]; issues: Issue[] },
): void {
  if (context.options.json) {
    printJson(context, {
      dryRun: true,
      created: report.serviceDir,
      template: report.template.name,
      files: report.created,
      updates: report.updates,
      issues: report.issues,
    });
    return;
  }
  printIssues(context, report.issues);
  const list = (paths: readonly string[]): string => paths.map((path) => `  ${path}\n`).join('');
  context.io.out(
    `gen: would create ${report.serviceDir}/ from template ${report.template.name} (${plural(report.created.length, 'file')}):\n` +
      list(report.created) +
      (report.updates.length > 0
        ? `and would write ${plural(report.updates.length, 'generated file')}:\n${list(report.updates)}`
        : '') +
      'gen: dry run, nothing was written\n',
  );
}

function reportCreated(
  context: CliContext,
  report: { template: ServiceTemplate; serviceDir: string; created: string[]; generate: unknown; issues: Issue[] },
): void {
  if (context.options.json) {
    printJson(context, {
      dryRun: false,
      created: report.serviceDir,
      template: report.template.name,
      files: report.created,
      generate: report.generate,
      issues: report.issues,
    });
    return;
  }
  if (context.options.quiet) return;
  const { colors } = context;
  context.io.out(
    `${colors.green('✓')} created ${report.serviceDir}/ from template ${report.template.name} (${plural(report.created.length, 'file')})\n\n` +
      'Next steps:\n' +
      `  1. read ${report.serviceDir}/README.md: how to run and test it locally\n` +
      `  2. change ports, env or probes in ${report.serviceDir}/${SERVICE_SPEC_FILE}, then run \`npx gen\`\n` +
      `  3. commit ${report.serviceDir}/ together with the regenerated compose file and Kubernetes manifests\n`,
  );
}

// ---------------------------------------------------------------------------------------------
// Project file and template discovery

/** name and templates from twinform.yaml; the full validation happens in the check before writing. */
function readProjectFile(disk: ProjectSource): { spec?: Pick<ProjectSpec, 'name' | 'templates'>; issues: Issue[] } {
  const read = disk.readFile(PROJECT_FILE);
  const invalid = (message: string): { issues: Issue[] } => ({
    issues: [
      makeIssue('error', 'invalid-value', message, { file: PROJECT_FILE, hint: 'run `gen validate` for details' }),
    ],
  });
  if (!read.ok) return { issues: [makeIssue('error', 'io', read.reason, { file: PROJECT_FILE })] };
  let value: unknown;
  try {
    value = parseYaml(read.content);
  } catch {
    return invalid(`${PROJECT_FILE} is not valid YAML`);
  }
  const spec = value as Partial<ProjectSpec> | null;
  if (typeof spec !== 'object' || spec === null || typeof spec.name !== 'string')
    return invalid(`${PROJECT_FILE} has no name`);
  if (spec.templates !== undefined && typeof spec.templates !== 'string')
    return invalid('templates must be a folder path');
  return {
    spec: { name: spec.name, ...(spec.templates === undefined ? {} : { templates: spec.templates }) },
    issues: [],
  };
}

const BUILT_IN_LABEL = 'built-in';

/** Built-in templates first, then the project's (which override built-ins by name). */
function discoverTemplates(
  root: string | undefined,
  project: Pick<ProjectSpec, 'templates'> | undefined,
  builtInFolder: string | undefined,
): { sources: TemplateSource[]; issues: Issue[] } {
  const sources: TemplateSource[] = [];
  const issues: Issue[] = [];
  if (builtInFolder !== undefined) {
    const builtIn = readTemplateFolders(builtInFolder, BUILT_IN_LABEL);
    sources.push(builtIn.source);
    issues.push(...builtIn.issues);
  }
  if (root !== undefined && project?.templates !== undefined) {
    const folder = project.templates.replace(/\/+$/, '');
    const unsafe = unsafePathReason(folder);
    const absolute = join(root, folder);
    if (unsafe) {
      issues.push(
        makeIssue('error', 'invalid-value', `templates: ${unsafe}`, { file: PROJECT_FILE, pointer: '/templates' }),
      );
    } else if (!fs.existsSync(absolute) || !fs.statSync(absolute).isDirectory()) {
      issues.push(
        makeIssue('error', 'unresolved-reference', `templates names the folder ${folder}, which does not exist`, {
          file: PROJECT_FILE,
          pointer: '/templates',
          hint: `create ${folder}/ with one folder per template, or remove templates from ${PROJECT_FILE}`,
        }),
      );
    } else if (!isInside(fs.realpathSync(root), fs.realpathSync(absolute))) {
      issues.push(
        makeIssue('error', 'io', `templates: ${folder} is a symbolic link that leads outside the project folder`, {
          file: PROJECT_FILE,
          pointer: '/templates',
        }),
      );
    } else {
      const projectTemplates = readTemplateFolders(absolute, toProjectPath(folder));
      sources.push(projectTemplates.source);
      issues.push(...projectTemplates.issues);
    }
  }
  return { sources, issues };
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Every sub-folder of `folder` is a template; files directly in it (a README) are not. */
function readTemplateFolders(folder: string, label: string): { source: TemplateSource; issues: Issue[] } {
  const templates: TemplateFolder[] = [];
  const issues: Issue[] = [];
  let realFolder: string;
  try {
    realFolder = fs.realpathSync(folder);
  } catch {
    return {
      source: { label, templates },
      issues: [makeIssue('error', 'io', `the template folder ${label} cannot be read`)],
    };
  }
  for (const entry of fs.readdirSync(realFolder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = join(realFolder, entry.name);
    if (entry.isSymbolicLink()) {
      const real = realpathOrUndefined(path);
      if (real === undefined || !fs.statSync(real).isDirectory()) continue;
      if (!isInside(realFolder, real)) {
        templates.push({
          name: entry.name,
          files: [],
          problems: [
            makeIssue('error', 'io', `the template ${entry.name} is a symbolic link that leads outside ${label}`, {
              file: `${label}/${entry.name}`,
              hint: 'copy the template into the folder instead of linking it',
            }),
          ],
        });
        continue;
      }
      templates.push(readTemplate(real, entry.name, label));
    } else if (entry.isDirectory()) {
      templates.push(readTemplate(path, entry.name, label));
    }
  }
  return { source: { label, templates }, issues };
}

const realpathOrUndefined = (path: string): string | undefined => {
  try {
    return fs.realpathSync(path);
  } catch {
    return undefined;
  }
};

/** Reads one template folder as data; symbolic links that leave it become problems that reject it. */
function readTemplate(folder: string, name: string, label: string): TemplateFolder {
  const files: TemplateFile[] = [];
  const problems: Issue[] = [];
  const visited = new Set<string>([folder]);
  const refuse = (relativePath: string, why: string): void => {
    problems.push(
      makeIssue('error', 'io', `${label}/${name}/${relativePath} ${why}`, {
        file: `${label}/${name}/${relativePath}`,
        hint: 'templates may only contain files inside their own folder',
      }),
    );
  };
  const walk = (absolute: string, prefix: string): void => {
    for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const relativePath = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      let path = join(absolute, entry.name);
      if (entry.isSymbolicLink()) {
        const real = realpathOrUndefined(path);
        if (real === undefined) {
          refuse(relativePath, 'is a broken symbolic link');
          continue;
        }
        if (!isInside(folder, real)) {
          refuse(relativePath, 'is a symbolic link that leads outside the template folder');
          continue;
        }
        path = real;
      }
      const stats = fs.statSync(path);
      if (stats.isDirectory()) {
        if (visited.has(path)) {
          refuse(relativePath, 'links back to a folder above it');
          continue;
        }
        visited.add(path);
        walk(path, relativePath);
      } else if (stats.isFile()) {
        const file: TemplateFile = { path: relativePath, content: fs.readFileSync(path, 'utf8') };
        if ((stats.mode & 0o111) !== 0) file.mode = 0o755;
        files.push(file);
      }
    }
  };
  walk(folder, '');
  return problems.length > 0 ? { name, files, problems } : { name, files };
}

/**
 * Where this twinform keeps its templates: in the published package next to dist/, or at the root
 * of the monorepo it was built in. Never guessed by walking further up, where a user's own
 * templates folder could be mistaken for the built-ins.
 */
function findBuiltInTemplates(): string | undefined {
  const packageRoot = resolve(__dirname, '..', '..');
  const monorepoRoot = resolve(packageRoot, '..', '..');
  const isMonorepo = (() => {
    try {
      const manifest = JSON.parse(fs.readFileSync(join(monorepoRoot, 'package.json'), 'utf8')) as {
        workspaces?: unknown;
      };
      return Array.isArray(manifest.workspaces) && manifest.workspaces.includes('packages/cli');
    } catch {
      return false;
    }
  })();
  const candidates = isMonorepo ? [packageRoot, monorepoRoot] : [packageRoot];
  return candidates.map((base) => join(base, 'templates', 'services')).find((path) => fs.existsSync(path));
}

/**
 * The `$schema` path written into the new service.yaml, relative to services/NAME/. A project with
 * twinform installed uses node_modules/twinform/schemas; a project inside the twinform repository
 * (the examples) points at the repository's schemas/; otherwise the node_modules path is still the
 * one that works once twinform is installed.
 */
export function schemaPathFor(root: string, serviceDir: string, installedSchema: string | undefined): string {
  const serviceFolder = join(root, serviceDir);
  const inNodeModules = join(root, 'node_modules', 'twinform', 'schemas', 'service.schema.json');
  const toPosix = (path: string): string => path.split(sep).join('/');
  if (!fs.existsSync(inNodeModules) && installedSchema !== undefined) {
    const repository = dirname(dirname(installedSchema));
    if (isInside(repository, root)) return toPosix(relative(serviceFolder, installedSchema));
  }
  return toPosix(relative(serviceFolder, inNodeModules));
}

// ---------------------------------------------------------------------------------------------
// Choosing the template and answering its prompts

interface Choice {
  template?: ServiceTemplate;
  issues: Issue[];
  /** Print the template list with the error. */
  showList: boolean;
  /** The template exists but is broken (exit 1, not a usage error). */
  rejected: boolean;
}

async function chooseTemplate(
  requested: string | undefined,
  catalog: TemplateList,
  prompter: Prompter | undefined,
): Promise<Choice> {
  const names = catalog.templates.map((template) => template.name);
  if (requested !== undefined) {
    const template = catalog.templates.find((candidate) => candidate.name === requested);
    if (template) return { template, issues: [], showList: false, rejected: false };
    const rejected = catalog.rejected.find((candidate) => candidate.name === requested);
    if (rejected) {
      return {
        issues: [
          makeIssue('error', 'invalid-value', `the template ${requested} (${rejected.source}) cannot be used`, {
            hint: 'fix the problems above',
          }),
        ],
        showList: false,
        rejected: true,
      };
    }
    const close = names.filter((name) => name.includes(requested) || requested.includes(name));
    return {
      issues: [
        makeIssue('error', 'invalid-value', `there is no template named ${JSON.stringify(requested)}`, {
          hint: close.length > 0 ? `did you mean ${close.join(' or ')}?` : `choose one of: ${names.join(', ')}`,
        }),
      ],
      showList: true,
      rejected: false,
    };
  }
  if (catalog.templates.length === 0) {
    return {
      issues: [makeIssue('error', 'unresolved-reference', 'no templates were found', {})],
      showList: false,
      rejected: true,
    };
  }
  if (!prompter) {
    return {
      issues: [
        makeIssue(
          'error',
          'missing-field',
          'choose a template with --template T (not on a terminal, so gen cannot ask)',
          {
            hint: `e.g. --template ${names.includes('node-http') ? 'node-http' : names[0]}`,
          },
        ),
      ],
      showList: true,
      rejected: false,
    };
  }
  const index = await prompter.choose(
    'Which template?',
    catalog.templates.map((template) => ({ label: template.name, detail: template.manifest.description })),
  );
  if (index === undefined) {
    return {
      issues: [makeIssue('error', 'missing-field', 'no template was chosen', { hint: 'pass --template T' })],
      showList: true,
      rejected: false,
    };
  }
  return { template: catalog.templates[index]!, issues: [], showList: false, rejected: false };
}

async function collectAnswers(
  template: ServiceTemplate,
  settings: readonly string[],
  prompter: Prompter | undefined,
): Promise<{ values?: Record<string, PromptValue>; issues: Issue[] }> {
  const issues: Issue[] = [];
  const values: Record<string, PromptValue> = {};
  const given = new Set<string>();
  for (const setting of settings) {
    const separator = setting.indexOf('=');
    if (separator <= 0) {
      issues.push(
        makeIssue('error', 'invalid-value', `--set ${JSON.stringify(setting)} is not KEY=VALUE`, {
          hint: 'e.g. --set schedule="0 2 * * *"',
        }),
      );
      continue;
    }
    const key = setting.slice(0, separator);
    const prompt = template.manifest.prompts.find((candidate) => candidate.name === key);
    if (!prompt) {
      const known = template.manifest.prompts.map((candidate) => candidate.name);
      issues.push(
        makeIssue('error', 'invalid-value', `the template ${template.name} has no prompt ${JSON.stringify(key)}`, {
          hint: known.length > 0 ? `its prompts: ${known.join(', ')}` : 'it declares no prompts',
        }),
      );
      continue;
    }
    const parsed = parsePromptAnswer(prompt, setting.slice(separator + 1));
    if (parsed.issue) issues.push(parsed.issue);
    else values[key] = parsed.value!;
    given.add(key);
  }
  if (prompter) {
    for (const prompt of template.manifest.prompts) {
      if (given.has(prompt.name)) continue;
      for (let attempt = 0; attempt < 3; attempt++) {
        const fallback = prompt.default === undefined ? undefined : String(prompt.default);
        const answer = await prompter.ask(prompt.message, fallback);
        if (answer === '' && fallback === undefined) continue;
        const parsed = parsePromptAnswer(prompt, answer === '' ? fallback! : answer);
        if (parsed.value !== undefined) {
          values[prompt.name] = parsed.value;
          break;
        }
      }
    }
  }
  return issues.length > 0 ? { issues } : { values, issues };
}

/** Questions on stderr, so stdout stays the command's output; one readline per question keeps stdin free otherwise. */
function terminalPrompter(): Prompter {
  const question = async (text: string): Promise<string> => {
    const readline = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return (await readline.question(text)).trim();
    } finally {
      readline.close();
    }
  };
  return {
    async choose(title, options) {
      const width = Math.max(...options.map((option) => option.label.length));
      const list = options.map(
        (option, index) => `  ${String(index + 1).padStart(2)}) ${option.label.padEnd(width)}  ${option.detail}`,
      );
      process.stderr.write(`${title}\n${list.join('\n')}\n`);
      for (let attempt = 0; attempt < 3; attempt++) {
        const answer = await question(`Template [1-${options.length}]: `);
        const byNumber = Number(answer);
        if (Number.isInteger(byNumber) && byNumber >= 1 && byNumber <= options.length) return byNumber - 1;
        const byName = options.findIndex((option) => option.label === answer);
        if (byName >= 0) return byName;
        process.stderr.write(`Answer a number from 1 to ${options.length}, or a template name.\n`);
      }
      return undefined;
    },
    async ask(message, fallback) {
      return question(fallback === undefined ? `${message}: ` : `${message} [${fallback}]: `);
    },
  };
}

/**
 * A port routed by Ingress is also published on the same host port in compose, so the template's
 * default would make `docker compose up` fail when another service (or the local ingress proxy)
 * already publishes it. Without --port, the next free number is taken instead, and said so.
 */
function freePublishedPort(
  template: ServiceTemplate,
  path: string | undefined,
  disk: ProjectSource,
  stages: PipelineStages,
  notes: Issue[],
): number | undefined {
  const preferred = template.manifest.defaults.port;
  const routed = template.manifest.ingress && (path !== undefined || template.manifest.defaults.path !== undefined);
  if (preferred === undefined || !routed) return undefined;
  const loaded = loadOnly(disk, stages);
  if (!loaded.project || !loaded.settings) return undefined;
  const taken = new Set<number>();
  for (const service of resolveProject(loaded.project, loaded.settings.localEnvironment).services) {
    for (const port of service.ports) if (port.hostPort !== undefined) taken.add(port.hostPort);
  }
  if (loaded.settings.proxy.enabled) taken.add(loaded.settings.proxy.port);
  let port = preferred;
  while (taken.has(port) && port < 65535) port += 1;
  if (port === preferred) return undefined;
  notes.push(
    makeIssue(
      'info',
      'advice',
      `port ${preferred} is already published in compose, so the new service listens on ${port}`,
      {
        hint: 'pass --port N to choose another',
      },
    ),
  );
  return port;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Whether services/NAME exists, and whether it may be replaced. */
function checkTarget(root: string, serviceDir: string, force: boolean): { exists: boolean; issues: Issue[] } {
  const realRoot = fs.realpathSync(root);
  const servicesFolder = join(root, SERVICES_DIR);
  if (fs.existsSync(servicesFolder)) {
    const real = fs.realpathSync(servicesFolder);
    if (!isInside(realRoot, real) || !fs.statSync(real).isDirectory()) {
      return {
        exists: false,
        issues: [
          makeIssue(
            'error',
            'io',
            `${SERVICES_DIR}/ is not a folder inside the project (a file, or a symbolic link leading outside)`,
          ),
        ],
      };
    }
  }
  let exists = true;
  try {
    fs.lstatSync(join(root, serviceDir));
  } catch {
    exists = false;
  }
  if (exists && !force) {
    return {
      exists,
      issues: [
        makeIssue('error', 'io', `${serviceDir}/ already exists; nothing was changed`, {
          file: serviceDir,
          hint: 'choose another name, or pass --force to replace the folder (its current content is deleted)',
        }),
      ],
    };
  }
  return { exists, issues: [] };
}

let stagingCounter = 0;

/** A fresh folder whose name the default service-file globs never match (it starts with a dot). */
function createStaging(parent: string): string {
  for (;;) {
    const path = join(parent, `.twinform-new-${process.pid}-${stagingCounter++}`);
    try {
      fs.mkdirSync(path);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function writeStagedFiles(staging: string, serviceDir: string, files: readonly TemplateFile[]): void {
  for (const file of files) {
    const absolute = join(staging, serviceDir, file.path);
    fs.mkdirSync(dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, file.content, { flag: 'wx', ...(file.mode === undefined ? {} : { mode: file.mode }) });
  }
}

/**
 * The project as it will be once the service exists: files under services/NAME come from the
 * staging folder, everything else from the project. With --force the old folder's files are hidden.
 */
class ProjectWithNewService implements ProjectSource {
  private readonly staged: DiskProjectSource;
  constructor(
    private readonly disk: DiskProjectSource,
    staging: string,
    private readonly serviceDir: string,
  ) {
    this.staged = new DiskProjectSource(staging);
  }

  private isNew(path: string): boolean {
    return path === this.serviceDir || path.startsWith(`${this.serviceDir}/`);
  }

  readFile(path: string): ReadResult {
    return this.isNew(path) ? this.staged.readFile(path) : this.disk.readFile(path);
  }

  glob(patterns: readonly string[]): string[] {
    const existing = this.disk.glob(patterns).filter((path) => !this.isNew(path));
    const added = this.staged.glob(patterns).filter((path) => this.isNew(path));
    return [...existing, ...added].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/** Loads, validates and generates the project with the new service, without writing; returns the outputs that would change. */
function checkWithNewService(
  disk: DiskProjectSource,
  staging: string,
  serviceDir: string,
  stages: PipelineStages,
): { updates?: string[]; issues: Issue[]; problem?: string } {
  const result = runPipeline(new ProjectWithNewService(disk, staging, serviceDir), stages);
  if (hasErrors(result.issues) || !result.project || !result.settings) {
    return {
      issues: result.issues,
      problem: `the project does not generate with ${serviceDir}/ added (see the errors above: they come from the template, its answers, or a project that was invalid before)`,
    };
  }
  const specFile = `${serviceDir}/${SERVICE_SPEC_FILE}`;
  if (!result.project.services.some((service) => service.file === specFile)) {
    return {
      issues: [
        ...result.issues,
        makeIssue('error', 'unresolved-reference', `serviceFiles in ${PROJECT_FILE} does not find ${specFile}`, {
          file: PROJECT_FILE,
          pointer: '/serviceFiles',
          hint: `add '${SERVICES_DIR}/*/${SERVICE_SPEC_FILE}' to serviceFiles, so the new service is part of the outputs`,
        }),
      ],
    };
  }
  const plan = planWrites(disk.root, result.files, {
    force: false,
    managed: managedFiles(disk, result.settings),
    gitignore: result.gitignore,
  });
  if (isRefused(plan)) {
    return {
      issues: [...result.issues, ...refusalIssues(plan)],
      problem: 'the generated files cannot be updated as they are (see above): resolve that with `gen` first',
    };
  }
  return {
    updates: [...plan.writes.map((write) => write.path), ...plan.deletes.map((remove) => remove.path)].sort(),
    issues: result.issues,
  };
}

/**
 * Renames the staged folder to services/NAME (after moving an existing one aside into the staging
 * folder, with --force). Renames within one file system are atomic, so the folder appears whole
 * or not at all. `undo` puts everything back and returns what could not be undone.
 */
function moveIntoPlace(
  root: string,
  staging: string,
  serviceDir: string,
  replaceExisting: boolean,
): { undo: () => Issue[] } {
  const target = join(root, serviceDir);
  const staged = join(staging, serviceDir);
  const previous = join(staging, 'previous');
  const servicesFolder = join(root, SERVICES_DIR);
  const createdServicesFolder = !fs.existsSync(servicesFolder);
  if (createdServicesFolder) fs.mkdirSync(servicesFolder);
  if (replaceExisting) fs.renameSync(target, previous);
  try {
    fs.renameSync(staged, target);
  } catch (error) {
    if (replaceExisting) fs.renameSync(previous, target);
    if (createdServicesFolder) fs.rmdirSync(servicesFolder);
    throw error;
  }
  return {
    undo: () => {
      const problems: Issue[] = [];
      try {
        fs.renameSync(target, staged);
        if (replaceExisting) fs.renameSync(previous, target);
        if (createdServicesFolder) fs.rmdirSync(servicesFolder);
      } catch (error) {
        problems.push(
          makeIssue('error', 'io', `undoing the new ${serviceDir}/ failed (${(error as Error).message})`, {
            hint: `the previous content is kept in ${toProjectPath(relative(root, staging))}/; restore it by hand`,
          }),
        );
      }
      return problems;
    },
  };
}

/** Runs `gen` (generate) for the project; with --json its summary is kept to embed in ours. */
async function regenerate(
  args: GlobalOptions,
  context: CliContext,
  stages: PipelineStages,
): Promise<{ code: number; json?: unknown; issues: Issue[] }> {
  if (!context.options.json) {
    const code = await generate({ ...args, force: false }, context, stages);
    return {
      code,
      issues: code === 0 ? [] : [makeIssue('error', 'io', 'regenerating the outputs failed (see above)')],
    };
  }
  let captured = '';
  const quiet: CliContext = { ...context, io: { ...context.io, out: (text) => (captured += text) } };
  const code = await generate({ ...args, force: false }, quiet, stages);
  let json: unknown;
  try {
    json = JSON.parse(captured);
  } catch {
    json = captured;
  }
  const issues = (json as { issues?: Issue[] } | undefined)?.issues ?? [];
  return { code, json, issues: code === 0 ? [] : issues };
}
