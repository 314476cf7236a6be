/**
 * Compose variable interpolation, as compose-go does it: $VAR, ${VAR}, ${VAR:-default},
 * ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+replacement}, ${VAR+replacement}, nested
 * templates inside defaults and replacements, and $$ for a literal $.
 */
export type VariableLookup = (name: string) => string | undefined;

export type InterpolationProblem =
  { kind: 'required'; variable: string; message: string; detail: string } | { kind: 'invalid'; message: string };

export interface InterpolationResult {
  value: string;
  /** Variables used without a value and without a default (compose substitutes ''). */
  unset: string[];
  problem?: InterpolationProblem;
}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

export function interpolate(template: string, lookup: VariableLookup): InterpolationResult {
  const unset: string[] = [];
  try {
    const value = substitute(template, lookup, unset);
    return { value, unset };
  } catch (error) {
    if (error instanceof TemplateError) return { value: template, unset, problem: error.problem };
    throw error;
  }
}

/** True when the string has anything compose would interpolate (or un-escape). */
export const hasInterpolation = (value: string): boolean => value.includes('$');

class TemplateError extends Error {
  constructor(readonly problem: InterpolationProblem) {
    super(problem.message);
  }
}

/** Defaults nest a level or two; deeper templates are refused before they exhaust the stack. */
export const MAX_TEMPLATE_DEPTH = 32;

function substitute(template: string, lookup: VariableLookup, unset: string[], depth = 0): string {
  if (depth > MAX_TEMPLATE_DEPTH) {
    throw new TemplateError({
      kind: 'invalid',
      message: `the template nests more than ${MAX_TEMPLATE_DEPTH} levels of \${...}`,
    });
  }
  let result = '';
  let index = 0;
  while (index < template.length) {
    const dollar = template.indexOf('$', index);
    if (dollar < 0) {
      result += template.slice(index);
      break;
    }
    result += template.slice(index, dollar);
    const next = template[dollar + 1];
    if (next === '$') {
      result += '$';
      index = dollar + 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(template, dollar + 2);
      if (close < 0) {
        throw new TemplateError({
          kind: 'invalid',
          message: `invalid interpolation format in "${template}": "\${" is never closed`,
        });
      }
      result += expandBraced(template.slice(dollar + 2, close), template, lookup, unset, depth);
      index = close + 1;
      continue;
    }
    const name = NAME.exec(template.slice(dollar + 1));
    if (name) {
      result += valueOf(name[0], lookup, unset);
      index = dollar + 1 + name[0].length;
      continue;
    }
    throw new TemplateError({
      kind: 'invalid',
      message: `invalid interpolation format in "${template}": a "$" must start a variable or be written "$$"`,
    });
  }
  return result;
}

/** Index of the "}" that closes a "${" whose body starts at `start`, counting nested "${". */
function matchingBrace(template: string, start: number): number {
  let depth = 1;
  for (let index = start; index < template.length; index += 1) {
    if (template[index] === '$' && template[index + 1] === '$') {
      index += 1;
      continue;
    }
    if (template[index] === '$' && template[index + 1] === '{') {
      depth += 1;
      index += 1;
      continue;
    }
    if (template[index] === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function expandBraced(body: string, template: string, lookup: VariableLookup, unset: string[], depth: number): string {
  const name = NAME.exec(body)?.[0];
  if (!name) {
    throw new TemplateError({
      kind: 'invalid',
      message: `invalid interpolation format in "${template}": "\${${body}}" does not start with a variable name`,
    });
  }
  const rest = body.slice(name.length);
  if (rest === '') return valueOf(name, lookup, unset);
  const operator = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
  if (!operator) {
    throw new TemplateError({
      kind: 'invalid',
      message: `invalid interpolation format in "${template}": unknown modifier "${rest}" after ${name}`,
    });
  }
  const argument = rest.slice(operator.length);
  const value = lookup(name);
  const empty = value === undefined || value === '';
  switch (operator) {
    case ':-':
      return empty ? substitute(argument, lookup, unset, depth + 1) : value;
    case '-':
      return value === undefined ? substitute(argument, lookup, unset, depth + 1) : value;
    case ':+':
      return empty ? '' : substitute(argument, lookup, unset, depth + 1);
    case '+':
      return value === undefined ? '' : substitute(argument, lookup, unset, depth + 1);
    default: {
      const missing = operator === ':?' ? empty : value === undefined;
      if (missing) {
        const message = substitute(argument, lookup, unset, depth + 1);
        throw new TemplateError({
          kind: 'required',
          variable: name,
          detail: message,
          message: `required variable ${name} is missing a value${message ? `: ${message}` : ''}`,
        });
      }
      return value as string;
    }
  }
}

function valueOf(name: string, lookup: VariableLookup, unset: string[]): string {
  const value = lookup(name);
  if (value === undefined) {
    if (!unset.includes(name)) unset.push(name);
    return '';
  }
  return value;
}

/** Names of the variables a template refers to (in defaults and replacements too), in order. */
export function variablesIn(template: string): string[] {
  const names: string[] = [];
  const pattern = /\$(\$|\{?([_a-zA-Z][_a-zA-Z0-9]*))/g;
  for (const match of template.matchAll(pattern)) {
    if (match[1] === '$') continue;
    const name = match[2]!;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
