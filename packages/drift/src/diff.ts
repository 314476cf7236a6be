import { parseGeneratedFile, type RenderedFile } from '@twinform/spec';
import { compare } from 'fast-json-patch';
import { LineCounter, parseDocument, parse } from 'yaml';
import {
  bodyStart,
  dedentedText,
  nestedMapping,
  regionText,
  splitMapping,
  type KeyedBlock,
  type Region,
} from './blocks';
import { locateInCommitted, readablePath, splitPointer, valueAt } from './paths';

/**
 * ok: the committed file is byte-identical to what `gen` would write.
 * missing: the spec produces the file but it is not committed.
 * changed: the committed file is intact generated output, but the spec has changed since.
 * edited-by-hand: the committed file's body no longer matches the hash in its own header
 *   (or the header is gone), so a person changed it.
 * stale: a generated file (it carries the header) that the spec no longer produces.
 */
export type DriftStatus = 'ok' | 'missing' | 'changed' | 'edited-by-hand' | 'stale';

/** One RFC 6902 operation that turns the committed document into the generated one. */
export interface DriftOperation {
  op: 'add' | 'remove' | 'replace';
  /** JSON pointer, as fast-json-patch `compare` produced it. */
  pointer: string;
  /** The same location as a readable YAML path: `spec.template.spec.containers[backend].ports[http].containerPort`. */
  path: string;
  /** Value in the committed file (absent for `add`). */
  committed?: unknown;
  /** Value `gen` would write (absent for `remove`). */
  generated?: unknown;
  /** 1-based line in the committed file (for `add`: the line of the closest existing parent). */
  line?: number;
}

export interface DriftFile {
  path: string;
  status: DriftStatus;
  /** For changed and edited-by-hand files: committed → generated, in the order `compare` produced them. */
  operations?: DriftOperation[];
  /** Extra explanation when the operations alone do not tell the story. */
  note?: string;
}

export interface DriftReport {
  /** Every expected file and every stale one, sorted by path. */
  files: DriftFile[];
  /** True when every file is ok. */
  clean: boolean;
}

/**
 * Compares what `gen` would write with what is on disk.
 *
 * @param expected the rendered files the spec produces
 * @param actual committed contents, keyed by project-relative path; it must hold every expected path
 *   that exists on disk and every path in `managed`
 * @param managed existing files in the folders `gen` owns (compose file, Kubernetes folder): those
 *   that carry the twinform header and are not expected are reported stale
 */
export function diffRenderedFiles(
  expected: readonly RenderedFile[],
  actual: ReadonlyMap<string, string>,
  managed: readonly string[],
): DriftReport {
  const files: DriftFile[] = [];
  const expectedPaths = new Set<string>();
  for (const file of expected) {
    expectedPaths.add(file.path);
    const committed = actual.get(file.path);
    // Bytes first: parsing YAML is the expensive part, and almost every file is unchanged.
    if (committed === file.content) files.push({ path: file.path, status: 'ok' });
    else if (committed === undefined) files.push({ path: file.path, status: 'missing' });
    else files.push(diffFile(file, committed));
  }
  for (const path of managed) {
    if (expectedPaths.has(path)) continue;
    const committed = actual.get(path);
    if (committed !== undefined && parseGeneratedFile(committed).generated) files.push({ path, status: 'stale' });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, clean: files.every((file) => file.status === 'ok') };
}

function diffFile(file: RenderedFile, committed: string): DriftFile {
  const header = parseGeneratedFile(committed);
  const status: DriftStatus = header.generated && header.intact ? 'changed' : 'edited-by-hand';
  const result: DriftFile = { path: file.path, status };
  if (!header.generated) {
    result.note = 'the committed file has no twinform header: it was replaced, or its header was removed';
  }
  const operations = blockwiseOperations(committed, file.content) ?? wholeFileOperations(committed, file.content);
  if ('invalid' in operations) {
    result.note = operations.invalid;
    return result;
  }
  result.operations = operations;
  if (operations.length === 0 && status === 'changed') {
    result.note = 'only the header differs (the spec files this output comes from)';
  }
  return result;
}

