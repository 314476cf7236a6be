import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  renderDocument,
  type GeneratedDocument,
  type LoadedProject,
  type ProjectSpec,
  type ServiceSpec,
} from '@twinform/spec';
import { parseAllDocuments } from 'yaml';
import { toKubernetes } from '../src';
import { renderEnvironment } from '../src/render';

/** Generated documents are checked field by field in tests; a loose type keeps those checks readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Manifest = any;

export function project(
  services: ServiceSpec[],
  overrides: Partial<ProjectSpec> = {},
  assets: Record<string, string> = {},
): LoadedProject {
  return {
    projectFile: 'twinform.yaml',
    project: { name: 'shop', ...overrides },
    services: [...services]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((spec) => ({ spec, file: `services/${spec.name}/service.yaml`, dir: `services/${spec.name}`, pointer: '' })),
    assets,
  };
}

export function documentAt(documents: GeneratedDocument[], path: string): Manifest {
  const document = documents.find((candidate) => candidate.path === path);
  if (!document) throw new Error(`no document ${path}; have:\n${documents.map((d) => d.path).join('\n')}`);
  return document.value;
}

export const paths = (documents: GeneratedDocument[]): string[] => documents.map((document) => document.path);

const treesWritten: string[] = [];
afterAll(() => {
  for (const root of treesWritten) rmSync(root, { recursive: true, force: true });
});

/** Writes the documents (with headers, as the CLI would) under a fresh temp folder, removed after the tests. */
export function writeTree(documents: GeneratedDocument[]): string {
  const root = mkdtempSync(join(tmpdir(), 'twinform-k8s-'));
  treesWritten.push(root);
  for (const document of documents) {
    const file = join(root, document.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, renderDocument(document).content);
  }
  return root;
}

export const VALIDATOR = '/work/shared/tools/validate/dist/validate.mjs';
export const hasValidator = existsSync(VALIDATOR);
export const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

export function validate(args: string[]): { status: number; output: string } {
  const result = spawnSync('node', [VALIDATOR, ...args], { encoding: 'utf8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

export function kustomize(dir: string): string {
  return execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
}

/** What `kubectl kustomize` makes of an overlay must be exactly the environment's own render. */
export function expectOverlayRendersEnvironment(loaded: LoadedProject, env: string, namespace?: string): void {
  const root = writeTree(toKubernetes(loaded).documents);
  const output = kustomize(`${root}/k8s/overlays/${env}`);
  const byId = (objects: Manifest[]) =>
    Object.fromEntries(objects.map((object) => [`${object.kind}/${object.metadata.name}`, object]));
  const rendered = parseAllDocuments(output).map((document) => document.toJS());
  const expected = renderEnvironment(loaded, env).objects.map(({ object }) =>
    namespace === undefined ? object : { ...object, metadata: { ...object.metadata, namespace } },
  );
  expect(byId(rendered)).toEqual(byId(expected));
}
