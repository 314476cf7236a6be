import { compare, getValueByPointer, type Operation } from 'fast-json-patch';
import type { RenderedObject } from './context';
import { LABEL_NAME, LABEL_PART_OF, parseImage } from './names';
import { objectId, type KubernetesObject } from './objects';
import { compareStrings } from './order';

export const KUSTOMIZE_API_VERSION = 'kustomize.config.k8s.io/v1beta1';

export interface KustomizePatch {
  path: string;
  /** One object by kind and name, or every object of a service by label selector. */
  target: { kind: string; name: string } | { labelSelector: string };
}

export interface KustomizeImage {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

export interface Kustomization {
  apiVersion: typeof KUSTOMIZE_API_VERSION;
  kind: 'Kustomization';
  namespace?: string;
  resources: string[];
  patches?: KustomizePatch[];
  images?: KustomizeImage[];
  replicas?: Array<{ name: string; count: number }>;
}

/** A file of an overlay folder, relative to that folder. */
export interface OverlayFile {
  file: string;
  value: unknown;
  sources: string[];
}

export interface Overlay {
  kustomization: Kustomization;
  files: OverlayFile[];
}

export function baseKustomization(resources: string[]): Kustomization {
  return { apiVersion: KUSTOMIZE_API_VERSION, kind: 'Kustomization', resources: [...resources].sort(compareStrings) };
}

const fileStem = (object: KubernetesObject): string => `${object.metadata?.name}-${object.kind!.toLowerCase()}`;

const IMAGE_PATH = /\/(containers|initContainers)\/\d+\/image$/;
const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet']);

/** Pointers of every container image in an object (containers and initContainers at any depth). */
function imagePointers(value: unknown, pointer = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => imagePointers(item, `${pointer}/${index}`));
  if (typeof value !== 'object' || value === null) return [];
  const pointers: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(child)) {
      child.forEach((container, index) => {
        if (typeof container?.image === 'string') pointers.push(`${childPointer}/${index}/image`);
      });
    }
    pointers.push(...imagePointers(child, childPointer));
  }
  return pointers;
}

/** What kustomize's image transformer does to one image reference. */
function transformImage(image: string, entry: KustomizeImage): string {
  const parsed = parseImage(image);
  if (parsed.name !== entry.name) return image;
  let { tag, digest } = parsed;
  if (entry.newTag !== undefined) {
    tag = entry.newTag;
    digest = entry.digest;
  } else if (entry.digest !== undefined) {
    tag = undefined;
    digest = entry.digest;
  }
  return `${entry.newName ?? parsed.name}${tag !== undefined ? `:${tag}` : ''}${digest !== undefined ? `@${digest}` : ''}`;
}

interface ImageChange {
  id: string;
  op: Operation;
  from: string;
  to: string;
}

function imageEntry(from: string, to: string): KustomizeImage {
  const before = parseImage(from);
  const after = parseImage(to);
  const entry: KustomizeImage = { name: before.name };
  if (after.name !== before.name) entry.newName = after.name;
  if (after.tag !== undefined) entry.newTag = after.tag;
  if (after.digest !== undefined) entry.digest = after.digest;
  return entry;
}

/**
 * Image changes that an `images:` entry expresses exactly: for each image name, every changed
 * container gets the same new reference, and the entries leave every container of the overlay's
 * output as the environment wants it (checked by replaying kustomize's transformer). Entries that
 * would rename an image into another entry's name are not used, so each container is touched by at
 * most one entry and the check stays linear.
 */
function expressibleImageChanges(
  changes: ImageChange[],
  environment: Map<string, RenderedObject>,
): { entries: KustomizeImage[]; extracted: Set<Operation> } {
  const groups = new Map<string, ImageChange[]>();
  for (const change of changes) {
    const name = parseImage(change.from).name;
    groups.set(name, [...(groups.get(name) ?? []), change]);
  }
  const candidates = new Map<string, { entry: KustomizeImage; changes: ImageChange[] }>();
  for (const [name, group] of groups) {
    if (new Set(group.map((change) => change.to)).size !== 1) continue;
    candidates.set(name, { entry: imageEntry(group[0]!.from, group[0]!.to), changes: group });
  }
  for (const [name, candidate] of [...candidates]) {
    const newName = candidate.entry.newName;
    if (newName !== undefined && candidates.has(newName)) candidates.delete(name);
  }
  if (candidates.size === 0) return { entries: [], extracted: new Set() };

  const changeAt = new Map(changes.map((change) => [`${change.id}#${change.op.path}`, change]));
  const fields = [...environment.entries()].flatMap(([id, rendered]) =>
    imagePointers(rendered.object).map((pointer) => ({
      wanted: getValueByPointer(rendered.object, pointer) as string,
      change: changeAt.get(`${id}#${pointer}`),
    })),
  );
  // Dropping an entry puts its changes back into patches, which can break another entry: repeat until stable.
  for (let failing = true; failing;) {
    failing = false;
    for (const field of fields) {
      const own = field.change && candidates.get(parseImage(field.change.from).name);
      const current = own ? field.change!.from : field.wanted;
      const name = parseImage(current).name;
      const entry = candidates.get(name)?.entry;
      if (entry && transformImage(current, entry) !== field.wanted) {
        candidates.delete(name);
        failing = true;
      }
    }
  }
  const accepted = [...candidates.values()].sort((a, b) => compareStrings(a.entry.name, b.entry.name));
  return {
    entries: accepted.map((item) => item.entry),
    extracted: new Set(accepted.flatMap((item) => item.changes.map((change) => change.op))),
  };
}

