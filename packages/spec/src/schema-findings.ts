import type { ErrorObject } from 'ajv/dist/2020';
import type { IssueCode, IssueSeverity } from './issues';
import type { JsonSchema } from './schemas';
import { didYouMean, didYouMeanHint, orList } from './suggest';
import { fromPointer } from './yaml-document';
import type { PathSegment } from './yaml-document';

/** A problem found in one validated value, before it is placed in a file. */
export interface Finding {
  severity: IssueSeverity;
  code: IssueCode;
  /** Where the problem is, relative to the validated value. */
  path: PathSegment[];
  /** Point at the key rather than the value (unknown fields, names). */
  target?: 'key' | 'value';
  /** Show the parent's path in the message (the key itself is named in the message). */
  showParentPath?: boolean;
  message: string;
  hint?: string;
}

type SourceText = (path: readonly PathSegment[]) => string | undefined;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const COMPOSE_FIELD_HINTS: Record<string, string> = {
  environment: "twinform calls it env (a map of variables); 'environments' holds per-environment overrides",
  healthcheck: 'twinform calls it health (liveness, readiness and startup probes)',
  container_name: 'the service name is name',
  entrypoint: 'twinform calls it command (it replaces the entrypoint)',
  deploy: 'use replicas, autoscaling and resources',
  restart: 'use workload: service restarts, job and cronjob run to completion',
  expose: 'set expose on each entry of ports',
  cap_add: 'use security.addCapabilities',
  read_only: 'use security.readOnlyRootFilesystem',
};

function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 16; hops += 1) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) return current;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) {
      target = isPlainObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    if (!isPlainObject(target)) return current;
    current = target;
  }
  return current;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  object: 'mapping',
  array: 'list',
  null: 'null',
};

/** The alternatives of an anyOf in a few words: 'string', '{secret}', '{config,key}'. */
function alternatives(schema: JsonSchema, root: JsonSchema, depth = 0): string[] {
  const resolved = resolveRef(schema, root);
  if (Array.isArray(resolved.anyOf) && depth < 8) {
    return resolved.anyOf.flatMap((branch) => (isPlainObject(branch) ? alternatives(branch, root, depth + 1) : []));
  }
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  return types.flatMap((type) => {
    if (type === 'object' && Array.isArray(resolved.required) && resolved.required.length > 0) {
      return [`{${resolved.required.join(',')}}`];
    }
    return typeof type === 'string' ? [TYPE_WORDS[type] ?? type] : [];
  });
}

function withArticle(words: string[]): string {
  const unique = [...new Set(words)];
  const first = unique[0] ?? '';
  const article = first.startsWith('{') || first === 'null' ? '' : /^[aeiou]/.test(first) ? 'an ' : 'a ';
  return `${article}${orList(unique)}`;
}

/** How a found value reads in a message. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return `the number ${String(value)}`;
}

function firstSentence(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const end = text.search(/\.(\s|$)/);
  return end >= 0 ? text.slice(0, end + 1) : text;
}

interface FieldHelp {
  /** First sentence of the description, without its final period. */
  description?: string;
  example?: string;
}

function fieldHelp(schema: unknown, root: JsonSchema): FieldHelp {
  if (!isPlainObject(schema)) return {};
  const resolved = resolveRef(schema, root);
  const help: FieldHelp = {};
  const description = firstSentence(schema.description ?? resolved.description);
  if (description) help.description = description.replace(/\.$/, '');
  const examples = Array.isArray(resolved.examples) ? resolved.examples : [];
  if (examples.length > 0 && typeof examples[0] !== 'object') help.example = String(examples[0]);
  return help;
}

/** "Port number the container listens on (e.g. 8080)". */
function fieldDescription(schema: unknown, root: JsonSchema): string | undefined {
  const { description, example } = fieldHelp(schema, root);
  if (!description) return undefined;
  return example === undefined ? description : `${description} (e.g. ${example})`;
}

function unknownFieldHint(key: string, allowed: string[], parentSchema: JsonSchema): string {
  if (key === '<<') {
    return 'YAML merge keys (<<) are not supported: write the fields out (environments: covers per-environment differences)';
  }
  const properties = isPlainObject(parentSchema.properties) ? parentSchema.properties : {};
  const composeHint = Object.prototype.hasOwnProperty.call(COMPOSE_FIELD_HINTS, key)
    ? COMPOSE_FIELD_HINTS[key]
    : undefined;
  if ('env' in properties && 'health' in properties && composeHint) return composeHint;
  const suggestion = didYouMeanHint(key, allowed);
  if (suggestion) return suggestion;
  return `allowed fields here: ${allowed.join(', ')}`;
}

