import { LineCounter, parseDocument } from 'yaml';
import { makeIssue, type Issue } from '@twinform/spec';

/** Name of the file in every template folder that describes the template; it is never rendered. */
export const MANIFEST_FILE = 'template.yaml';

export type PromptType = 'string' | 'number' | 'boolean';
export type PromptValue = string | number | boolean;

/** A question a template asks (on a terminal) or answers from its default (otherwise). */
export interface TemplatePrompt {
  /** Variable name the answer is available under, e.g. `{{schedule}}`. */
  name: string;
  /** The question shown to the person. */
  message: string;
  type: PromptType;
  /** Used without a terminal and offered as the answer on one; a prompt without default must be answered. */
  default?: PromptValue;
}

/** The parsed template.yaml. */
export interface TemplateManifest {
  /** One line shown by `gen new --list` and in the interactive choice. */
  description: string;
  prompts: TemplatePrompt[];
  defaults: {
    /** Port the code listens on unless --port says otherwise; absent = the template serves no port. */
    port?: number;
    /** Ingress path prefix unless --path says otherwise; absent = internal only. */
    path?: string;
  };
  /** Whether --path is accepted: only templates that serve HTTP on their port can be routed to. */
  ingress: boolean;
}

/** Variables every template gets; prompts may not reuse these names. */
export const BUILT_IN_VARIABLES = [
  'name',
  'projectName',
  'owner',
  'port',
  'path',
  'expose',
  'image',
  'schemaPath',
] as const;

const PROMPT_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const PROMPT_TYPES: readonly PromptType[] = ['string', 'number', 'boolean'];
const MANIFEST_KEYS = ['description', 'prompts', 'defaults', 'ingress'];
const PROMPT_KEYS = ['name', 'message', 'type', 'default'];
const DEFAULTS_KEYS = ['port', 'path'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isPort = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;

/**
 * Why an ingress path is not usable, or undefined. Only plain URL path characters are allowed so the
 * value can be written unquoted into YAML, JavaScript, Python and Go source without escaping.
 */
export function invalidRoutePathReason(path: string): string | undefined {
  if (!path.startsWith('/')) return "it must start with '/'";
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(path)) return "only letters, digits and '/ . _ ~ -' are allowed";
  if (path.includes('//')) return "it contains '//'";
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return "it contains '.' or '..'";
  return undefined;
}

/** '/api/' → '/api'; '/' stays '/'. */
export const normalizeRoutePath = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') : path);

function unknownKeys(value: Record<string, unknown>, known: readonly string[], file: string, pointer: string): Issue[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) =>
      makeIssue('error', 'unknown-field', `${MANIFEST_FILE} has an unknown field '${key}'.`, {
        hint: `Known fields here: ${known.join(', ')}.`,
        file,
        pointer: `${pointer}/${key}`,
      }),
    );
}

function parsePrompt(raw: unknown, index: number, file: string): { prompt?: TemplatePrompt; issues: Issue[] } {
  const pointer = `/prompts/${index}`;
  const invalid = (message: string, hint: string, at = pointer): Issue =>
    makeIssue('error', 'invalid-value', message, { hint, file, pointer: at });
  if (!isRecord(raw)) {
    return { issues: [invalid(`Prompt ${index + 1} is not a mapping.`, 'Write name, message, type and default.')] };
  }
  const issues = unknownKeys(raw, PROMPT_KEYS, file, pointer);
  const { name, message, type = 'string' } = raw;
  if (typeof name !== 'string' || !PROMPT_NAME.test(name)) {
    issues.push(
      invalid(
        `Prompt ${index + 1} has no usable name.`,
        'name must be a letter followed by letters or digits (it becomes a template variable).',
        `${pointer}/name`,
      ),
    );
  } else if ((BUILT_IN_VARIABLES as readonly string[]).includes(name)) {
    issues.push(
      invalid(
        `Prompt name '${name}' is a built-in variable.`,
        `Choose another name; built-ins: ${BUILT_IN_VARIABLES.join(', ')}.`,
        `${pointer}/name`,
      ),
    );
  }
  if (typeof message !== 'string' || message.trim() === '') {
    issues.push(invalid(`Prompt ${index + 1} has no message.`, 'message is the question shown.', `${pointer}/message`));
  }
  if (typeof type !== 'string' || !(PROMPT_TYPES as readonly string[]).includes(type)) {
    issues.push(invalid(`Prompt ${index + 1} has an unknown type.`, `type is one of ${PROMPT_TYPES.join(', ')}.`));
  } else if (raw.default !== undefined && typeof raw.default !== type) {
    issues.push(
      invalid(
        `The default of prompt ${index + 1} is not a ${type}.`,
        `Write a ${type} default or change type.`,
        `${pointer}/default`,
      ),
    );
  }
  if (issues.length > 0) return { issues };
  const prompt: TemplatePrompt = { name: name as string, message: message as string, type: type as PromptType };
  if (raw.default !== undefined) prompt.default = raw.default as PromptValue;
  return { prompt, issues };
}

