import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';

export type JsonSchema = { [keyword: string]: unknown };

export const SERVICE_SCHEMA_FILE = 'service.schema.json';
export const PROJECT_SCHEMA_FILE = 'project.schema.json';

/**
 * The folder holding the JSON Schemas: a schemas/ folder shipped inside the package (the published
 * CLI copies them next to its dist/), else the repo's schemas/ (this file sits in packages/spec/src
 * or packages/spec/dist, two levels below the repo root). The package's own copy comes first so an
 * installed CLI never picks up a schemas/ folder of the user's repository.
 */
export function schemaDir(): string {
  const candidates = [join(__dirname, '../schemas'), join(__dirname, '../../../schemas')];
  return candidates.find((dir) => existsSync(join(dir, SERVICE_SCHEMA_FILE))) ?? (candidates[1] as string);
}

export interface SpecSchemas {
  service: JsonSchema;
  project: JsonSchema;
}

export interface SpecValidators {
  schemas: SpecSchemas;
  service: ValidateFunction;
  project: ValidateFunction;
}

export type { ErrorObject };

export function loadSchemas(dir: string = schemaDir()): SpecSchemas {
  return {
    service: JSON.parse(readFileSync(join(dir, SERVICE_SCHEMA_FILE), 'utf8')) as JsonSchema,
    project: JSON.parse(readFileSync(join(dir, PROJECT_SCHEMA_FILE), 'utf8')) as JsonSchema,
  };
}

let cached: SpecValidators | undefined;

/**
 * The validators, compiled from the schemas at build time (`npm run gen-types` writes
 * generated/validators.js; a test fails when it is stale): compiling them at run time cost about
 * half a second of every `gen` start. Loaded on first use, so commands that validate nothing skip it.
 */
export function specValidators(): SpecValidators {
  if (cached) return cached;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const generated = require('./generated/validators') as typeof import('./generated/validators');
  cached = { schemas: generated.schemas, service: generated.service, project: generated.project };
  return cached;
}
