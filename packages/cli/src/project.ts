import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { makeIssue, type Issue } from '@twinform/spec';

export const PROJECT_FILE = 'twinform.yaml';

export type ProjectLocation = { ok: true; root: string } | { ok: false; issue: Issue };

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();

/** The project folder: --root DIR when given, else the nearest folder from cwd upward holding twinform.yaml. */
export function locateProject(cwd: string, rootOption: string | undefined): ProjectLocation {
  if (rootOption !== undefined) {
    const root = resolve(cwd, rootOption);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      return {
        ok: false,
        issue: makeIssue('error', 'io', `--root ${rootOption}: no such folder`, {
          hint: 'pass the folder that holds twinform.yaml',
        }),
      };
    }
    if (!isFile(join(root, PROJECT_FILE))) {
      return {
        ok: false,
        issue: makeIssue('error', 'io', `--root ${rootOption}: the folder has no ${PROJECT_FILE}`, {
          hint: `pass the folder that holds ${PROJECT_FILE}, or create one there (see \`gen --help\`)`,
        }),
      };
    }
    return { ok: true, root };
  }
  let folder = resolve(cwd);
  for (;;) {
    if (isFile(join(folder, PROJECT_FILE))) return { ok: true, root: folder };
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return {
    ok: false,
    issue: makeIssue('error', 'io', `no ${PROJECT_FILE} found in ${resolve(cwd)} or any folder above it`, {
      hint: `run gen inside a twinform project, pass --root DIR, or create ${PROJECT_FILE}`,
    }),
  };
}