/** Parses and checks a template.yaml; `file` is the label used in issues. */
export function parseManifest(content: string, file: string): { manifest?: TemplateManifest; issues: Issue[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(content, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const position = lineCounter.linePos(error.pos[0]);
    return {
      issues: [
        makeIssue('error', 'syntax', `${MANIFEST_FILE} is not valid YAML: ${error.message.split('\n')[0]}`, {
          hint: 'Fix the YAML syntax.',
          file,
          line: position.line,
          col: position.col,
        }),
      ],
    };
  }
  const raw: unknown = document.toJS();
  if (!isRecord(raw)) {
    return {
      issues: [
        makeIssue('error', 'invalid-value', `${MANIFEST_FILE} must be a mapping.`, {
          hint: 'Write at least `description: ...`.',
          file,
        }),
      ],
    };
  }
  const issues = unknownKeys(raw, MANIFEST_KEYS, file, '');
  if (typeof raw.description !== 'string' || raw.description.trim() === '') {
    issues.push(
      makeIssue('error', 'missing-field', `${MANIFEST_FILE} has no description.`, {
        hint: 'Add `description: <one line>`; `gen new --list` shows it.',
        file,
        pointer: '/description',
      }),
    );
  }

  const prompts: TemplatePrompt[] = [];
  if (raw.prompts !== undefined && !Array.isArray(raw.prompts)) {
    issues.push(
      makeIssue('error', 'invalid-value', 'prompts must be a list.', {
        hint: 'Write `prompts: [{ name, message, type, default }]`.',
        file,
        pointer: '/prompts',
      }),
    );
  }
  const rawPrompts: unknown[] = Array.isArray(raw.prompts) ? raw.prompts : [];
  rawPrompts.forEach((rawPrompt, index) => {
    const parsed = parsePrompt(rawPrompt, index, file);
    issues.push(...parsed.issues);
    if (parsed.prompt) {
      if (prompts.some((existing) => existing.name === parsed.prompt!.name)) {
        issues.push(
          makeIssue('error', 'duplicate', `Prompt '${parsed.prompt.name}' is declared twice.`, {
            hint: 'Give each prompt its own name.',
            file,
            pointer: `/prompts/${index}/name`,
          }),
        );
      } else {
        prompts.push(parsed.prompt);
      }
    }
  });

  const defaults: TemplateManifest['defaults'] = {};
  const rawDefaults = raw.defaults ?? {};
  if (!isRecord(rawDefaults)) {
    issues.push(
      makeIssue('error', 'invalid-value', 'defaults must be a mapping.', {
        hint: 'Write `defaults: { port: 3000 }`.',
        file,
        pointer: '/defaults',
      }),
    );
  } else {
    issues.push(...unknownKeys(rawDefaults, DEFAULTS_KEYS, file, '/defaults'));
    if (rawDefaults.port !== undefined) {
      if (isPort(rawDefaults.port)) defaults.port = rawDefaults.port;
      else {
        issues.push(
          makeIssue('error', 'invalid-value', 'defaults.port is not a port number.', {
            hint: 'Use an integer from 1 to 65535.',
            file,
            pointer: '/defaults/port',
          }),
        );
      }
    }
    if (rawDefaults.path !== undefined) {
      const reason =
        typeof rawDefaults.path === 'string' ? invalidRoutePathReason(rawDefaults.path) : 'it is not a string';
      if (reason === undefined) defaults.path = normalizeRoutePath(rawDefaults.path as string);
      else {
        issues.push(
          makeIssue('error', 'invalid-value', `defaults.path is not usable: ${reason}.`, {
            hint: "Use a path prefix such as '/api'.",
            file,
            pointer: '/defaults/path',
          }),
        );
      }
    }
  }

  const ingress = raw.ingress ?? defaults.port !== undefined;
  if (typeof ingress !== 'boolean') {
    issues.push(
      makeIssue('error', 'invalid-value', 'ingress must be true or false.', {
        hint: 'true when the port serves HTTP that an Ingress may route to.',
        file,
        pointer: '/ingress',
      }),
    );
  } else if (ingress && defaults.port === undefined) {
    issues.push(
      makeIssue('error', 'invalid-value', 'ingress is true but the template has no port.', {
        hint: 'Set defaults.port, or ingress: false.',
        file,
        pointer: '/ingress',
      }),
    );
  }
  if (defaults.path !== undefined && ingress === false) {
    issues.push(
      makeIssue('error', 'invalid-value', 'defaults.path is set but ingress is false.', {
        hint: 'Remove defaults.path, or set ingress: true.',
        file,
        pointer: '/defaults/path',
      }),
    );
  }

  if (issues.length > 0) return { issues };
  return {
    manifest: { description: (raw.description as string).trim(), prompts, defaults, ingress: ingress as boolean },
    issues,
  };
}
