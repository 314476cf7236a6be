import { closest, distance } from 'fastest-levenshtein';

const squash = (word: string): string => word.toLowerCase().replace(/[-_\s]/g, '');

/** How many edits still read as a typo rather than a different word. */
function typoBudget(word: string): number {
  if (word.length <= 3) return 1;
  if (word.length <= 8) return 2;
  return 3;
}

/** Two neighbouring letters swapped (`kye` → `key`): one slip of the fingers, though Levenshtein counts two edits. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differences: number[] = [];
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) differences.push(index);
  const [first, second] = differences;
  return (
    differences.length === 2 &&
    second === (first as number) + 1 &&
    a[first as number] === b[second] &&
    a[second] === b[first as number]
  );
}

/**
 * The candidate the user most likely meant, or undefined. Case and separator differences
 * (`depends_on` → `dependsOn`, `TCP` → `tcp`) win over edit distance.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates].filter((candidate) => candidate !== word);
  if (list.length === 0 || word.length === 0) return undefined;
  const squashed = squash(word);
  const sameLetters = list.find((candidate) => squash(candidate) === squashed);
  if (sameLetters !== undefined) return sameLetters;
  const swapped = list.find((candidate) => isTransposition(candidate.toLowerCase(), word.toLowerCase()));
  if (swapped !== undefined) return swapped;
  const lowered = list.map((candidate) => candidate.toLowerCase());
  const best = closest(word.toLowerCase(), lowered);
  if (distance(word.toLowerCase(), best) > typoBudget(word)) return undefined;
  return list[lowered.indexOf(best)];
}

/** `did you mean 'x'?` or undefined. */
export function didYouMeanHint(word: string, candidates: Iterable<string>): string | undefined {
  const suggestion = didYouMean(word, candidates);
  return suggestion === undefined ? undefined : `did you mean '${suggestion}'?`;
}

/** 'a', 'a or b', 'a, b or c'. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
