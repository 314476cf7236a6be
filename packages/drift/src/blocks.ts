/**
 * Splitting block-style YAML into keyed blocks by indentation, without parsing it. A changed
 * 30,000-line compose file then costs the parse of the few blocks that differ, not of the whole
 * file twice. Anything irregular (flow style at a split level, comments between keys, anchors
 * across blocks, quoted or YAML 1.1-special keys) makes the caller fall back to a full parse.
 */

/** Lines [start, end) of a text, by index into its line array. */
export interface Region {
  lines: readonly string[];
  start: number;
  end: number;
}

export interface KeyedBlock {
  key: string;
  /** The key line and every line that belongs to its value. */
  region: Region;
}

// Keys we can name without a YAML parser: plain scalars that YAML 1.1 and 1.2 both read as this string.
const KEY_LINE = /^( *)([A-Za-z_][\w./-]*):(?: |$)/;
const SPECIAL_WORDS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlank = (line: string): boolean => line.trim() === '';

/** The index of the first line that is neither blank nor a comment (where the YAML body starts). */
export function bodyStart(lines: readonly string[]): number {
  let index = 0;
  while (index < lines.length && (isBlank(lines[index]!) || lines[index]!.startsWith('#'))) index += 1;
  return index;
}

/**
 * The keyed blocks of a block mapping whose keys sit at `indent`, or undefined when the region is
 * not such a mapping (or has a duplicate key, a tab in an indentation, a comment between keys).
 */
export function splitMapping(region: Region, indent: number): KeyedBlock[] | undefined {
  const blocks: KeyedBlock[] = [];
  const seen = new Set<string>();
  let current: { key: string; start: number } | undefined;
  for (let index = region.start; index < region.end; index += 1) {
    const line = region.lines[index]!;
    if (isBlank(line)) continue;
    if (/^ *\t/.test(line)) return undefined;
    const lineIndent = indentOf(line);
    if (lineIndent > indent) {
      if (!current) return undefined;
      continue;
    }
    if (lineIndent < indent) return undefined;
    const match = KEY_LINE.exec(line);
    if (!match || SPECIAL_WORDS.test(match[2]!) || seen.has(match[2]!)) return undefined;
    if (current) blocks.push({ key: current.key, region: { lines: region.lines, start: current.start, end: index } });
    current = { key: match[2]!, start: index };
    seen.add(match[2]!);
  }
  if (current)
    blocks.push({ key: current.key, region: { lines: region.lines, start: current.start, end: region.end } });
  return blocks;
}

/**
 * When a block is `key:` followed by a nested block mapping, that mapping's region and indent;
 * undefined when the value is a scalar, a flow collection or a sequence.
 */
export function nestedMapping(block: KeyedBlock): { region: Region; indent: number } | undefined {
  const { lines, start, end } = block.region;
  if (!/:\s*$/.test(lines[start]!)) return undefined;
  let first = start + 1;
  while (first < end && isBlank(lines[first]!)) first += 1;
  if (first >= end) return undefined;
  const line = lines[first]!;
  if (line.trimStart().startsWith('- ') || line.trimStart() === '-') return undefined;
  return { region: { lines, start: start + 1, end }, indent: indentOf(line) };
}

export const regionText = (region: Region): string => region.lines.slice(region.start, region.end).join('\n');

/** The block's lines with `indent` leading spaces removed, so it parses as a one-key mapping. */
export function dedentedText(region: Region, indent: number): string {
  return region.lines
    .slice(region.start, region.end)
    .map((line) => line.slice(Math.min(indent, indentOf(line))))
    .join('\n');
}
