import Handlebars from 'handlebars';
import { makeIssue, type Issue } from '@twinform/spec';
import {
  BUILT_IN_VARIABLES,
  invalidRoutePathReason,
  isPort,
  normalizeRoutePath,
  type PromptValue,
  type TemplatePrompt,
} from './manifest';
import { checkServiceName, NAME_CASES } from './names';
import { unsafePathReason } from './paths';
import type { ServiceTemplate, TemplateFile } from './templates';

/** Suffix of files whose content is rendered; other files are copied byte for byte. */
export const TEMPLATE_SUFFIX = '.hbs';

/** The file every service template must produce at the top of the service folder. */
export const SERVICE_SPEC_FILE = 'service.yaml';

/** Version written into the image reference of a new service. */
export const INITIAL_VERSION = '0.1.0';

/** Values a template sees. Only primitives: handlebars would call a function it finds in the context. */
export type TemplateVariables = Record<string, PromptValue | null>;

/** What the person asked for; everything else comes from the template's defaults. */
export interface ScaffoldInput {
  /** Service name (checked: DNS-1035 label). */
  name: string;
  projectName: string;
  /** Team or person owning the service, written into its README. */
  owner: string;
  /** Relative path from services/<NAME>/service.yaml to schemas/service.schema.json. */
  schemaPath: string;
  /** --port; default: the template's defaults.port. */
  port?: number;
  /** --path; default: the template's defaults.path; absent = the port stays internal. */
  path?: string;
  /** Prompt answers by prompt name (already typed, see parsePromptAnswer). */
  answers?: Record<string, PromptValue>;
}

export interface RenderResult {
  /** Paths relative to services/<NAME>/, sorted; empty when any error issue was found. */
  files: TemplateFile[];
  issues: Issue[];
}

/** Turns a typed answer (from a terminal or --set KEY=VALUE) into the prompt's type. */
export function parsePromptAnswer(prompt: TemplatePrompt, text: string): { value?: PromptValue; issue?: Issue } {
  const trimmed = text.trim();
  if (prompt.type === 'number') {
    const value = Number(trimmed);
    if (trimmed !== '' && Number.isFinite(value)) return { value };
  } else if (prompt.type === 'boolean') {
    if (/^(y|yes|true|1)$/i.test(trimmed)) return { value: true };
    if (/^(n|no|false|0)$/i.test(trimmed)) return { value: false };
  } else {
    return { value: text };
  }
  return {
    issue: makeIssue(
      'error',
      'invalid-value',
      `The answer ${JSON.stringify(text)} to '${prompt.name}' is not a ${prompt.type}.`,
      {
        hint: prompt.type === 'number' ? 'Give a number, e.g. 3.' : 'Answer yes or no.',
      },
    ),
  };
}

/**
 * All variables of one rendering: the built-ins (name, projectName, owner, port, path, expose,
 * image, schemaPath) plus one per prompt. Every variable is always defined (port null and path ''
 * when absent) so strict mode can treat any unknown name in a template as a mistake.
 */
