import { posix } from 'node:path';

/**
 * Compose interpolates `$` in every string of the file (commands, labels, config content...), while
 * Kubernetes passes the same strings through literally; `$$` makes compose keep one literal `$`.
 */
export function composeEscape(text: string): string {
  return text.replace(/\$/g, '$$$$');
}

/** Quotes a word for POSIX sh only when it needs it, so common commands stay readable. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function escapeJsonPointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function sortedRecord<V>(entries: Iterable<[string, V]>): Record<string, V> {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const result: Record<string, V> = {};
  for (const [key, value] of sorted) result[key] = value;
  return result;
}

/** Project-relative path of `relative` inside the service folder `dir` ('' = project root). */
export function projectPath(dir: string, relative: string): string {
  const joined = posix.normalize(posix.join(dir || '.', relative));
  return joined === './' ? '.' : joined.replace(/\/$/, '');
}

/**
 * A path as the compose file must write it: relative to the compose file's folder (compose resolves
 * relative paths against it) and starting with './' or '../' so compose never reads it as a volume name.
 */
export function composeRelativePath(composeFile: string, target: string): string {
  const from = splitPath(posix.dirname(composeFile));
  const to = splitPath(target);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common += 1;
  const parts = [...from.slice(common).map(() => '..'), ...to.slice(common)];
  if (parts.length === 0) return '.';
  return parts[0] === '..' ? parts.join('/') : `./${parts.join('/')}`;
}

function splitPath(path: string): string[] {
  return posix
    .normalize(path || '.')
    .split('/')
    .filter((part) => part !== '' && part !== '.');
}
