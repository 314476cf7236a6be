#!/usr/bin/env node
// Generates packages/spec/src/generated/types.ts from schemas/*.schema.json.
// `--check` exits 1 when the committed file differs (the stale-types test calls renderTypes()).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemasDir = join(root, 'schemas');
export const typesFile = join(root, 'packages/spec/src/generated/types.ts');

const banner = `/* Generated from schemas/*.schema.json by \`npm run gen-types\`. Do not edit by hand. */\n`;

export async function renderTypes() {
  const options = {
    cwd: schemasDir,
    bannerComment: '',
    additionalProperties: false,
    unreachableDefinitions: false,
    format: true,
    style: { singleQuote: true, printWidth: 110 },
    strictIndexSignatures: false,
    declareExternallyReferenced: true,
  };
  const service = JSON.parse(readFileSync(join(schemasDir, 'service.schema.json'), 'utf8'));
  const project = JSON.parse(readFileSync(join(schemasDir, 'project.schema.json'), 'utf8'));
  const serviceTs = await compile(service, 'ServiceSpec', options);
  // The project schema references the service schema; its types are emitted once, above.
  const projectTs = await compile(
    { ...project, properties: { ...project.properties, services: { ...project.properties.services, items: { tsType: 'ServiceSpec' } } } },
    'ProjectSpec',
    options,
  );
  return `${banner}\n${serviceTs}\n${projectTs}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await renderTypes();
  if (process.argv.includes('--check')) {
    const current = readFileSync(typesFile, 'utf8');
    if (current !== text) {
      console.error(`${typesFile} is stale: run npm run gen-types`);
      process.exit(1);
    }
  } else {
    writeFileSync(typesFile, text);
  }
}
