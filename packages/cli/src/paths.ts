import { isAbsolute, posix, relative, sep, win32 } from 'node:path';

/**
 * Why a project-relative path may not be used, or undefined when it is fine. Paths in specs and
 * generated documents stay inside the project: no absolute paths, no '..' segments.
 */
export function unsafePathReason(path: string): string | undefined {
  if (path === '') return 'the path is empty';
  if (path.includes('\0')) return 'the path contains a NUL character';
  if (isAbsolute(path) || posix.isAbsolute(path) || win32.isAbsolute(path)) {
    return 'absolute paths are not allowed: write it relative to the project folder';
  }
  if (path.split(/[\\/]/).includes('..')) return "'..' is not allowed: files must stay inside the project folder";
  return undefined;
}

/** True when `candidate` (an absolute, resolved path) is `root` or inside it. */
export function isInside(root: string, candidate: string): boolean {
  if (sep === '/') {
    // Resolved POSIX paths compare as text, far cheaper than path.relative (called for every file read).
    const base = root.endsWith('/') ? root : `${root}/`;
    return candidate === root || candidate.startsWith(base);
  }
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Project-relative path with '/' separators. */
export const toProjectPath = (path: string): string => path.split(sep).join('/');
