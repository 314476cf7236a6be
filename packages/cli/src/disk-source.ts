import {
  closeSync,
  constants,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  globToRegExp,
  type GlobResult,
  type ProjectSource,
  type ReadFileResult,
  type RefusedGlobEntry,
} from '@twinform/spec';
import { isInside, unsafePathReason } from './paths';

export type { ProjectSource };
export type ReadResult = ReadFileResult;

const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Plain segments with `*` and `?` only: no `**`, braces, classes, extglobs, negation or escapes. */
const isSegmentPattern = (pattern: string): boolean =>
  !/\*\*|[[\]{}\\()!@+|]/.test(pattern) && !pattern.split('/').some((segment) => segment === '' || segment === '.');

/**
 * Matches one path segment as tinyglobby does: `*` and `?` never match a leading dot (dot: false)
 * and node_modules and .git are never entered.
 */
function segmentMatcher(segment: string): (name: string) => boolean {
  if (!/[*?]/.test(segment)) return (name) => name === segment && !IGNORED_NAMES.has(name);
  const expression = new RegExp(
    `^${segment.replace(/[.^$]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`,
  );
  return (name) => !name.startsWith('.') && !IGNORED_NAMES.has(name) && expression.test(name);
}

const IGNORED_NAMES = new Set(['node_modules', '.git']);

/** One realpath(3) call; the JavaScript realpathSync lstat()s every component of every path. */
const realPath = (path: string): string => realpathSync.native(path);

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/**
 * Reads project files from disk, confined to the project folder: absolute paths, '..' segments and
 * symbolic links that lead outside the folder are refused with a reason, never followed.
 */
export class DiskProjectSource implements ProjectSource {
  /** The project folder with symbolic links resolved. */
  readonly root: string;

  constructor(root: string) {
    this.root = realPath(root);
  }

  /** Real paths of folders already resolved: resolving every file's path costs more than reading it. */
  private readonly realFolders = new Map<string, string>();

