import type { JsonSchema, SpecSchemas } from '@twinform/spec';
import type { KeyOrder } from './yaml-edit';

type Schema = JsonSchema;

const asSchema = (value: unknown): Schema | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : undefined;

/** Follows `$ref` (local `#/$defs/...`, or the other spec schema by file name). */
function resolve(schema: Schema | undefined, schemas: SpecSchemas, root: Schema): { schema?: Schema; root: Schema } {
  let current = schema;
  let currentRoot = root;
  for (let depth = 0; current && typeof current.$ref === 'string' && depth < 20; depth += 1) {
    const ref = current.$ref as string;
    if (ref.startsWith('#/')) {
      current = ref
        .slice(2)
        .split('/')
        .reduce<Schema | undefined>((node, segment) => asSchema(node?.[segment]), currentRoot);
    } else {
      currentRoot = ref.startsWith('service.schema.json') ? schemas.service : schemas.project;
      current = currentRoot;
    }
  }
  return current ? { schema: current, root: currentRoot } : { root: currentRoot };
}

/** A schema and the branches of its anyOf / oneOf / allOf. */
function branches(schema: Schema, schemas: SpecSchemas, root: Schema): Array<{ schema: Schema; root: Schema }> {
  const result = [{ schema, root }];
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const resolved = resolve(asSchema(item), schemas, root);
      if (resolved.schema) result.push(...branches(resolved.schema, schemas, resolved.root));
    }
  }
  return result;
}

function child(
  schema: Schema,
  root: Schema,
  segment: string | number,
  schemas: SpecSchemas,
): { schema?: Schema; root: Schema } {
  for (const branch of branches(schema, schemas, root)) {
    let next: unknown;
    if (typeof segment === 'number') next = branch.schema.items;
    else next = asSchema(branch.schema.properties)?.[segment] ?? branch.schema.additionalProperties;
    const resolved = resolve(asSchema(next), schemas, branch.root);
    if (resolved.schema) return resolved;
  }
  return { root };
}

/**
 * The order of keys the schema declares at each place of a spec file, so a key `gen adopt` adds
 * lands where a person would have written it (hostPort after expose, not after ingress).
 */
export function schemaKeyOrder(schemas: SpecSchemas, kind: 'service' | 'project'): KeyOrder {
  return (parentPath) => {
    let current: { schema?: Schema; root: Schema } = { schema: schemas[kind], root: schemas[kind] };
    for (const segment of parentPath) {
      if (!current.schema) return undefined;
      current = child(current.schema, current.root, segment, schemas);
    }
    if (!current.schema) return undefined;
    const keys: string[] = [];
    for (const branch of branches(current.schema, schemas, current.root)) {
      for (const key of Object.keys(asSchema(branch.schema.properties) ?? {})) if (!keys.includes(key)) keys.push(key);
    }
    return keys.length > 0 ? keys : undefined;
  };
}
