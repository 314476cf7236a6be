/**
 * Lookups by names found in input files (compose, manifests). Those files name services,
 * variables, kinds and fields freely, and a name like `toString`, `constructor` or `__proto__` must
 * find nothing (or a value written under it), never a member of Object.prototype.
 */

/** An empty record without a prototype: every key, `__proto__` included, is an ordinary key. */
export const emptyRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** The value written under `key`, never an inherited member. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

const MAX_DESCRIBED_CHARS = 60;

/** A value as a message shows it: scalars as written, lists and mappings in short JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string')
    return value.length > MAX_DESCRIBED_CHARS ? `${value.slice(0, MAX_DESCRIBED_CHARS)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    text = Array.isArray(value) ? 'a list' : 'a mapping';
  }
  return text.length > MAX_DESCRIBED_CHARS ? `${text.slice(0, MAX_DESCRIBED_CHARS)}…` : text;
}