  readFile(path: string): ReadResult {
    const unsafe = unsafePathReason(path);
    if (unsafe) return { ok: false, reason: `${path}: ${unsafe}` };
    const absolute = join(this.root, path);
    let folder: string;
    try {
      folder = this.realFolder(dirname(absolute));
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: `${path} does not exist` };
      return { ok: false, reason: describe(path, error) };
    }
    if (!isInside(this.root, folder)) return { ok: false, reason: this.outsideReason(path), hint: OUTSIDE_HINT };
    const candidate = join(folder, basename(absolute));
    try {
      // O_NOFOLLOW: a file that is itself a symbolic link is resolved and checked below instead.
      return { ok: true, content: readOpened(openSync(candidate, constants.O_RDONLY | constants.O_NOFOLLOW)) };
    } catch (error) {
      if (errorCode(error) === 'ELOOP') return this.readLink(path, candidate);
      return { ok: false, reason: readFailure(path, error) };
    }
  }

  private realFolder(folder: string): string {
    let real = this.realFolders.get(folder);
    if (real === undefined) {
      real = realPath(folder);
      this.realFolders.set(folder, real);
    }
    return real;
  }

  private readLink(path: string, link: string): ReadResult {
    let real: string;
    try {
      real = realPath(link);
    } catch (error) {
      return { ok: false, reason: readFailure(path, error) };
    }
    if (!isInside(this.root, real)) return { ok: false, reason: this.outsideReason(path), hint: OUTSIDE_HINT };
    try {
      return { ok: true, content: readFileSync(real, 'utf8') };
    } catch (error) {
      return { ok: false, reason: readFailure(path, error) };
    }
  }

  /**
   * Project-relative files matching the patterns, sorted; patterns that would leave the folder
   * match nothing, and symbolic links are neither matched nor followed. Patterns made of plain
   * segments and `*`/`?` wildcards (like the default: service.yaml in each folder of services/)
   * are matched folder by folder, several times faster than tinyglobby, which takes the others.
   */
  glob(patterns: readonly string[]): string[] {
    return this.globWithRefusals(patterns).files;
  }

  /**
   * glob, and the symbolic links the patterns reach: a link out of the project (or to nothing)
   * may hold a service the user expects to be loaded, so it must be reported, never skipped in
   * silence (gen would then delete that service's outputs as stale).
   */
  globWithRefusals(patterns: readonly string[]): GlobResult {
    const safe = patterns.filter((pattern) => unsafePathReason(pattern.replace(/^!/, '')) === undefined);
    if (safe.length === 0) return { files: [], refused: [] };
    const links: ReachedLinks = new Map();
    let files: string[];
    if (safe.every(isSegmentPattern)) {
      const found = new Set<string>();
      for (const pattern of safe) for (const path of this.matchSegments(pattern.split('/'), links)) found.add(path);
      files = sortPaths([...found]);
    } else {
      // Loaded only here: the default patterns never need it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { globSync } = require('tinyglobby') as typeof import('tinyglobby');
      files = sortPaths(
        globSync([...safe], {
          cwd: this.root,
          onlyFiles: true,
          followSymbolicLinks: false,
          expandDirectories: false,
          ignore: IGNORED,
        }),
      );
      for (const pattern of safe) if (!pattern.startsWith('!')) this.linksOnTheWay(pattern, links);
    }
    const refused: RefusedGlobEntry[] = [];
    for (const link of sortPaths([...links.keys()])) {
      const entry = this.refusedLink(link, links.get(link)!);
      if (entry) refused.push(entry);
    }
    return { files, refused };
  }

  private matchSegments(segments: readonly string[], links: ReachedLinks): string[] {
    let folders = [''];
    for (let index = 0; index < segments.length; index += 1) {
      const segment = segments[index] as string;
      const last = index === segments.length - 1;
      const matches = segmentMatcher(segment);
      const next: string[] = [];
      for (const folder of folders) {
        for (const entry of this.entries(folder)) {
          if (!matches(entry.name)) continue;
          const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
          if (entry.kind === 'link') reached(links, path, last ? 'file' : 'folder');
          else if (last ? entry.kind === 'file' : entry.kind === 'folder') next.push(path);
        }
      }
      folders = next;
    }
    return folders;
  }

  /**
   * The symbolic links a pattern with `**`, braces or classes could match or descend through
   * (tinyglobby skips them without a word). Each folder is visited once per pattern position.
   */
  private linksOnTheWay(pattern: string, links: ReachedLinks): void {
    const segments = pattern.split('/').filter((segment) => segment !== '' && segment !== '.');
    const visited = new Set<string>();
    const pending: Array<{ folder: string; index: number }> = [{ folder: '', index: 0 }];
    while (pending.length > 0) {
      const { folder, index } = pending.pop()!;
      const key = `${index}\0${folder}`;
      if (index >= segments.length || visited.has(key)) continue;
      visited.add(key);
      const segment = segments[index] as string;
      const last = index === segments.length - 1;
      const globstar = segment === '**';
      if (globstar) pending.push({ folder, index: index + 1 });
      const matches = globstar ? (name: string) => !name.startsWith('.') : wildcardMatcher(segment);
      for (const entry of this.entries(folder)) {
        if (IGNORED_NAMES.has(entry.name) || !matches(entry.name)) continue;
        const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
        if (entry.kind === 'link') {
          // Below `**` a linked folder may hold matches at any depth; a linked file is met at index + 1.
          if (globstar || !last) reached(links, path, 'folder');
          if (last) reached(links, path, 'file');
        } else if (entry.kind === 'folder') pending.push({ folder: path, index: globstar ? index : index + 1 });
      }
    }
  }

  /**
   * Why a symbolic link the service globs reach is not followed, and whether that blocks loading;
   * undefined when it leads to the wrong kind of entry to matter (a file where a folder is matched).
   */
  private refusedLink(path: string, wanted: ReadonlySet<'file' | 'folder'>): RefusedGlobEntry | undefined {
    const target = linkTarget(join(this.root, path));
    let real: string;
    try {
      real = realPath(join(this.root, path));
      if (!wanted.has(isFolder(real) ? 'folder' : 'file')) return undefined;
    } catch {
      return {
        path,
        reason: `${path} is a symbolic link to ${target}, which does not exist (or cannot be read)`,
        hint: 'remove the link, or put the files it should lead to back in place',
        blocking: true,
      };
    }
    if (!isInside(this.root, real)) {
      return {
        path,
        reason: `${path} is a symbolic link that leads outside the project folder (to ${describeTarget(target, real)}): gen reads no spec through it`,
        hint: `replace the link with the real ${isFolder(real) ? 'folder' : 'file'} inside the project, or remove it`,
        blocking: true,
      };
    }
    return {
      path,
      reason: `${path} is a symbolic link (to ${target}); gen does not follow links when it looks for service files, so it is skipped`,
      hint: 'list the real path in serviceFiles in twinform.yaml, or replace the link with the folder itself',
      blocking: false,
    };
  }

  /** Names the symbolic link through which a path leaves the project, and where it leads. */
  private outsideReason(path: string): string {
    const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
    for (let count = 1; count <= segments.length; count += 1) {
      const prefix = segments.slice(0, count).join('/');
      const absolute = join(this.root, prefix);
      try {
        if (!lstatSync(absolute).isSymbolicLink()) continue;
        const real = realPath(absolute);
        if (isInside(this.root, real)) continue;
        const where = `(to ${describeTarget(linkTarget(absolute), real)})`;
        return prefix === path
          ? `${path} is a symbolic link that leads outside the project folder ${where}`
          : `${path}: ${prefix} is a symbolic link that leads outside the project folder ${where}`;
      } catch {
        break;
      }
    }
    return `${path} is a symbolic link that leads outside the project folder`;
  }

  /** A folder's entries: real folders and files, symbolic links (never followed here), and the rest. */
  private entries(folder: string): Array<{ name: string; kind: 'file' | 'folder' | 'link' | 'other' }> {
    let dirents;
    try {
      dirents = readdirSync(join(this.root, folder), { withFileTypes: true });
    } catch {
      return [];
    }
    return dirents.map((dirent) => ({
      name: dirent.name,
      kind: dirent.isDirectory() ? 'folder' : dirent.isFile() ? 'file' : dirent.isSymbolicLink() ? 'link' : 'other',
    }));
  }

  /**
   * Every file under a project-relative folder (dot files included), sorted. Symbolic links are
   * neither listed nor followed.
   */
  listFolder(folder: string): string[] {
    if (unsafePathReason(folder)) return [];
    const prefix = folder.replace(/\/+$/, '');
    let real: string;
    try {
      real = realPath(join(this.root, prefix));
    } catch {
      return [];
    }
    if (!isInside(this.root, real)) return [];
    const files: string[] = [];
    const walk = (absolute: string, relative: string): void => {
      let entries;
      try {
        entries = readdirSync(absolute, { withFileTypes: true });
      } catch {
        return; // a folder that vanished or cannot be read holds nothing gen owns
      }
      for (const entry of entries) {
        if (entry.isDirectory()) walk(join(absolute, entry.name), `${relative}/${entry.name}`);
        else if (entry.isFile()) files.push(`${relative}/${entry.name}`);
      }
    };
    walk(real, prefix);
    return sortPaths(files);
  }
}

