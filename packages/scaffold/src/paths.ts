/**
 * Why a path may not be written inside the service folder, or undefined when it is safe.
 * Safe means: relative, '/'-separated, no empty, '.' or '..' segments, no NUL or other control
 * characters, no backslashes or drive letters (which Windows would read as separators or roots).
 * Together these guarantee that joining the path to services/<NAME>/ stays inside that folder.
 */
export function unsafePathReason(path: string): string | undefined {
  if (path.length === 0) return 'it is empty';
  if (path.includes('\0')) return 'it contains a NUL character';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'it contains a control character';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it is absolute';
  if (path.includes('\\')) return "it contains '\\' (use '/' as the separator)";
  const segments = path.split('/');
  if (segments.includes('..')) return "it contains a '..' segment";
  if (segments.includes('.')) return "it contains a '.' segment";
  if (segments.some((segment) => segment.length === 0)) return 'it has an empty folder or file name';
  return undefined;
}
