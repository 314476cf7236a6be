import { LineCounter, parseAllDocuments, parseDocument } from 'yaml';
import { parseGeneratedFile } from '@twinform/spec';
import { locateInCommitted } from '../paths';
import { concretePath, diffValues, isPlainObject, valueAtPath, type Step, type ValueChange } from '../values';

/** Generated files are read the way kubectl reads them (YAML 1.1), like `gen check` does. */
const OUTPUT_OPTIONS = { version: '1.1' as const, prettyErrors: false };

export type ParsedOutput = { ok: true; value: unknown } | { ok: false; reason: string; line?: number };

export function parseOutput(text: string): ParsedOutput {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { ...OUTPUT_OPTIONS, lineCounter });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    return {
      ok: false,
      reason: `not valid YAML: ${error.message.split('\n', 1)[0]!.trim()}`,
      line: lineCounter.linePos(error.pos[0]).line,
    };
  }
  return { ok: true, value: document.toJS({ maxAliasCount: -1 }) };
}

/** A kustomize stream as one value: objects keyed by `Kind/name` (namespace too when set). */
export function parseStream(text: string): ParsedOutput {
  const objects: Record<string, unknown> = {};
  for (const document of parseAllDocuments(text, OUTPUT_OPTIONS) as ReturnType<typeof parseAllDocuments> & unknown[]) {
    if (document.errors.length > 0) return { ok: false, reason: 'the rendered overlay is not valid YAML' };
    const value: unknown = document.toJS();
    if (!isPlainObject(value)) continue;
    objects[objectKey(value)] = value;
  }
  return { ok: true, value: objects };
}

export function objectKey(value: Record<string, unknown>): string {
  const metadata = isPlainObject(value.metadata) ? value.metadata : {};
  const namespace = typeof metadata.namespace === 'string' ? `${metadata.namespace}/` : '';
  return `${String(value.kind)}/${namespace}${String(metadata.name)}`;
}

/** What the hand edit changed in one output: the changes from the generated value to the edited one. */
export function handChanges(generated: unknown, edited: unknown): ValueChange[] {
  return diffValues(generated, edited);
}

/** Scalars compare by their text: `PGPORT: 5432` and `PGPORT: "5432"` say the same thing. */
function sameScalar(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  const scalar = (value: unknown): boolean => ['string', 'number', 'boolean'].includes(typeof value);
  return scalar(expected) && scalar(actual) && String(expected) === String(actual);
}

/** Whether `actual` says at least what `expected` says (objects may carry more keys). */
export function covers(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => covers(item, actual[index]))
    );
  }
  if (isPlainObject(expected)) {
    return (
      isPlainObject(actual) &&
      Object.entries(expected).every(([key, value]) => value === undefined || covers(value, actual[key]))
    );
  }
  if (expected === null) return actual === null || actual === undefined;
  return sameScalar(expected, actual);
}

/** Whether an output generated from a spec keeps one hand change. */
export function keepsChange(rendered: unknown, change: ValueChange): boolean {
  const actual = valueAtPath(rendered, change.path);
  if (change.kind === 'remove') return actual === undefined;
  return covers(change.after, actual);
}

/** The 1-based line of a path in a YAML text (of its closest existing parent when it is absent). */
export function lineOfPath(text: string, path: readonly Step[]): number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { ...OUTPUT_OPTIONS, lineCounter });
  if (document.errors.length > 0) return undefined;
  const value = document.toJS({ maxAliasCount: -1 }) as unknown;
  let steps = [...path];
  let segments = concretePath(value, steps);
  while (!segments && steps.length > 0) {
    steps = steps.slice(0, -1);
    segments = concretePath(value, steps);
  }
  return locateInCommitted(document, (segments ?? []).map(String), lineCounter);
}

/** The first line where two texts differ (1-based), for edits only seen through a rendering. */
export function firstChangedLine(before: string, after: string): number {
  const a = before.split('\n');
  const b = after.split('\n');
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index += 1;
  return index + 1;
}

/** The hash a generated file's header carries, or undefined. */
export function headerHash(content: string): string | undefined {
  if (!parseGeneratedFile(content).generated) return undefined;
  const second = content.split('\n', 2)[1] ?? '';
  const match = /^# twinform-hash: ([0-9a-f]+)\s*$/.exec(second);
  return match?.[1];
}
