import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  createMemorySource,
  loadProject,
  projectSettings,
  renderDocument,
  toYaml,
  type Issue,
  type LoadedProject,
} from '@twinform/spec';
import { toKubernetes } from '../../src';
import { fromKubernetes, type ImportResult } from '../../src/import';

/** Every file under a folder, keyed by path relative to it. */
export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

export function load(files: Record<string, string>): LoadedProject {
  const result = loadProject(createMemorySource(files));
  if (!result.value) {
    throw new Error(
      `the project does not load:\n${result.errors.map((issue) => `${issue.file}:${issue.line} ${issue.message}`).join('\n')}`,
    );
  }
  return result.value;
}

/** The rendered base manifests (kustomization excluded), keyed by path inside base/. */
export function baseFiles(loaded: LoadedProject): Record<string, string> {
  const base = `${projectSettings(loaded.project).kubernetesDir}/base/`;
  const result = toKubernetes(loaded);
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw new Error(`generation failed:\n${errors.map((issue) => issue.message).join('\n')}`);
  const files: Record<string, string> = {};
  for (const document of result.documents) {
    if (!document.path.startsWith(base) || document.path === `${base}kustomization.yaml`) continue;
    files[document.path.slice(base.length)] = renderDocument(document).content;
  }
  return files;
}

export function importBase(files: Record<string, string>): ImportResult {
  return fromKubernetes(Object.entries(files).map(([path, content]) => ({ path: `k8s/base/${path}`, content })));
}

/** The import written out as a project (what `gen import k8s` writes). */
export function importedProjectFiles(result: ImportResult): Record<string, string> {
  const files: Record<string, string> = { 'twinform.yaml': toYaml(result.project) };
  for (const service of result.services) {
    files[`services/${service.spec.name}/service.yaml`] = toYaml(service.spec);
    for (const [path, content] of Object.entries(service.assets))
      files[`services/${service.spec.name}/${path}`] = content;
  }
  return files;
}

export interface RoundTrip {
  first: Record<string, string>;
  imported: ImportResult;
  second: Record<string, string>;
  reloaded: LoadedProject;
}

/** generate (base) → import → generate. */
export function roundTrip(loaded: LoadedProject): RoundTrip {
  const first = baseFiles(loaded);
  const imported = importBase(first);
  const reloaded = load(importedProjectFiles(imported));
  return { first, imported, second: baseFiles(reloaded), reloaded };
}

export const losses = (issues: readonly Issue[]): Issue[] =>
  issues.filter((issue) => issue.code === 'loss' || issue.severity === 'error');