export function templateVariables(
  template: ServiceTemplate,
  input: ScaffoldInput,
): { variables?: TemplateVariables; issues: Issue[] } {
  const issues: Issue[] = [...checkServiceName(input.name)];
  const { manifest } = template;

  if (input.port !== undefined && manifest.defaults.port === undefined) {
    issues.push(
      makeIssue('error', 'invalid-value', `Template '${template.name}' serves no port, so --port does not apply.`, {
        hint: 'Drop --port, or pick a template that serves HTTP (gen new --list).',
      }),
    );
  } else if (input.port !== undefined && !isPort(input.port)) {
    issues.push(
      makeIssue('error', 'invalid-value', `--port ${JSON.stringify(input.port)} is not a port number.`, {
        hint: 'Use an integer from 1 to 65535.',
      }),
    );
  }
  const port = input.port ?? manifest.defaults.port ?? null;

  let path = '';
  if (input.path !== undefined && !manifest.ingress) {
    issues.push(
      makeIssue(
        'error',
        'invalid-value',
        `Template '${template.name}' serves nothing an Ingress can route to, so --path does not apply.`,
        {
          hint: 'Drop --path, or pick a template that serves HTTP (gen new --list).',
        },
      ),
    );
  } else if (input.path !== undefined) {
    const reason = invalidRoutePathReason(input.path);
    if (reason !== undefined) {
      issues.push(
        makeIssue('error', 'invalid-value', `--path ${JSON.stringify(input.path)} is not usable: ${reason}.`, {
          hint: 'Give the URL prefix the Ingress routes to this service, e.g. --path /payments.',
        }),
      );
    } else {
      path = normalizeRoutePath(input.path);
    }
  } else if (manifest.defaults.path !== undefined) {
    path = manifest.defaults.path;
  }

  const answers: Record<string, PromptValue> = { ...(input.answers ?? {}) };
  const promptNames = manifest.prompts.map((prompt) => prompt.name);
  for (const key of Object.keys(answers)) {
    if (!promptNames.includes(key)) {
      issues.push(
        makeIssue('error', 'invalid-value', `Template '${template.name}' has no prompt '${key}'.`, {
          hint: promptNames.length > 0 ? `Its prompts: ${promptNames.join(', ')}.` : 'It declares no prompts.',
        }),
      );
    }
  }
  const promptValues: Record<string, PromptValue> = {};
  for (const prompt of manifest.prompts) {
    const value = Object.prototype.hasOwnProperty.call(answers, prompt.name) ? answers[prompt.name] : prompt.default;
    if (value === undefined) {
      issues.push(
        makeIssue(
          'error',
          'missing-field',
          `Template '${template.name}' needs an answer for '${prompt.name}' (${prompt.message}).`,
          {
            hint: `Answer on a terminal, or pass --set ${prompt.name}=VALUE.`,
          },
        ),
      );
    } else if (typeof value !== prompt.type) {
      issues.push(
        makeIssue('error', 'invalid-value', `The answer to '${prompt.name}' is not a ${prompt.type}.`, {
          hint: `Give a ${prompt.type}.`,
        }),
      );
    } else {
      promptValues[prompt.name] = value;
    }
  }

  if (issues.length > 0) return { issues };
  const builtIns: Record<(typeof BUILT_IN_VARIABLES)[number], PromptValue | null> = {
    name: input.name,
    projectName: input.projectName,
    owner: input.owner,
    port,
    path,
    expose: path === '' ? 'internal' : 'ingress',
    image: `${input.projectName}/${input.name}:${INITIAL_VERSION}`,
    schemaPath: input.schemaPath,
  };
  return { variables: { ...promptValues, ...builtIns }, issues };
}

interface HandlebarsFailure {
  message: string;
  line?: number;
  col?: number;
}

/** Handlebars reports positions in the message ("- 3:7", column 0-based) or as "on line 3". */
function describeFailure(error: unknown): HandlebarsFailure {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split('\n')[0]!;
  const located = /^(.*) - (\d+):(\d+)$/.exec(firstLine);
  if (located) return { message: located[1]!, line: Number(located[2]), col: Number(located[3]) + 1 };
  const parseLine = /on line (\d+)/.exec(firstLine);
  if (parseLine) return { message: raw.replace(/\n+/g, ' ').trim(), line: Number(parseLine[1]) };
  return { message: firstLine };
}

function failureIssue(
  template: ServiceTemplate,
  file: string,
  what: string,
  error: unknown,
  variables: TemplateVariables,
): Issue {
  const failure = describeFailure(error);
  const missing = /^"([^"]+)" not defined in/.exec(failure.message);
  const location: Pick<Issue, 'file' | 'line' | 'col'> = { file: `${template.source}/${template.name}/${file}` };
  if (failure.line !== undefined) location.line = failure.line;
  if (failure.col !== undefined) location.col = failure.col;
  if (missing) {
    return makeIssue(
      'error',
      'unresolved-reference',
      `The ${what} uses '${missing[1]}', which is not a template variable.`,
      {
        hint: `Variables: ${Object.keys(variables).sort().join(', ')}; helpers: ${Object.keys(NAME_CASES).join(', ')}, json. Declare new ones as prompts in template.yaml.`,
        ...location,
      },
    );
  }
  if (/unknown helper/.test(failure.message)) {
    return makeIssue(
      'error',
      'unresolved-reference',
      `The ${what} calls a helper twinform does not offer: ${failure.message}.`,
      {
        hint: `Helpers: ${Object.keys(NAME_CASES).join(', ')}, json, and the handlebars built-ins if, unless, each, with, lookup.`,
        ...location,
      },
    );
  }
  return makeIssue('error', 'syntax', `The ${what} is not a valid handlebars template: ${failure.message}`, {
    hint: 'Fix the handlebars syntax; write \\{{ for a literal {{.',
    ...location,
  });
}

/**
 * A private handlebars environment: only our helpers, no partials, no `log` (it would print).
 * Helpers receive only values from the context, so they coerce to strings and never return objects.
 */
