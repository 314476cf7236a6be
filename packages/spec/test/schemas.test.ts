import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_SCHEMA_FILE, SERVICE_SCHEMA_FILE, loadSchemas, schemaDir } from '@twinform/spec';
import type { JsonSchema } from '@twinform/spec';

const repoRoot = join(__dirname, '../../..');

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema | undefined {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  if (!ref.startsWith('#/')) return { description: `external ${ref}` };
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
  return isObject(target) ? target : undefined;
}

/**
 * Has a description editors can show: its own, its $ref's, or (for `anyOf: [{$ref}, {type: null}]`,
 * the nullable fields of environment overrides) one on every alternative that is not null.
 */
function isDescribed(property: unknown, root: JsonSchema): boolean {
  if (!isObject(property)) return false;
  if (typeof property.description === 'string' || typeof resolve(property, root)?.description === 'string') return true;
  if (!Array.isArray(property.anyOf)) return false;
  const alternatives = property.anyOf.filter((branch) => !(isObject(branch) && branch.type === 'null'));
  return alternatives.length > 0 && alternatives.every((branch) => isDescribed(branch, root));
}

/** JSON pointers of properties that have no description. */
function undescribedProperties(root: JsonSchema): string[] {
  const missing: string[] = [];
  const stack: Array<[unknown, string]> = [[root, '#']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop() as [unknown, string];
    if (Array.isArray(node)) {
      node.forEach((item, index) => stack.push([item, `${pointer}/${index}`]));
      continue;
    }
    if (!isObject(node)) continue;
    if (isObject(node.properties)) {
      for (const [name, property] of Object.entries(node.properties)) {
        if (!isDescribed(property, root)) missing.push(`${pointer}/properties/${name}`);
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'examples' && key !== 'default') stack.push([value, `${pointer}/${key}`]);
    }
  }
  return missing.sort();
}

describe('the JSON Schemas', () => {
  test('schemaDir() finds the repo schemas from the sources', () => {
    expect(schemaDir()).toBe(join(repoRoot, 'schemas'));
    expect(existsSync(join(schemaDir(), SERVICE_SCHEMA_FILE))).toBe(true);
    expect(existsSync(join(schemaDir(), PROJECT_SCHEMA_FILE))).toBe(true);
  });

  test.each([['service'], ['project']] as const)('every property of the %s schema has a description', (name) => {
    const schema = loadSchemas()[name];
    expect(undescribedProperties(schema)).toEqual([]);
  });

  test('the walk finds a property without a description', () => {
    const schema = {
      properties: {
        a: { type: 'string' },
        b: { $ref: '#/$defs/b' },
        c: { anyOf: [{ $ref: '#/$defs/b' }, { type: 'null' }] },
        d: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
      $defs: { b: { description: 'B.', properties: { e: {} } } },
    };
    expect(undescribedProperties(schema)).toEqual(['#/$defs/b/properties/e', '#/properties/a', '#/properties/d']);
  });

  /** '' when `node scripts/gen-types.mjs --check` passes in `root`, else its exit code and output. */
  function checkTypes(root: string): string {
    try {
      execFileSync(process.execPath, ['scripts/gen-types.mjs', '--check'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return '';
    } catch (error) {
      const failure = error as { stderr?: string; stdout?: string; status?: number };
      return `exit ${failure.status}: ${failure.stderr ?? ''}${failure.stdout ?? ''}`;
    }
  }

  test('packages/spec/src/generated/ (types and compiled validators) matches the schemas (npm run gen-types)', () => {
    expect(checkTypes(repoRoot)).toBe('');
  });

  /** A copy of what `gen-types --check` reads, with some generated files replaced. */
  function withGeneratedFiles(files: Record<string, string>, run: (copy: string) => void): void {
    const copy = mkdtempSync(join(tmpdir(), 'twinform-types-'));
    try {
      cpSync(join(repoRoot, 'scripts/gen-types.mjs'), join(copy, 'scripts/gen-types.mjs'));
      cpSync(join(repoRoot, 'schemas'), join(copy, 'schemas'), { recursive: true });
      symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
      // ajv 8 is installed under packages/spec (eslint brings ajv 6 to the root).
      mkdirSync(join(copy, 'packages/spec/src'), { recursive: true });
      writeFileSync(join(copy, 'packages/spec/package.json'), '{ "name": "@twinform/spec" }\n');
      if (existsSync(join(repoRoot, 'packages/spec/node_modules'))) {
        symlinkSync(join(repoRoot, 'packages/spec/node_modules'), join(copy, 'packages/spec/node_modules'), 'dir');
      }
      cpSync(join(repoRoot, 'packages/spec/src/generated'), join(copy, 'packages/spec/src/generated'), {
        recursive: true,
      });
      for (const [name, content] of Object.entries(files)) {
        writeFileSync(join(copy, 'packages/spec/src/generated', name), content);
      }
      run(copy);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }

  test('the staleness check passes on a faithful copy (so the failures below are about the edits)', () => {
    withGeneratedFiles({}, (copy) => expect(checkTypes(copy)).toBe(''));
  });

  test('the staleness check fails on stale types', () => {
    withGeneratedFiles({ 'types.ts': 'export interface ServiceSpec { name: string }\n' }, (copy) => {
      expect(checkTypes(copy)).toMatch(/^exit 1: .*types\.ts is stale: run npm run gen-types/);
    });
  });

  test('the staleness check fails on stale compiled validators', () => {
    withGeneratedFiles({ 'validators.js': 'exports.service = () => true;\n' }, (copy) => {
      expect(checkTypes(copy)).toMatch(/^exit 1: .*validators\.js is stale: run npm run gen-types/);
    });
  });

  test('the compiled validators need nothing of ajv but its runtime helpers', () => {
    const code = readFileSync(join(repoRoot, 'packages/spec/src/generated/validators.js'), 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const id of required) expect(id).toMatch(/^ajv\/dist\/runtime\//);
  });
});

describe('SERVICE_KEY_ORDER', () => {
  it('lists every service schema property, in the schema order', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const schema = require('../../../schemas/service.schema.json') as { properties: Record<string, unknown> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SERVICE_KEY_ORDER } = require('../src/imported') as typeof import('../src/imported');
    expect([...SERVICE_KEY_ORDER]).toEqual(Object.keys(schema.properties));
  });
});
