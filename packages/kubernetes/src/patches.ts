import { applyOperation, deepClone, type Operation } from 'fast-json-patch';
import type { LoadedService, NormalizedService } from '@twinform/spec';
import { report, type RenderContext, type RenderedObject } from './context';
import type { KubernetesObject } from './objects';

/** First line of a fast-json-patch error (the rest dumps the whole document). */
const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

function patchPointer(loaded: LoadedService | undefined, environment: string | undefined, index: number): string {
  const fromEnvironment =
    environment !== undefined && loaded?.spec.environments?.[environment]?.patches?.kubernetes !== undefined;
  return `${fromEnvironment ? `/environments/${environment}` : ''}/patches/kubernetes/${index}`;
}

/**
 * The escape hatch: each service's RFC 6902 patches, applied last to its own objects. A patch whose
 * target or path does not exist is an error; the object then stays unpatched.
 */
export function applyUserPatches(context: RenderContext, service: NormalizedService, objects: RenderedObject[]): void {
  (service.patches.kubernetes ?? []).forEach((patch, index) => {
    const name = patch.name ?? service.name;
    const pointer = patchPointer(context.loaded.get(service.name), context.project.environment, index);
    const target = objects.find(
      (candidate) =>
        candidate.service === service.name &&
        candidate.object.kind === patch.kind &&
        candidate.object.metadata?.name === name,
    );
    if (!target) {
      // An external service has no workload in this environment on purpose; its patches have nothing to do.
      if (service.external) return;
      const available = objects
        .filter((candidate) => candidate.service === service.name)
        .map((candidate) => `${candidate.object.kind} ${candidate.object.metadata?.name}`)
        .join(', ');
      report(
        context,
        service,
        'error',
        'unresolved-reference',
        `patches.kubernetes[${index}] of service '${service.name}' targets ${patch.kind} '${name}', which is not generated`,
        `target one of: ${available || '(no objects)'}`,
        pointer,
      );
      return;
    }
    const result = applyOperations(target.object, patch.ops as Operation[]);
    if ('problem' in result) {
      const op = patch.ops[result.opIndex]!;
      report(
        context,
        service,
        'error',
        'invalid-value',
        `patches.kubernetes[${index}] of service '${service.name}' cannot be applied to ${patch.kind} '${name}': op ${result.opIndex} (${op.op} ${op.path}): ${result.problem}`,
        'check the path against the generated object (`npx gen` output) and fix or remove the operation',
        `${pointer}/ops/${result.opIndex}`,
      );
      return;
    }
    const changed = identityChange(target.object, result.document);
    if (changed) {
      report(
        context,
        service,
        'error',
        'invalid-value',
        `patches.kubernetes[${index}] of service '${service.name}' ${changed} of ${patch.kind} '${name}'`,
        'kustomize overlays and the other generated objects find an object by its apiVersion, kind and name: patch other fields only',
        pointer,
      );
      return;
    }
    target.object = result.document as KubernetesObject;
  });
}

/** Applies the ops to a copy, one at a time, so a failure names the op. */
function applyOperations(
  object: KubernetesObject,
  ops: readonly Operation[],
): { document: unknown } | { opIndex: number; problem: string } {
  let document: unknown = deepClone(object);
  for (const [opIndex, op] of ops.entries()) {
    // fast-json-patch accepts the empty path and swaps the whole document for the value.
    if (op.path === '')
      return { opIndex, problem: `it ${op.op === 'remove' ? 'removes' : 'replaces'} the whole object` };
    try {
      document = applyOperation(document, op, true, true, true, opIndex).newDocument;
    } catch (error) {
      return { opIndex, problem: firstLine(error) };
    }
  }
  return { document };
}

/** How a patch broke what identifies the object (apiVersion, kind, metadata.name), or undefined. */
function identityChange(original: KubernetesObject, patched: unknown): string | undefined {
  if (typeof patched !== 'object' || patched === null || Array.isArray(patched)) return 'turns it into a non-object';
  const object = patched as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
  if (typeof object.apiVersion !== 'string' || object.apiVersion === '') return 'removes the apiVersion';
  if (object.kind !== original.kind) return 'changes the kind';
  const name = object.metadata?.name;
  if (name !== original.metadata?.name) return name === undefined ? 'removes metadata.name' : 'changes metadata.name';
  return undefined;
}