function typeHint(
  error: ErrorObject,
  expected: string[],
  path: PathSegment[],
  sourceText: SourceText,
  root: JsonSchema,
): string | undefined {
  const data: unknown = error.data;
  if (data === null) return "write a value after the colon (quote '' for an empty string), or remove the line";
  if (expected.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
    const written = sourceText(path) ?? String(data);
    const note =
      typeof data === 'number' && String(data) !== written
        ? ` (unquoted, YAML reads ${written} as the number ${data})`
        : '';
    return `put the value in quotes: "${written}"${note}`;
  }
  if (
    (expected.includes('integer') || expected.includes('number')) &&
    typeof data === 'string' &&
    /^\s*-?\d+(\.\d+)?\s*$/.test(data)
  ) {
    return `remove the quotes: ${data.trim()}`;
  }
  if (expected.includes('boolean') && typeof data === 'string' && /^(yes|no|on|off|y|n|true|false)$/i.test(data)) {
    return `write true or false (YAML 1.2 reads ${data} as a string)`;
  }
  if (expected.includes('object') && Array.isArray(data)) {
    const about = fieldDescription(error.parentSchema, root);
    return `write a mapping ("key: value" lines), not a list ("- item" lines)${about ? `: ${about}` : ''}`;
  }
  if (expected.includes('array') && !Array.isArray(data)) {
    return 'write a list: one "- item" per line, or [a, b]';
  }
  return fieldDescription(error.parentSchema, root);
}

function formatError(error: ErrorObject, data: unknown, root: JsonSchema, sourceText: SourceText): Finding {
  const path = fromPointer(error.instancePath, data);
  const parentSchema = (error.parentSchema ?? {}) as JsonSchema;
  const params = error.params as Record<string, unknown>;
  const finding = (code: IssueCode, message: string, hint?: string, extra: Partial<Finding> = {}): Finding =>
    hint === undefined
      ? { severity: 'error', code, path, message, ...extra }
      : { severity: 'error', code, path, message, hint, ...extra };
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = isPlainObject(parentSchema.properties) ? Object.keys(parentSchema.properties) : [];
      return finding('unknown-field', `unknown field '${key}'`, unknownFieldHint(key, allowed, parentSchema), {
        path: [...path, key],
        target: 'key',
        showParentPath: true,
      });
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const properties = isPlainObject(parentSchema.properties) ? parentSchema.properties : {};
      const { description, example } = fieldHelp(properties[missing], root);
      return finding(
        'missing-field',
        `missing required field '${missing}'`,
        `add ${missing}: ${example ?? '…'}${description ? ` (${description})` : ''}`,
      );
    }
    case 'type': {
      const expected = String(params.type).split(',');
      return finding(
        'invalid-value',
        `expected ${withArticle(expected.map((type) => TYPE_WORDS[type] ?? type))}, found ${describeValue(error.data)}`,
        typeHint(error, expected, path, sourceText, root),
      );
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? didYouMeanHint(error.data, allowed) : undefined;
      return finding(
        'invalid-value',
        `expected one of ${allowed.join(', ')}, found ${describeValue(error.data)}`,
        suggestion,
      );
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { minimum, maximum } = parentSchema;
      const range =
        typeof minimum === 'number' && typeof maximum === 'number'
          ? `from ${minimum} to ${maximum}`
          : `${String(params.comparison)} ${String(params.limit)}`;
      return finding(
        'invalid-value',
        `expected a number ${range}, found ${String(error.data)}`,
        fieldDescription(parentSchema, root),
      );
    }
    case 'minLength':
      return finding('invalid-value', 'must not be empty', fieldDescription(parentSchema, root));
    case 'minItems':
      return finding(
        'invalid-value',
        `needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`,
        fieldDescription(parentSchema, root),
      );
    case 'maxItems':
      return finding(
        'invalid-value',
        `has more than ${String(params.limit)} items`,
        fieldDescription(parentSchema, root),
      );
    case 'pattern':
      return finding(
        'invalid-value',
        `${describeValue(error.data)} does not match the pattern ${String(params.pattern)}`,
        fieldDescription(parentSchema, root),
      );
    default:
      return finding(
        'invalid-value',
        error.message ?? `fails the schema rule ${error.keyword}`,
        fieldDescription(parentSchema, root),
      );
  }
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

const branchOf = (schemaPath: string): string => /^(.*\/anyOf\/\d+)(?:\/|$)/.exec(schemaPath)?.[1] ?? '';

