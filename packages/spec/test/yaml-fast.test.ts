import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument, stringify, type ToStringOptions } from 'yaml';
import { parseSimpleYaml } from '../src/yaml-fast';

const repoRoot = join(__dirname, '../../..');

/** What the loader gets from the yaml package, or 'error' when it reports a problem. */
function viaYamlPackage(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  if (document.errors.length > 0) return 'error';
  return document.toJS({ maxAliasCount: 100 });
}

/** The fast reader either gives up or agrees with the yaml package, and never accepts what it rejects. */
function expectAgreement(text: string): boolean {
  const fast = parseSimpleYaml(text);
  if (fast === undefined) return false;
  expect({ text, value: fast.value }).toEqual({ text, value: viaYamlPackage(text) });
  return true;
}

const TYPICAL_SPEC = `# yaml-language-server: $schema=../../schemas/service.schema.json
name: backend
image: ghcr.io/acme/backend:1.4.2   # pinned
ports:
  - name: http
    port: 3001
    expose: ingress
    ingress:
      - host: shop.example.com
        path: /api
env:
  LOG_LEVEL: info
  API_URL: "http://\${frontend.http}"
  QUOTED: 'it''s'
  EMPTY: ""
  NUMBER: 42
  ENABLED: true
  NOTHING: ~
  DB_PASSWORD: { secret: db-password }
dependsOn: [postgres, { service: redis, condition: healthy }]
health:
  readiness:
    http: { port: http, path: /readyz }
  liveness:
    exec:
      command: [pg_isready, -U, postgres]
resources:
  requests: {cpu: 100m, memory: 128Mi}
list:
- a
- - nested
  - 2
- key: value
  other: 0x1F
-
  late: 1.5e3
environments:
  prod:
    replicas: 3
`;

describe('parseSimpleYaml', () => {
  test('reads a typical spec exactly as the yaml package does', () => {
    expect(expectAgreement(TYPICAL_SPEC)).toBe(true);
  });

  test.each([
    ['a block scalar', 'script: |\n  echo hi\n'],
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['an escape', 'a: "x\\ty"\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line flow list', 'a: [1,\n  2]\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['a tab', 'a:\tb\n'],
    ['a document marker', '---\na: 1\n'],
    ['a top-level scalar', 'just text\n'],
    ['an empty file', ''],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['an unclosed quote', 'a: "open\n'],
    ['a number as key', '1: a\n'],
  ])('gives up on %s', (_label, text) => {
    expect(parseSimpleYaml(text)).toBeUndefined();
  });

  const word = fc.constantFrom(
    'a',
    'b',
    'key',
    'x y',
    'yes',
    'null',
    '~',
    '12',
    '0x1F',
    '1.5',
    '-1',
    '.inf',
    'true',
    'a:b',
    'a#b',
    'http://h:1/p',
    '-U',
    '"q"',
    "'s'",
    "'it''s'",
    '"a #b"',
    '[1, 2]',
    '{a: 1}',
    '{ a: [b, c] }',
    '[a, {b: c}]',
    '[]',
    '{}',
    '-',
    '',
    ':',
    'a:',
    '#c',
    ' # c',
    '&x',
    '*x',
    '!t',
    '|',
    '>',
    '%',
    '@',
    '`',
    ',',
    '[',
    '{',
    '?',
    '- x',
    'a: b',
    '"',
    "'",
    '__proto__',
    '<<',
    '\u00a0',
    'é',
    '[a,]',
    '[a, , b]',
    '{a: }',
    '{a:b}',
    '"k": v',
    "'k':v",
  );
  const line = fc
    .tuple(
      fc.integer({ min: 0, max: 6 }),
      fc.constantFrom('k: v', 'k:', '- v', '-', '- k: v', '- - v', 'v', '# c', '', 'k: v # c', '"k": v'),
      word,
      word,
    )
    .map(
      ([indent, shape, first, second]) =>
        ' '.repeat(indent) + shape.replace('k', () => first).replace('v', () => second),
    );

  test('random line-oriented documents: never accepts what the yaml package rejects, never disagrees', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        if (expectAgreement(`${lines.join('\n')}\n`)) accepted += 1;
      }),
      { numRuns: 20000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  const scalar = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', ' ', ':', '#', '-', "'", '"', '[', '{', ',', '0', '.', 'é'), maxLength: 8 }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 }),
  }));
  const options = fc.record({
    indent: fc.constantFrom(2, 3, 4),
    indentSeq: fc.boolean(),
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'),
    defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'),
    collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    lineWidth: fc.constantFrom(0, 20, 80),
  });

  test('documents the yaml package writes, in its many styles', () => {
    let accepted = 0;
    fc.assert(
      fc.property(value, options, (document, style) => {
        const text = stringify(document, style as ToStringOptions);
        if (expectAgreement(text)) accepted += 1;
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  test('a typical spec with random edits', () => {
    const edit = fc.tuple(
      fc.nat(TYPICAL_SPEC.length),
      fc.nat(3),
      fc.constantFrom(
        '',
        ' ',
        '  ',
        '\n',
        ':',
        ': ',
        '- ',
        '#',
        ' #',
        '"',
        "'",
        '[',
        ']',
        '{',
        '}',
        ',',
        'x',
        '-',
        '?',
        '&',
        '|',
      ),
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = TYPICAL_SPEC;
        for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        if (expectAgreement(text)) accepted += 1;
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  test('every YAML file in the repository', () => {
    const files: string[] = [];
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder)) {
        if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
        const path = join(folder, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.ya?ml$/.test(entry)) files.push(path);
      }
    };
    for (const folder of ['examples', 'templates', 'test', 'packages']) walk(join(repoRoot, folder));
    let accepted = 0;
    for (const file of files) if (expectAgreement(readFileSync(file, 'utf8'))) accepted += 1;
    expect(accepted).toBeGreaterThan(files.length / 2);
  });
});
