import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { toKubernetes } from '@twinform/kubernetes';
import { createMemorySource, loadProject, renderDocument, toYaml, type Issue } from '@twinform/spec';
import { toCompose } from '../../src';
import type { ComposeSource, ImportResult, ReadResult } from '../../src/import';

/** An in-memory compose project: path → content. */
export function memorySource(files: Record<string, string>): ComposeSource {
  return {
    readFile(path: string): ReadResult {
      const content = files[path];
      return content === undefined ? { ok: false, reason: `${path} does not exist` } : { ok: true, content };
    },
  };
}

/** Reads files under `root` (for corpus tests); refuses paths that leave it. */
export function folderSource(root: string): ComposeSource {
  const realRoot = realpathSync(root);
  return {
    readFile(path: string): ReadResult {
      const absolute = join(realRoot, path);
      if (!existsSync(absolute)) return { ok: false, reason: `${path} does not exist` };
      const real = realpathSync(absolute);
      const rel = relative(realRoot, real);
      if (rel.startsWith(`..${sep}`) || rel === '..')
        return { ok: false, reason: `${path} is outside the project folder` };
      if (statSync(real).isDirectory()) return { ok: false, reason: `${path} is a folder` };
      return { ok: true, content: readFileSync(real, 'utf8') };
    },
  };
}

export const CORPUS = join(__dirname, '../../../../../shared/corpus');
export const hasCorpus = existsSync(join(CORPUS, 'manifest.json'));

/** The files an import writes (twinform.yaml, services/<name>/service.yaml and assets), in memory. */
export function importedFiles(result: ImportResult, extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = { ...extra, 'twinform.yaml': toYaml(result.project) };
  for (const service of result.services) {
    files[`services/${service.spec.name}/service.yaml`] = toYaml(service.spec);
    for (const [path, content] of Object.entries(service.assets))
      files[`services/${service.spec.name}/${path}`] = content;
  }
  return files;
}

export interface Generated {
  errors: Issue[];
  files: Record<string, string>;
}

/** Loads imported specs with the real spec loader and runs both generators. */
export function generateFrom(files: Record<string, string>): Generated {
  const loaded = loadProject(createMemorySource(files));
  if (!loaded.value) return { errors: loaded.errors, files: {} };
  const compose = toCompose(loaded.value);
  const kubernetes = toKubernetes(loaded.value);
  const errors = [...compose.issues, ...kubernetes.issues].filter((issue) => issue.severity === 'error');
  const rendered: Record<string, string> = {};
  for (const document of [...compose.documents, ...kubernetes.documents])
    rendered[document.path] = renderDocument(document).content;
  return { errors, files: rendered };
}

export const VALIDATOR = join(CORPUS, '../tools/validate/dist/validate.mjs');
export const hasValidator = existsSync(VALIDATOR);

/** Runs the shared validator on generated files; returns its problem lines ('' when valid). */
export function validate(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'twinform-import-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  try {
    execFileSync(
      process.execPath,
      [
        VALIDATOR,
        '--compose',
        join(dir, 'docker-compose.yml'),
        '--k8s',
        join(dir, 'k8s/base'),
        '--pss',
        'restricted',
        '--cross-refs',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}
