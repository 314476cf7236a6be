/**
 * Broken YAML in the spec (service files and twinform.yaml), through `gen`, `gen validate` and
 * `gen check`: exit 1, file:line:col with a fix, no stack trace, nothing written or changed.
 */
import { readFileSync } from 'node:fs';
import { aliasBomb, deepBlockMap, deepFlowList, genInProcess, INVALID_UTF8, repeated, sandbox } from './harness';
import { brokenProject, expectRefusedByEveryCommand, PROJECT_FILES, WEB } from './project';

const web = PROJECT_FILES[WEB]!;

interface SyntaxCase {
  name: string;
  file: string;
  content: string | Buffer;
  line?: number;
  col?: number;
  mentions?: Array<string | RegExp>;
}

const CASES: SyntaxCase[] = [
  {
    name: 'an unclosed double quote',
    file: WEB,
    content: web.replace('name: web', 'name: "web'),
    line: 1,
    col: 7,
    mentions: ['never closed'],
  },
  {
    name: 'an unclosed single quote',
    file: WEB,
    content: web.replace('image: ghcr.io/acme/web:1.0.0', "image: 'ghcr.io/acme/web:1.0.0"),
    line: 2,
    col: 8,
    mentions: ['never closed'],
  },
  {
    name: 'an unclosed bracket',
    file: WEB,
    content: web.replace('dependsOn: [api]', 'dependsOn: [api'),
    mentions: [/\]|bracket/],
  },
  {
    name: 'an unclosed brace',
    file: WEB,
    content: `${web}labels: { team: shop\n`,
    mentions: [/\}|brace|bracket/],
  },
  {
    name: 'tabs as indentation',
    file: WEB,
    content: web.replace('  - name: http', '\t- name: http'),
    line: 4,
    col: 1,
    mentions: ['tab'],
  },
  {
    name: 'bad indentation (items of one mapping at different columns)',
    file: WEB,
    // The parser stops where the value starts that the wrongly indented next line continues.
    content: web.replace('    port: 8080', '     port: 8080'),
    line: 4,
    col: 11,
    mentions: ['indentation', 'the next'],
  },
  {
    name: 'a key indented under a scalar',
    file: WEB,
    content: web.replace('image: ghcr.io/acme/web:1.0.0', '  image: ghcr.io/acme/web:1.0.0'),
    line: 1,
    mentions: ['indent'],
  },
  {
    name: 'a duplicate top-level key',
    file: WEB,
    content: `${web}image: ghcr.io/acme/other:2.0.0\n`,
    line: 12,
    col: 1,
    mentions: ["duplicate key 'image'", 'line 2'],
  },
  {
    name: 'a duplicate nested key',
    file: WEB,
    content: web.replace('    port: 8080', '    port: 8080\n    port: 8081'),
    line: 6,
    col: 5,
    mentions: ["duplicate key 'port'"],
  },
  {
    name: 'a YAML alias bomb (billion laughs) in a service file',
    file: WEB,
    content: `${web}x-bomb:\n${aliasBomb('  ')}`,
    mentions: ['alias'],
  },
  {
    name: 'a YAML alias bomb in twinform.yaml',
    file: 'twinform.yaml',
    content: `name: shop\n${aliasBomb()}`,
    mentions: ['alias'],
  },
  {
    name: 'an alias to an anchor that does not exist',
    file: WEB,
    content: web.replace('image: ghcr.io/acme/web:1.0.0', 'image: *nowhere'),
    line: 2,
    mentions: ['anchor'],
  },
  {
    name: '10,000 levels of nested lists',
    file: WEB,
    content: `${web}labels: ${deepFlowList(10_000)}\n`,
    line: 12,
    mentions: ['nest'],
  },
  {
    name: '500 levels of nested mappings',
    file: WEB,
    content: `${web}annotations:\n${deepBlockMap(500, 2)}`,
    mentions: ['nest'],
  },
  {
    name: 'very deep nesting in twinform.yaml',
    file: 'twinform.yaml',
    content: `name: shop\nkubernetes: ${deepFlowList(50_000)}\n`,
    line: 2,
    mentions: ['nest'],
  },
  {
    name: 'bytes that are not UTF-8',
    file: WEB,
    content: Buffer.concat([
      Buffer.from('name: web\nimage: ghcr.io/acme/web'),
      INVALID_UTF8,
      Buffer.from(web.slice(web.indexOf(':1.0.0'))),
    ]),
    line: 2,
    col: 24,
    mentions: ['UTF-8'],
  },
  {
    name: 'a NUL byte',
    file: WEB,
    content: web.replace('name: web', 'name: w\0eb'),
    line: 1,
    col: 8,
    mentions: ['NUL'],
  },
  {
    name: 'a control character',
    file: WEB,
    content: web.replace('name: web', 'name: w\u0007eb'),
    line: 1,
    col: 8,
    mentions: ['control character'],
  },
  {
    name: 'two YAML documents in one service file',
    file: WEB,
    content: `${web}---\nname: other\nimage: x\n`,
    line: 12,
    mentions: ['document'],
  },
  {
    name: 'a list instead of a mapping',
    file: WEB,
    content: '- name: web\n- image: nginx\n',
    line: 1,
    col: 1,
    mentions: ['found a list'],
  },
  {
    name: 'an empty service file',
    file: WEB,
    content: '',
    line: 1,
    col: 1,
    mentions: ['empty'],
  },
  {
    name: 'a scalar instead of a mapping (twinform.yaml)',
    file: 'twinform.yaml',
    content: 'just some text\n',
    line: 1,
    col: 1,
    mentions: ['mapping'],
  },
  {
    name: 'a YAML tag (!!binary)',
    file: WEB,
    content: web.replace('image: ghcr.io/acme/web:1.0.0', 'image: !!binary Z2hjci5pby9hY21lL3dlYg=='),
    line: 2,
    mentions: ['tag'],
  },
  {
    name: 'a custom YAML tag',
    file: WEB,
    content: web.replace('image: ghcr.io/acme/web:1.0.0', 'image: !Ref WebImage'),
    line: 2,
    mentions: ['tag'],
  },
  {
    name: 'a mapping used as a key',
    file: WEB,
    content: `${web}labels:\n  ? { a: 1 }\n  : x\n`,
    line: 13,
    mentions: ['key'],
  },
  {
    name: 'a key of more than 1024 characters',
    file: WEB,
    content: `${web}${'k'.repeat(1100)} value\nlabels: {}\n`,
    line: 12,
  },
  {
    name: 'a file cut off in the middle of a flow mapping',
    file: WEB,
    content: `${web.slice(0, web.indexOf('expose'))}ingress: { hosts: [a, b`,
  },
  {
    name: 'a spec file of 10 MB',
    file: WEB,
    content: repeated(10 * 1024 * 1024, web, (index) => `# padding line ${index} ${'x'.repeat(100)}\n`),
    mentions: ['too large'],
  },
];

