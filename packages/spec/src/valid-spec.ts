/**
 * The last step of an import: the specs it produced go through the loader `gen validate` uses, and
 * whatever the loader still rejects is left out with a loss line (or, when nothing can be left
 * out, becomes an error). An import never writes a spec that `gen validate` refuses.
 *
 * Shared by the compose and Kubernetes importers.
 */
import type { ImportedService, ImportResult } from './imported';
import { makeIssue, type Issue, type SourcePosition } from './issues';
import { loadProject } from './load';
import type { LoadedProject } from './model';
import { toYaml } from './output';
import { createMemorySource } from './source';
import { readablePath } from './yaml-document';

const PROJECT_FILE = 'twinform.yaml';
/** Each round leaves out at least one field; real inputs need one or two. */
const MAX_ROUNDS = 10;

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

const parsePointer = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const serviceFile = (service: ImportedService): string => `services/${service.spec.name}/service.yaml`;

/** Paths a writer accepts inside a service folder: relative, no '..', no empty or odd segments. */
function isSafeAssetPath(path: string): boolean {
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) return false;
  // eslint-disable-next-line no-control-regex -- control characters make unusable file names
  if (/[\u0000-\u001f\u007f]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** The files `gen import` writes for this result (without the schema comment line). */
function importedFiles(result: ImportResult): Record<string, string> {
  const files: Record<string, string> = Object.create(null) as Record<string, string>;
  files[PROJECT_FILE] = toYaml(result.project);
  for (const service of result.services) {
    const folder = `services/${service.spec.name}`;
    files[`${folder}/service.yaml`] = toYaml(service.spec);
    for (const [path, content] of Object.entries(service.assets)) files[`${folder}/${path}`] = content;
  }
  return files;
}

/** Asset paths the spec refers to (config files and env files). */
function referencedAssets(service: ImportedService): Set<string> {
  const spec = service.spec as { configs?: unknown; envFiles?: unknown };
  const paths = new Set<string>();
  if (Array.isArray(spec.envFiles)) for (const file of spec.envFiles) if (typeof file === 'string') paths.add(file);
  if (Array.isArray(spec.configs)) {
    for (const config of spec.configs) {
      const file = isContainer(config) && !Array.isArray(config) ? config.file : undefined;
      if (typeof file === 'string') paths.add(file);
    }
  }
  return new Set([...paths].map((path) => path.replace(/^\.\//, '')));
}

/** Where a field of the spec came from: its own origin or its nearest ancestor's. */
function originOf(service: ImportedService, pointer: string): SourcePosition | undefined {
  for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
    const found = Object.hasOwn(service.origins, current) ? service.origins[current] : undefined;
    if (found) return found;
    if (current === '') break;
  }
  return (
    (Object.hasOwn(service.origins, '/name') ? service.origins['/name'] : undefined) ??
    Object.values(service.origins)[0]
  );
}

/** Removes the value at the pointer (and containers it leaves empty); false when it is not there. */
function removeAt(root: Record<string, unknown>, segments: string[]): boolean {
  const parents: Array<{ container: Container; key: string }> = [];
  let current: unknown = root;
  for (const segment of segments) {
    if (!isContainer(current)) return false;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment) || Number(segment) >= current.length) return false;
    } else if (!Object.hasOwn(current, segment)) return false;
    parents.push({ container: current, key: segment });
    current = Array.isArray(current) ? current[Number(segment)] : current[segment];
  }
  // The root itself is never removed, and neither is a top-level container it would leave empty.
  for (let level = parents.length - 1; level >= 0; level -= 1) {
    const { container, key } = parents[level]!;
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else delete container[key];
    const empty = Array.isArray(container) ? container.length === 0 : Object.keys(container).length === 0;
    if (!empty || level === 0) break;
  }
  return true;
}

/** Keeps `origins` in step with a removal: entries under it go, later list items move up. */
function removeOrigins(service: ImportedService, segments: string[]): void {
  const pointer = segments.map((segment) => `/${escape(segment)}`).join('');
  const parent = segments
    .slice(0, -1)
    .map((segment) => `/${escape(segment)}`)
    .join('');
  const last = segments[segments.length - 1];
  const index = last !== undefined && /^\d+$/.test(last) ? Number(last) : undefined;
  const origins: Record<string, SourcePosition> = {};
  for (const [key, position] of Object.entries(service.origins)) {
    if (key === pointer || key.startsWith(`${pointer}/`)) continue;
    if (index !== undefined && key.startsWith(`${parent}/`)) {
      const rest = key.slice(parent.length + 1);
      const slash = rest.indexOf('/');
      const head = slash < 0 ? rest : rest.slice(0, slash);
      if (/^\d+$/.test(head) && Number(head) > index) {
        origins[`${parent}/${Number(head) - 1}${slash < 0 ? '' : rest.slice(slash)}`] = position;
        continue;
      }
    }
    origins[key] = position;
  }
  service.origins = origins;
}

/** Deeper pointers and later list items first, so removing one does not move another. */
function compareForRemoval(a: string[], b: string[]): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const left = a[index]!;
    const right = b[index]!;
    if (left === right) continue;
    if (/^\d+$/.test(left) && /^\d+$/.test(right)) return Number(right) - Number(left);
    return left < right ? 1 : -1;
  }
  return b.length - a.length;
}