function createEnvironment(): { env: typeof Handlebars; knownHelpers: Record<string, boolean> } {
  const env = Handlebars.create();
  env.unregisterHelper('log');
  const knownHelpers: Record<string, boolean> = { log: false, helperMissing: false, blockHelperMissing: false };
  for (const [helper, convert] of Object.entries(NAME_CASES)) {
    env.registerHelper(helper, (value: unknown) => convert(String(value)));
    knownHelpers[helper] = true;
  }
  env.registerHelper('json', (value: unknown) => JSON.stringify(value));
  knownHelpers.json = true;
  return { env, knownHelpers };
}

/**
 * Renders a template into the files of services/<NAME>/: paths (file and folder names may use
 * variables) are always rendered, contents only of `.hbs` files (the suffix is removed). Handlebars
 * runs in strict mode (an unknown variable is an error), with only known helpers and no access to
 * prototype properties. Every resulting path is checked to stay inside the service folder.
 */
export function renderTemplate(template: ServiceTemplate, variables: TemplateVariables): RenderResult {
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(variables)) {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      issues.push(
        makeIssue('error', 'invalid-value', `Template variable '${key}' is not a string, number or boolean.`, {
          hint: 'Pass only primitive values to renderTemplate.',
        }),
      );
    }
  }
  if (issues.length > 0) return { files: [], issues };

  const { env, knownHelpers } = createEnvironment();
  const context: TemplateVariables = { ...variables };
  const run = (source: string): string =>
    env.compile(source, { strict: true, knownHelpersOnly: true, knownHelpers, noEscape: true })(context, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
      allowCallsToHelperMissing: false,
    });

  const files: TemplateFile[] = [];
  const sourceOf = new Map<string, string>();
  for (const file of template.files) {
    const rendersContent = file.path.endsWith(TEMPLATE_SUFFIX);
    const pathTemplate = rendersContent ? file.path.slice(0, -TEMPLATE_SUFFIX.length) : file.path;
    let path: string;
    try {
      path = run(pathTemplate);
    } catch (error) {
      issues.push(failureIssue(template, file.path, `file name ${JSON.stringify(file.path)}`, error, variables));
      continue;
    }
    const reason = unsafePathReason(path);
    if (reason !== undefined) {
      issues.push(
        makeIssue(
          'error',
          'io',
          `Template file ${JSON.stringify(file.path)} renders to the path ${JSON.stringify(path)}, which is refused: ${reason}.`,
          {
            hint: 'Every rendered path must stay inside services/<NAME>/.',
            file: `${template.source}/${template.name}/${file.path}`,
          },
        ),
      );
      continue;
    }
    const clash = sourceOf.get(path);
    if (clash !== undefined) {
      issues.push(
        makeIssue(
          'error',
          'duplicate',
          `Template files ${JSON.stringify(clash)} and ${JSON.stringify(file.path)} both render to ${JSON.stringify(path)}.`,
          {
            hint: 'Give each template file its own rendered name.',
            file: `${template.source}/${template.name}/${file.path}`,
          },
        ),
      );
      continue;
    }
    sourceOf.set(path, file.path);
    let content = file.content;
    if (rendersContent) {
      try {
        content = run(file.content);
      } catch (error) {
        issues.push(failureIssue(template, file.path, `file ${JSON.stringify(file.path)}`, error, variables));
        continue;
      }
    }
    const rendered: TemplateFile = { path, content };
    if (file.mode !== undefined) rendered.mode = file.mode;
    files.push(rendered);
  }

  const paths = new Set(files.map((file) => file.path));
  for (const file of files) {
    const segments = file.path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = segments.slice(0, depth).join('/');
      if (paths.has(folder)) {
        issues.push(
          makeIssue(
            'error',
            'duplicate',
            `${JSON.stringify(folder)} is rendered both as a file and as the folder of ${JSON.stringify(file.path)}.`,
            {
              hint: 'Rename one of the template files.',
              file: `${template.source}/${template.name}/${sourceOf.get(file.path)}`,
            },
          ),
        );
      }
    }
  }
  if (issues.length === 0 && !paths.has(SERVICE_SPEC_FILE)) {
    issues.push(
      makeIssue('error', 'missing-field', `Template '${template.name}' produces no ${SERVICE_SPEC_FILE}.`, {
        hint: `Add ${SERVICE_SPEC_FILE}.hbs at the top of the template folder; it is what wires the service into both outputs.`,
        file: `${template.source}/${template.name}`,
      }),
    );
  }

  if (issues.length > 0) return { files: [], issues };
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), issues };
}