/** Did any required key of this branch appear in the data? (a branch with no required error did match on shape) */
function branchIsPlausible(errors: ErrorObject[], instancePath: string): boolean {
  const missing = errors.filter((error) => error.keyword === 'required' && error.instancePath === instancePath);
  if (missing.length === 0) return true;
  const required = missing[0]?.schema;
  return !Array.isArray(required) || missing.length < required.length;
}

/**
 * One clear message per anyOf: ajv reports every failed alternative, which buries the point.
 * For a mapping, the alternative it resembles is reported (with its did-you-means); anything else
 * gets "expected a string, number, boolean, {secret} or {config,key}, found ...".
 */
function collapseAnyOf(
  anyOfPath: string,
  related: ErrorObject[],
  data: unknown,
  root: JsonSchema,
  sourceText: SourceText,
): Finding[] {
  const path = fromPointer(anyOfPath, data);
  const value = valueAt(data, path);
  const anyOfErrors = related.filter((error) => error.keyword === 'anyOf' && error.instancePath === anyOfPath);
  const outermost = anyOfErrors[anyOfErrors.length - 1];
  const branches = Array.isArray(outermost?.schema) ? (outermost.schema as JsonSchema[]) : [];
  const expected = withArticle(branches.flatMap((branch) => alternatives(branch, root)));
  let hint: string | undefined;
  if (isPlainObject(value)) {
    const groups = new Map<string, ErrorObject[]>();
    for (const error of related) {
      if (error.keyword === 'anyOf' || (error.keyword === 'type' && error.instancePath === anyOfPath)) continue;
      const key = branchOf(error.schemaPath);
      groups.set(key, [...(groups.get(key) ?? []), error]);
    }
    const candidates = [...groups.values()];
    const plausible =
      candidates.length === 1 ? candidates : candidates.filter((group) => branchIsPlausible(group, anyOfPath));
    const best = plausible.sort((a, b) => a.length - b.length)[0];
    if (best) return best.map((error) => formatError(error, data, root, sourceText));
    const knownKeys = candidates.flatMap((group) =>
      group.flatMap((error) =>
        isPlainObject(error.parentSchema?.properties) ? Object.keys(error.parentSchema.properties) : [],
      ),
    );
    const guesses = Object.keys(value).flatMap((key) => {
      const guess = didYouMean(key, knownKeys);
      return guess && !knownKeys.includes(key) ? [`'${guess}' instead of '${key}'`] : [];
    });
    hint = guesses.length > 0 ? `did you mean ${guesses.join(', ')}?` : undefined;
  } else if (value === null) {
    hint = "write a value after the colon (quote '' for an empty string), or remove the line";
  }
  hint ??= firstSentence(outermost?.parentSchema?.description);
  const found = isPlainObject(value)
    ? `a mapping with ${
        Object.keys(value)
          .map((key) => `'${key}'`)
          .join(', ') || 'no fields'
      }`
    : describeValue(value);
  const message = `expected ${expected}, found ${found}`;
  return [
    hint === undefined
      ? { severity: 'error', code: 'invalid-value', path, message }
      : { severity: 'error', code: 'invalid-value', path, message, hint },
  ];
}

/** Turns ajv's errors for one value into findings a person can act on. */
export function schemaFindings(
  errors: readonly ErrorObject[],
  data: unknown,
  root: JsonSchema,
  sourceText: SourceText,
): Finding[] {
  const anyOfPaths = [
    ...new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath)),
  ];
  const outermostPaths = anyOfPaths.filter(
    (candidate) => !anyOfPaths.some((other) => other !== candidate && candidate.startsWith(`${other}/`)),
  );
  const inside = (error: ErrorObject, anyOfPath: string): boolean =>
    error.instancePath === anyOfPath || error.instancePath.startsWith(`${anyOfPath}/`);
  const findings: Finding[] = [];
  for (const anyOfPath of outermostPaths) {
    const related = errors.filter((error) => inside(error, anyOfPath));
    findings.push(...collapseAnyOf(anyOfPath, related, data, root, sourceText));
  }
  for (const error of errors) {
    if (outermostPaths.some((anyOfPath) => inside(error, anyOfPath))) continue;
    findings.push(formatError(error, data, root, sourceText));
  }
  // "missing 'service'" next to "unknown 'servce' (did you mean 'service'?)" says the same thing twice.
  const explainedByTypo = (finding: Finding): boolean =>
    finding.code === 'missing-field' &&
    findings.some(
      (other) =>
        other.code === 'unknown-field' &&
        other.path.length === finding.path.length + 1 &&
        finding.path.every((segment, index) => other.path[index] === segment) &&
        other.hint === `did you mean '${/'(.*)'$/.exec(finding.message)?.[1]}'?`,
    );
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (explainedByTypo(finding)) return false;
    const key = `${finding.path.join('\u0000')}|${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