const LABEL_PATH = /^\/metadata\/labels\/([^/]+)$/;

const unescapePointer = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * A label that changes the same way on several objects of one service (the version label after an
 * image bump, an environment's extra label) becomes one patch for all of them, aimed by label
 * selector, instead of one line in every object's patch. Only when every object of the service in
 * the environment carries the new value, so the selector cannot touch an object it should not.
 */
function serviceLabelChanges(
  changed: Map<string, Operation[]>,
  base: Map<string, RenderedObject>,
  environment: Map<string, RenderedObject>,
): { files: OverlayFile[]; patches: KustomizePatch[]; extracted: Set<Operation> } {
  const groups = new Map<
    string,
    { selector: Record<string, string>; key: string; value: string; ops: Operation[]; sources: Set<string> }
  >();
  for (const [id, ops] of changed) {
    const labels = base.get(id)!.object.metadata?.labels ?? {};
    const service = labels[LABEL_NAME];
    const partOf = labels[LABEL_PART_OF];
    if (service === undefined || partOf === undefined) continue;
    for (const op of ops) {
      const match = LABEL_PATH.exec(op.path);
      if (!match || (op.op !== 'replace' && op.op !== 'add') || typeof op.value !== 'string') continue;
      const key = unescapePointer(match[1]!);
      const groupKey = JSON.stringify([service, partOf, key, op.value]);
      const group = groups.get(groupKey) ?? {
        selector: { [LABEL_NAME]: service, [LABEL_PART_OF]: partOf },
        key,
        value: op.value,
        ops: [],
        sources: new Set<string>(),
      };
      group.ops.push(op);
      for (const source of environment.get(id)!.sources) group.sources.add(source);
      groups.set(groupKey, group);
    }
  }
  const environmentBySelector = new Map<string, RenderedObject[]>();
  for (const rendered of environment.values()) {
    const labels = rendered.object.metadata?.labels ?? {};
    const key = JSON.stringify([labels[LABEL_NAME], labels[LABEL_PART_OF]]);
    environmentBySelector.set(key, [...(environmentBySelector.get(key) ?? []), rendered]);
  }
  const byService = new Map<string, { selector: Record<string, string>; ops: Operation[]; sources: Set<string> }>();
  const extracted = new Set<Operation>();
  for (const group of groups.values()) {
    if (group.ops.length < 2) continue;
    const selected =
      environmentBySelector.get(JSON.stringify([group.selector[LABEL_NAME], group.selector[LABEL_PART_OF]])) ?? [];
    if (!selected.every((rendered) => rendered.object.metadata?.labels?.[group.key] === group.value)) continue;
    const service = group.selector[LABEL_NAME]!;
    const entry = byService.get(service) ?? { selector: group.selector, ops: [], sources: new Set<string>() };
    // `add` replaces an existing member, so one op fits objects with and without the label.
    entry.ops.push({
      op: 'add',
      path: `/metadata/labels/${group.key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      value: group.value,
    });
    for (const source of group.sources) entry.sources.add(source);
    byService.set(service, entry);
    for (const op of group.ops) extracted.add(op);
  }
  const files: OverlayFile[] = [];
  const patches: KustomizePatch[] = [];
  for (const [service, entry] of byService) {
    const file = `${service}-labels.patch.yaml`;
    files.push({
      file,
      value: entry.ops.sort((a, b) => compareStrings(a.path, b.path)),
      sources: [...entry.sources].sort(compareStrings),
    });
    const labelSelector = Object.entries(entry.selector)
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
    patches.push({ path: file, target: { labelSelector } });
  }
  return { files, patches, extracted };
}

/** Equal as JSON (keys holding undefined count as absent, key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameJson(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let leftKeys = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    leftKeys += 1;
    if (!Object.prototype.hasOwnProperty.call(right, key) || !sameJson(left[key], right[key])) return false;
  }
  let rightKeys = 0;
  for (const key in right) if (right[key] !== undefined) rightKeys += 1;
  return leftKeys === rightKeys;
}

/**
 * The overlay that turns the base into one environment: JSON 6902 patches for changed objects,
 * `images:` / `replicas:` where they say the same more readably, `$patch: delete` for objects the
 * environment does not have, and the environment's extra objects as resources.
 */
export function buildOverlay(base: RenderedObject[], environment: RenderedObject[], namespace?: string): Overlay {
  const baseById = new Map(base.map((rendered) => [objectId(rendered.object), rendered]));
  const environmentById = new Map(environment.map((rendered) => [objectId(rendered.object), rendered]));
  const files: OverlayFile[] = [];
  const patches: KustomizePatch[] = [];
  const resources: string[] = [];
  const replicas: Array<{ name: string; count: number }> = [];
  const changed = new Map<string, Operation[]>();
  const imageChanges: ImageChange[] = [];

  for (const [id, rendered] of baseById) {
    const object = rendered.object;
    const target = { kind: object.kind!, name: object.metadata!.name! };
    const wanted = environmentById.get(id);
    if (!wanted) {
      const file = `${fileStem(object)}.delete.yaml`;
      const metadata: Record<string, string> = { name: target.name };
      if (object.metadata?.namespace !== undefined) metadata.namespace = object.metadata.namespace;
      files.push({
        file,
        value: { apiVersion: object.apiVersion, kind: object.kind, metadata, $patch: 'delete' },
        sources: rendered.sources,
      });
      patches.push({ path: file, target });
      continue;
    }
    // Most objects do not change between base and environment (an environment nothing overrides
    // reuses the base objects themselves): a walk that stops at the first difference is far
    // cheaper than computing the patch.
    if (sameJson(object, wanted.object)) continue;
    let ops = compare(object, wanted.object);
    if (ops.length === 0) continue;
    if (REPLICATED_KINDS.has(target.kind)) {
      const replicaOp = ops.find(
        (op) =>
          op.path === '/spec/replicas' && (op.op === 'replace' || op.op === 'add') && typeof op.value === 'number',
      );
      if (replicaOp && 'value' in replicaOp) {
        replicas.push({ name: target.name, count: replicaOp.value as number });
        ops = ops.filter((op) => op !== replicaOp);
      }
    }
    for (const op of ops) {
      if (op.op === 'replace' && IMAGE_PATH.test(op.path) && typeof op.value === 'string') {
        imageChanges.push({ id, op, from: getValueByPointer(object, op.path) as string, to: op.value });
      }
    }
    changed.set(id, ops);
  }

  const images = expressibleImageChanges(imageChanges, environmentById);
  const labels = serviceLabelChanges(changed, baseById, environmentById);
  files.push(...labels.files);
  patches.push(...labels.patches);
  for (const [id, allOps] of changed) {
    const ops = allOps.filter((op) => !images.extracted.has(op) && !labels.extracted.has(op));
    if (ops.length === 0) continue;
    const rendered = environmentById.get(id)!;
    const file = `${fileStem(rendered.object)}.patch.yaml`;
    const original = baseById.get(id)!.object;
    files.push({ file, value: ops, sources: rendered.sources });
    patches.push({ path: file, target: { kind: original.kind!, name: original.metadata!.name! } });
  }

  for (const [id, rendered] of environmentById) {
    if (baseById.has(id)) continue;
    const file = `${fileStem(rendered.object)}.yaml`;
    files.push({ file, value: rendered.object, sources: rendered.sources });
    resources.push(file);
  }

  const kustomization: Kustomization = {
    apiVersion: KUSTOMIZE_API_VERSION,
    kind: 'Kustomization',
    ...(namespace !== undefined ? { namespace } : {}),
    resources: ['../../base', ...resources.sort(compareStrings)],
  };
  if (patches.length > 0) kustomization.patches = patches.sort((a, b) => compareStrings(a.path, b.path));
  if (images.entries.length > 0) kustomization.images = images.entries;
  if (replicas.length > 0) kustomization.replicas = replicas.sort((a, b) => compareStrings(a.name, b.name));
  return { kustomization, files: files.sort((a, b) => compareStrings(a.file, b.file)) };
}