const isUnder = (pointer: string[], ancestor: string[]): boolean =>
  ancestor.length <= pointer.length && ancestor.every((segment, index) => pointer[index] === segment);

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** Errors a generator reports for a loaded project (`gen validate` runs both); a generator that throws reports nothing here. */
export type GeneratorCheck = (project: LoadedProject) => readonly Issue[];

function generatorErrors(project: LoadedProject, checks: readonly GeneratorCheck[]): Issue[] {
  for (const check of checks) {
    let found: readonly Issue[];
    try {
      found = check(project);
    } catch {
      continue;
    }
    const errors = found.filter((issue) => issue.severity === 'error');
    if (errors.length > 0) return errors;
  }
  return [];
}

/**
 * Makes every imported spec pass the loader (and the given generators, which `gen validate` runs
 * too): problems they find are left out of the spec with a loss line at the input position the
 * field came from; problems no removal can fix (the service's name, the whole file) become
 * errors. Returns the issues to add to the import's.
 */
export function keepValidSpecs(result: ImportResult, generators: readonly GeneratorCheck[] = []): Issue[] {
  const issues: Issue[] = [];
  for (const service of result.services) {
    for (const path of Object.keys(service.assets)) {
      if (isSafeAssetPath(path)) continue;
      delete service.assets[path];
      issues.push(
        makeIssue(
          'warning',
          'loss',
          `service ${service.spec.name}: the file ${JSON.stringify(path)} cannot be written inside the service folder; it is not imported`,
          {
            ...originOf(service, ''),
            hint: 'give the file a plain relative name',
          },
        ),
      );
    }
  }
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const loaded = loadProject(createMemorySource(importedFiles(result)), PROJECT_FILE);
    const found = loaded.value ? generatorErrors(loaded.value, generators) : loaded.errors;
    if (found.length === 0) return issues;
    const byFile = new Map(result.services.map((service) => [serviceFile(service), service]));
    const removals: Array<{ target: ImportedService | 'project'; segments: string[]; error: Issue }> = [];
    const fatal: Issue[] = [];
    for (const error of found) {
      const target =
        error.file === PROJECT_FILE ? 'project' : error.file === undefined ? undefined : byFile.get(error.file);
      const segments = error.pointer === undefined ? undefined : parsePointer(error.pointer);
      if (
        target === undefined ||
        segments === undefined ||
        segments.length === 0 ||
        (segments.length === 1 && segments[0] === 'name')
      ) {
        fatal.push(error);
        continue;
      }
      removals.push({ target, segments, error });
    }
    // One removal per field; a field inside a removed one goes with it.
    const applied: typeof removals = [];
    for (const removal of removals) {
      const covered = applied.some(
        (other) => other.target === removal.target && isUnder(removal.segments, other.segments),
      );
      if (covered) continue;
      for (let index = applied.length - 1; index >= 0; index -= 1) {
        const other = applied[index]!;
        if (other.target === removal.target && isUnder(other.segments, removal.segments)) applied.splice(index, 1);
      }
      applied.push(removal);
    }
    applied.sort((a, b) => compareForRemoval(a.segments, b.segments));
    let changed = false;
    for (const { target, segments, error } of applied) {
      const field = readablePath(segments.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)));
      const reason = error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
      if (target === 'project') {
        if (!removeAt(result.project as unknown as Record<string, unknown>, segments)) continue;
        changed = true;
        issues.push(
          makeIssue('warning', 'loss', `project ${field} is not imported: ${lowerFirst(reason)}`, {
            ...(error.hint === undefined ? {} : { hint: error.hint }),
          }),
        );
        continue;
      }
      const before = referencedAssets(target);
      const origin = originOf(target, segments.map((segment) => `/${escape(segment)}`).join(''));
      if (!removeAt(target.spec as unknown as Record<string, unknown>, segments)) continue;
      removeOrigins(target, segments);
      changed = true;
      const after = referencedAssets(target);
      for (const path of before) if (!after.has(path)) delete target.assets[path];
      issues.push(
        makeIssue('warning', 'loss', `service ${target.spec.name}: ${field} is not imported: ${lowerFirst(reason)}`, {
          ...(origin ?? {}),
          hint: error.hint ?? 'set the field by hand in service.yaml once you know the value it needs',
        }),
      );
    }
    if (!changed || fatal.length > 0) {
      for (const error of fatal.length > 0 ? fatal : found) {
        const service = error.file === undefined ? undefined : byFile.get(error.file);
        issues.push(
          makeIssue(
            'error',
            'invalid-value',
            `${service ? `service ${service.spec.name}` : 'the project'}: the imported spec would not be valid: ${lowerFirst(error.message)}`,
            {
              ...(service ? (originOf(service, error.pointer ?? '') ?? {}) : {}),
              hint: error.hint ?? 'fix the input at this position, then import again',
            },
          ),
        );
      }
      return issues;
    }
  }
  issues.push(
    makeIssue(
      'error',
      'invalid-value',
      'the imported specs are still not valid after leaving out every field the loader refused',
      {
        hint: 'import the services one at a time to find the one that fails',
      },
    ),
  );
  return issues;
}