const OUTSIDE_HINT =
  'gen reads nothing outside the project: replace the link with a copy of what it points to, or remove it';

/** Symbolic links a glob reached, with the kinds of entry a match needs there. */
type ReachedLinks = Map<string, Set<'file' | 'folder'>>;

function reached(links: ReachedLinks, path: string, kind: 'file' | 'folder'): void {
  const kinds = links.get(path);
  if (kinds) kinds.add(kind);
  else links.set(path, new Set([kind]));
}

/** What a link says it points to, as written (readlink), or a placeholder when it cannot be read. */
function linkTarget(link: string): string {
  try {
    return readlinkSync(link);
  } catch {
    return '(unreadable target)';
  }
}

/** The target as written, and the resolved path when that says more. */
const describeTarget = (written: string, real: string): string => (written === real ? real : `${written}, ${real}`);

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** One glob segment (`*`, `?`, `[...]`, `{a,b}`) as a name test; like tinyglobby, wildcards skip dot entries. */
function wildcardMatcher(segment: string): (name: string) => boolean {
  const expression = globToRegExp(segment);
  const dotAllowed = segment.startsWith('.');
  return (name) => (dotAllowed || !name.startsWith('.')) && expression.test(name);
}

function readOpened(descriptor: number): string {
  try {
    return readFileSync(descriptor, 'utf8');
  } finally {
    closeSync(descriptor);
  }
}

function readFailure(path: string, error: unknown): string {
  const code = errorCode(error);
  if (code === 'ENOENT') return `${path} does not exist`;
  if (code === 'EISDIR') return `${path} is a folder, not a file`;
  return describe(path, error);
}

function describe(path: string, error: unknown): string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return `${path} cannot be read (permission denied)`;
  return `${path} cannot be read (${code ?? (error as Error).message})`;
}

export const sortPaths = (paths: string[]): string[] => paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
