import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const referenceFile = path.join(repo, 'docs/spec-reference.md');
const generator = path.join(repo, 'scripts/spec-reference.mjs');

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  $defs?: Record<string, SchemaNode>;
}

const readSchema = (name: string): SchemaNode =>
  JSON.parse(readFileSync(path.join(repo, 'schemas', name), 'utf8')) as SchemaNode;

/** Every property name declared anywhere in a schema (top level and in $defs). */
function propertyNames(schema: SchemaNode): string[] {
  const names = new Set(Object.keys(schema.properties ?? {}));
  for (const definition of Object.values(schema.$defs ?? {})) {
    for (const name of Object.keys(definition.properties ?? {})) names.add(name);
  }
  return [...names].sort();
}

describe('docs/spec-reference.md', () => {
  const committed = readFileSync(referenceFile, 'utf8');

  it('is what scripts/spec-reference.mjs generates from the current schemas', () => {
    const generated = execFileSync(process.execPath, [generator, '--stdout'], { encoding: 'utf8' });
    if (generated === committed) return;
    const committedLines = committed.split('\n');
    const generatedLines = generated.split('\n');
    const line = generatedLines.findIndex((text, index) => text !== committedLines[index]);
    throw new Error(
      'docs/spec-reference.md is stale: run `node scripts/spec-reference.mjs` and commit the result.\n' +
        `first difference at line ${line + 1}:\n` +
        `  committed: ${committedLines[line] ?? '(end of file)'}\n` +
        `  generated: ${generatedLines[line] ?? '(end of file)'}`,
    );
  });

  it.each([
    ['project.schema.json', readSchema('project.schema.json')],
    ['service.schema.json', readSchema('service.schema.json')],
  ])('has a heading for every property of %s', (_file, schema) => {
    const headings = committed.split('\n').filter((text) => text.startsWith('#'));
    const missing = propertyNames(schema).filter(
      (name) => !headings.some((heading) => heading.includes(`\`${name}\``) || heading.includes(`.${name}\``)),
    );
    expect(missing).toEqual([]);
  });
});