describe.each(CASES)('a service spec with $name', (testCase) => {
  it('is refused by gen, gen validate and gen check with file:line:col and a fix; nothing changes', async () => {
    const box = await brokenProject({ [testCase.file]: testCase.content });
    await expectRefusedByEveryCommand(box, {
      file: testCase.file,
      ...(testCase.line === undefined ? {} : { line: testCase.line }),
      ...(testCase.col === undefined ? {} : { col: testCase.col }),
      ...(testCase.mentions === undefined ? {} : { mentions: testCase.mentions }),
    });
  });
});

describe('a byte order mark', () => {
  // A BOM is legal (editors on Windows write it): the spec is read as if it were not there, with a
  // warning naming the file, and the generated files are byte-identical to the BOM-less project's.
  it('is ignored with a warning at file:1:1, and the output is the same as without it', async () => {
    const plain = await brokenProject({});
    const withBom = await brokenProject({
      [WEB]: `\uFEFF${web}`,
      'twinform.yaml': `\uFEFF${PROJECT_FILES['twinform.yaml']}`,
    });
    const run = await genInProcess(['--force'], withBom.path('project'));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${WEB}:1:1: warning:`);
    expect(run.stderr).toMatch(/byte order mark/);
    const generated = (box: typeof plain): Record<string, string> => {
      const snapshot = box.snapshot();
      return Object.fromEntries(
        Object.keys(snapshot)
          .filter((path) => path.startsWith('project/k8s/') || path === 'project/docker-compose.yml')
          .filter((path) => !path.endsWith('/'))
          .map((path) => [path, readFileSync(box.path(path), 'utf8')]),
      );
    };
    expect(generated(withBom)).toEqual(generated(plain));
  });
});

describe('a project file that is not there', () => {
  it('gives exit 1 naming twinform.yaml and what to do', async () => {
    const box = sandbox().write({ 'empty/readme.txt': 'no project here\n' });
    const before = box.snapshot();
    const run = await genInProcess([], box.path('empty'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no twinform\.yaml found/);
    expect(run.stderr).toContain('hint:');
    expect(box.snapshot()).toEqual(before);
  });
});
