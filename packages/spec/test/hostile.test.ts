import fc from 'fast-check';
import { MAX_NESTING_DEPTH, createMemorySource, loadProject } from '@twinform/spec';
import { BACKEND, errorsOf, load, loadWeb, onlyError, onlyWarning } from './helpers';

/** Every hostile input must produce a clean result: no exception, errors with file:line:col. */
function loadHostile(spec: string): string {
  const result = loadWeb(spec);
  expect(result.value).toBeUndefined();
  for (const error of result.errors) {
    expect(error.file).toBe('services/web/service.yaml');
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.col).toBeGreaterThanOrEqual(1);
  }
  return onlyError(result);
}

describe('broken YAML gives file:line:col and a fix', () => {
  test('unclosed quote', () => {
    expect(loadHostile('name: "web\nimage: nginx\n')).toBe(
      'services/web/service.yaml:1:7 YAML syntax: the "quoted string that starts here is never closed (hint: add the closing " on this line (as written, the rest of the file is read as part of the string))',
    );
  });

  test('unclosed bracket', () => {
    expect(loadHostile('name: web\nargs: [a, b\nimage: nginx\n')).toContain(
      'services/web/service.yaml:3:1 YAML syntax:',
    );
  });

  test('tab indentation', () => {
    expect(loadHostile('name: web\nports:\n\t- name: http\n')).toBe(
      'services/web/service.yaml:3:1 YAML syntax: tabs are not allowed as indentation (hint: indent with spaces: YAML does not allow tabs for indentation)',
    );
  });

  test('bad indentation', () => {
    expect(loadHostile('name: web\nhealth:\n    readiness: {}\n  liveness: {}\n')).toBe(
      'services/web/service.yaml:4:1 YAML syntax: all mapping items must start at the same column (hint: align the entries of one mapping or list at the same column, using spaces)',
    );
    expect(loadHostile('name: web\n  image: nginx\n')).toContain(
      'services/web/service.yaml:1:7 YAML syntax: nested mappings are not allowed',
    );
  });

  test('duplicate key names both lines', () => {
    expect(loadHostile('name: web\nimage: nginx:1\nreplicas: 1\nimage: nginx:2\n')).toBe(
      "services/web/service.yaml:4:1 duplicate key 'image' (first defined at line 2, col 1) (hint: remove one of the two entries; YAML would silently keep only the last one)",
    );
  });

  test('two documents in one file', () => {
    expect(loadHostile('name: web\nimage: nginx\n---\nname: other\n')).toContain(
      'services/web/service.yaml:3:1 YAML syntax: source contains multiple documents',
    );
  });

  test('alias bomb ("billion laughs")', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const current = String.fromCharCode(97 + level);
      levels.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = Date.now();
    expect(loadHostile(`name: web\n${levels.join('\n')}\n`)).toBe(
      'services/web/service.yaml:3:8 the YAML aliases expand to an excessive size (an alias bomb?) (hint: write the values out instead of using anchors (&) and aliases (*))',
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('an alias to an undefined anchor', () => {
    expect(loadHostile('name: web\nimage: *nowhere\n')).toContain('services/web/service.yaml:2:8');
  });

  test('a byte order mark is ignored with a warning, and columns stay right', () => {
    const result = loadWeb('\uFEFFname: web\nimgae: nginx\n');
    expect(onlyError(result)).toBe("services/web/service.yaml:2:1 unknown field 'imgae' (hint: did you mean 'image'?)");
    expect(onlyWarning(result)).toBe(
      'services/web/service.yaml:1:1 the file starts with a byte order mark (BOM); it is ignored (hint: save the file as UTF-8 without BOM)',
    );
    const clean = loadWeb('\uFEFFname: web\nimage: nginx:1.27\n');
    expect(clean.errors).toEqual([]);
    expect(clean.value?.services.map((service) => service.spec.name)).toEqual(['backend', 'web']);
  });

  test('deep nesting (flow and block) is refused without exhausting the stack', () => {
    const flow = `name: web\nargs: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    expect(loadHostile(flow)).toContain('services/web/service.yaml:2:');
    const block = `name: web\nlabels:\n${Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth + 1)}k:`).join('\n')} x\n`;
    expect(loadHostile(block)).toMatch(
      new RegExp(
        `^services/web/service\\.yaml:\\d+:\\d+ the document nests more than ${MAX_NESTING_DEPTH} levels deep`,
      ),
    );
  });

  test('documents that are not a mapping', () => {
    expect(loadHostile('')).toBe(
      'services/web/service.yaml:1:1 expected a service spec (a mapping of fields), found nothing (hint: the file is empty: write the spec into it)',
    );
    expect(loadHostile('# only a comment\n')).toContain('found nothing');
    expect(loadHostile('- name: web\n')).toBe(
      'services/web/service.yaml:1:1 expected a service spec (a mapping of fields), found a list (hint: write "field: value" lines at the top level)',
    );
    expect(loadHostile('just text')).toContain('found a string');
    expect(errorsOf(load({ 'twinform.yaml': '42\n' }))).toEqual([
      'twinform.yaml:1:1 expected a project file (a mapping of fields), found a number (hint: write "field: value" lines at the top level)',
    ]);
  });

  test('binary content, invalid UTF-8 and control characters', () => {
    expect(loadHostile('name: web\nimage: ng\u0000inx\n')).toBe(
      'services/web/service.yaml:2:10 the file contains a NUL byte (U+0000); it looks binary (hint: a spec is a UTF-8 text file: check the path)',
    );
    expect(loadHostile('name: web\nimage: caf\uFFFD\n')).toBe(
      'services/web/service.yaml:2:11 the file is not valid UTF-8: these bytes could not be decoded (hint: save the file as UTF-8)',
    );
    expect(loadHostile('name: web\u0007\n')).toContain(
      'services/web/service.yaml:1:10 the file contains the control character U+0007',
    );
  });

  test('a huge file is refused before parsing', () => {
    const started = Date.now();
    const huge = `name: web\ndescription: "${'x'.repeat(50 * 1024 * 1024)}"\n`;
    const result = loadWeb(huge);
    expect(errorsOf(result)).toEqual([
      'services/web/service.yaml the file is too large to be a spec (50.0 MB; the limit is 8 MB) (hint: check that serviceFiles in twinform.yaml matches only spec files)',
    ]);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('custom tags and complex keys are refused', () => {
    expect(loadHostile('name: web\nimage: !!binary aGVsbG8=\n')).toBe(
      'services/web/service.yaml:2:8 the YAML tag !!binary is not supported (hint: remove the tag: a spec holds plain strings, numbers, booleans, lists and mappings)',
    );
    expect(loadHostile('name: web\nimage: !custom nginx\n')).toContain('the YAML tag !custom is not supported');
    expect(loadHostile('name: web\n? [a, b]\n: 1\n')).toBe(
      'services/web/service.yaml:2:3 a mapping key is itself a list or mapping (hint: use plain text keys)',
    );
  });

  test('__proto__ keys are data, not prototypes', () => {
    const result = loadWeb('name: web\nimage: nginx:1.27\n__proto__: { polluted: true }\nenv:\n  __proto__: x\n');
    expect(errorsOf(result)).toEqual([
      "services/web/service.yaml:3:1 unknown field '__proto__' (hint: allowed fields here: name, description, workload, image, build, command, args, workingDir, user, ports, env, envFiles, configs, secrets, volumes, health, resources, replicas, autoscaling, disruption, rollout, terminationGracePeriodSeconds, job, schedule, dependsOn, allowFrom, labels, annotations, security, external, patches, environments)",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('wrong scalar types everywhere never throw', () => {
    for (const value of ['null', '~', 'true', '1e3', '-5', '.nan', '[]', '{}', '"x"', '0x1F']) {
      const spec = `name: web\nimage: ${value}\nports: ${value}\nenv: ${value}\ndependsOn: ${value}\nhealth: ${value}\nenvironments: ${value}\n`;
      const result = loadWeb(spec);
      expect(result.value === undefined || result.errors.length === 0).toBe(true);
    }
  });

  test('random and mutated input never throws (property-based)', () => {
    const pieces = [
      BACKEND,
      'name: web\n',
      'image: x\n',
      ':',
      '- ',
      '  ',
      '\t',
      '&a ',
      '*a',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      '\n',
      '#',
      '|',
      '>',
      '---\n',
      'ports:\n  - name: http\n    port: 80\n',
      'dependsOn: [web]\n',
      '${web.http}',
      '<<: *a\n',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 30 }),
        fc.boolean(),
        (parts, inline) => {
          const text = parts.join('');
          const files: Record<string, string> = inline
            ? {
                'twinform.yaml': `name: shop\nenvironments:\n  prod: {}\nservices:\n  - ${text.replace(/\n/g, '\n    ')}\n`,
              }
            : { 'twinform.yaml': 'name: shop\n', 'services/web/service.yaml': text };
          const result = loadProject(createMemorySource(files));
          expect(Array.isArray(result.errors)).toBe(true);
          for (const issue of [...result.errors, ...result.warnings]) expect(typeof issue.message).toBe('string');
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