/** Where readable paths and pointers of a part of the document start. */
interface Prefix {
  pointer: string;
  path: string;
}

const ROOT: Prefix = { pointer: '', path: '' };

/** The straightforward way: parse both files whole. Also the fallback for anything irregular. */
export function wholeFileOperations(committed: string, expected: string): DriftOperation[] | { invalid: string } {
  const lineCounter = new LineCounter();
  const committedDocument = parseDocument(committed, { version: '1.1', lineCounter, prettyErrors: false });
  if (committedDocument.errors.length > 0) {
    const error = committedDocument.errors[0]!;
    const line = lineCounter.linePos(error.pos[0]).line;
    return { invalid: `the committed file is not valid YAML (line ${line}: ${firstLine(error.message)})` };
  }
  const committedValue: unknown = committedDocument.toJS({ maxAliasCount: -1 });
  const generatedValue: unknown = parse(expected, { version: '1.1' });
  return operationsBetween(
    committedValue,
    generatedValue,
    (segments) => locateInCommitted(committedDocument, segments, lineCounter),
    ROOT,
  );
}

// An anchor or alias makes a block's meaning depend on other blocks, so such files are parsed whole.
// Both can only start a node: at a line start, after `key: `, `- `, or inside a flow collection.
const ANCHOR_OR_ALIAS = /(?:^\s*|:\s+|-\s+|[[{,]\s*)[&*]\S/m;

/**
 * The same operations as wholeFileOperations, computed by parsing only the blocks whose text
 * differs (see blocks.ts); undefined when the files are not regular enough for that.
 */
export function blockwiseOperations(committed: string, expected: string): DriftOperation[] | undefined {
  if (ANCHOR_OR_ALIAS.test(committed)) return undefined;
  const committedLines = committed.split('\n');
  const expectedLines = expected.split('\n');
  const committedStart = bodyStart(committedLines);
  const committedRegion: Region = { lines: committedLines, start: committedStart, end: committedLines.length };
  const expectedRegion: Region = { lines: expectedLines, start: bodyStart(expectedLines), end: expectedLines.length };
  return diffMappings(
    { region: committedRegion, indent: 0 },
    { region: expectedRegion, indent: 0 },
    ROOT,
    committedStart + 1,
  );
}

interface Mapping {
  region: Region;
  indent: number;
}

function diffMappings(
  committed: Mapping,
  expected: Mapping,
  prefix: Prefix,
  parentLine: number,
): DriftOperation[] | undefined {
  const committedBlocks = splitMapping(committed.region, committed.indent);
  const expectedBlocks = splitMapping(expected.region, expected.indent);
  if (!committedBlocks || !expectedBlocks || committedBlocks.length === 0 || expectedBlocks.length === 0) {
    return undefined;
  }
  const expectedByKey = new Map(expectedBlocks.map((block) => [block.key, block]));
  const committedKeys = new Set(committedBlocks.map((block) => block.key));
  const operations: DriftOperation[] = [];
  for (const block of committedBlocks) {
    const counterpart = expectedByKey.get(block.key);
    if (
      counterpart &&
      committed.indent === expected.indent &&
      regionText(block.region) === regionText(counterpart.region)
    ) {
      continue;
    }
    const nested = counterpart ? diffNested(block, counterpart, prefix) : undefined;
    const found =
      nested ??
      leafOperations(
        { block, indent: committed.indent },
        counterpart && { block: counterpart, indent: expected.indent },
        prefix,
        parentLine,
      );
    if (!found) return undefined;
    operations.push(...found);
  }
  for (const block of expectedBlocks) {
    if (committedKeys.has(block.key)) continue;
    const found = leafOperations(undefined, { block, indent: expected.indent }, prefix, parentLine);
    if (!found) return undefined;
    operations.push(...found);
  }
  return operations;
}

function diffNested(committed: KeyedBlock, expected: KeyedBlock, prefix: Prefix): DriftOperation[] | undefined {
  const committedValue = nestedMapping(committed);
  const expectedValue = nestedMapping(expected);
  if (!committedValue || !expectedValue) return undefined;
  const inner: Prefix = {
    pointer: `${prefix.pointer}/${escapePointer(committed.key)}`,
    path: joinPath(prefix.path, readablePath([committed.key], undefined)),
  };
  return diffMappings(committedValue, expectedValue, inner, committed.region.start + 1);
}

interface Side {
  block: KeyedBlock;
  indent: number;
}

/** Parses one block on each side as a one-key mapping and compares them. */
function leafOperations(
  committed: Side | undefined,
  expected: Side | undefined,
  prefix: Prefix,
  parentLine: number,
): DriftOperation[] | undefined {
  let committedValue: Record<string, unknown> = {};
  let locate = (_segments: readonly string[]): number | undefined => parentLine;
  if (committed) {
    const lineCounter = new LineCounter();
    const document = parseDocument(dedentedText(committed.block.region, committed.indent), {
      version: '1.1',
      lineCounter,
      prettyErrors: false,
    });
    if (document.errors.length > 0) return undefined;
    const value: unknown = document.toJS({ maxAliasCount: -1 });
    if (!isOneKeyMapping(value, committed.block.key)) return undefined;
    committedValue = value;
    const offset = committed.block.region.start;
    locate = (segments) => {
      const line = locateInCommitted(document, segments, lineCounter);
      return line === undefined ? undefined : line + offset;
    };
  }
  let expectedValue: Record<string, unknown> = {};
  if (expected) {
    const document = parseDocument(dedentedText(expected.block.region, expected.indent), { version: '1.1' });
    if (document.errors.length > 0) return undefined;
    const value: unknown = document.toJS({ maxAliasCount: -1 });
    if (!isOneKeyMapping(value, expected.block.key)) return undefined;
    expectedValue = value;
  }
  return operationsBetween(committedValue, expectedValue, locate, prefix);
}

function isOneKeyMapping(value: unknown, key: string): value is Record<string, unknown> {
  if (!isContainer(value) || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key;
}

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Joins a readable path prefix and a readable path below it. */
function joinPath(prefix: string, rest: string): string {
  if (prefix === '') return rest;
  return rest.startsWith('[') ? `${prefix}${rest}` : `${prefix}.${rest}`;
}

function operationsBetween(
  committed: unknown,
  generated: unknown,
  locate: (segments: readonly string[]) => number | undefined,
  prefix: Prefix,
): DriftOperation[] {
  if (!isContainer(committed) || !isContainer(generated) || Array.isArray(committed) !== Array.isArray(generated)) {
    if (committed === generated) return [];
    const operation: DriftOperation = {
      op: 'replace',
      pointer: prefix.pointer,
      path: prefix.path || readablePath([], committed),
      committed,
      generated,
    };
    const line = locate([]);
    if (line !== undefined) operation.line = line;
    return [operation];
  }
  return compare(committed, generated).map((patch) => {
    const segments = splitPointer(patch.path);
    const op = patch.op as DriftOperation['op'];
    // Removed and replaced items are named as they are in the committed file; added ones as generated.
    const operation: DriftOperation = {
      op,
      pointer: prefix.pointer + patch.path,
      path: joinPath(prefix.path, readablePath(segments, op === 'add' ? generated : committed)),
    };
    if (op !== 'add') operation.committed = valueAt(committed, segments);
    if (op !== 'remove') operation.generated = (patch as { value?: unknown }).value;
    const line = locate(segments);
    if (line !== undefined) operation.line = line;
    return operation;
  });
}

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

const firstLine = (text: string): string => text.split('\n', 1)[0]!.trim();
