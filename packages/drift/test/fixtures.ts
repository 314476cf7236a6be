import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { toCompose } from '@twinform/compose';
import { toKubernetes } from '@twinform/kubernetes';
import {
  createMemorySource,
  loadProject,
  renderDocument,
  specValidators,
  type LoadedProject,
  type ProjectSource,
  type RenderedFile,
} from '@twinform/spec';
import type { AdoptInput, EditedOutput, OverlayRenderer } from '../src/adopt';

export const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

/** Every file under a folder, project-relative, as a map (node_modules and .git skipped). */
export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder).sort()) {
      if (entry === 'node_modules' || entry === '.git') continue;
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

export interface Fixture {
  files: Record<string, string>;
  source: ProjectSource;
  loaded: LoadedProject;
  generated: RenderedFile[];
}

/** A project in memory: loaded, and everything gen generates from it. */
export function fixture(files: Record<string, string>): Fixture {
  const source = createMemorySource(files);
  const result = loadProject(source);
  if (!result.value) throw new Error(`the fixture does not load: ${JSON.stringify(result.errors, null, 2)}`);
  const documents = [...toCompose(result.value).documents, ...toKubernetes(result.value).documents];
  const generated = documents.map(renderDocument).sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, source, loaded: result.value, generated };
}

export function generatedFile(fixture: Fixture, path: string): string {
  const file = fixture.generated.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} is not generated`);
  return file.content;
}

/** The text with one exact occurrence of `from` replaced (fails loudly when it is not there once). */
export function replaceOnce(text: string, from: string, to: string): string {
  const index = text.indexOf(from);
  if (index < 0 || text.indexOf(from, index + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return text.slice(0, index) + to + text.slice(index + from.length);
}

export function adoptInput(fixture: Fixture, edits: EditedOutput[], extra: Partial<AdoptInput> = {}): AdoptInput {
  const specFiles = [fixture.loaded.projectFile, ...fixture.loaded.services.map((service) => service.file)];
  const specTexts = Object.fromEntries([...new Set(specFiles)].map((path) => [path, fixture.files[path]!]));
  return {
    loaded: fixture.loaded,
    specTexts,
    generated: fixture.generated,
    edits,
    source: fixture.source,
    schemas: specValidators().schemas,
    ...extra,
  };
}

/** An edit of a generated file: the generated text with replacements applied. */
export function edit(fixture: Fixture, path: string, ...replacements: Array<[string, string]>): EditedOutput {
  const generated = generatedFile(fixture, path);
  const edited = replacements.reduce((text, [from, to]) => replaceOnce(text, from, to), generated);
  return { path, generated, edited };
}

/** `kubectl kustomize` over the files written to a temporary folder; undefined when kubectl is missing. */
export function kubectlRenderer(): OverlayRenderer | undefined {
  const kubectl = (process.env.PATH ?? '')
    .split(delimiter)
    .map((folder) => join(folder, 'kubectl'))
    .find((candidate) => candidate !== 'kubectl' && existsSync(candidate));
  if (!kubectl) return undefined;
  return (files, folder) => {
    const root = mkdtempSync(join(tmpdir(), 'twinform-kustomize-'));
    try {
      for (const [path, content] of files) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      return {
        ok: true,
        text: execFileSync(kubectl, ['kustomize', join(root, folder)], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      };
    } catch (error) {
      return {
        ok: false,
        reason: String((error as { stderr?: unknown }).stderr ?? error)
          .trim()
          .split('\n')[0]!,
      };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
}
