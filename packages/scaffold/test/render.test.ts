import { renderTemplate, templateVariables, parsePromptAnswer, type TemplateVariables } from '../src';
import { INPUT, makeTemplate } from './helpers';

const SPEC = 'service.yaml.hbs';
const SPEC_CONTENT = 'name: {{name}}\n';

function variablesFor(files: Record<string, string>, input = INPUT): TemplateVariables {
  const { variables, issues } = templateVariables(makeTemplate(files), input);
  expect(issues).toEqual([]);
  return variables!;
}

function render(files: Record<string, string>, variables?: TemplateVariables) {
  const template = makeTemplate({ [SPEC]: SPEC_CONTENT, ...files });
  return renderTemplate(template, variables ?? templateVariables(template, INPUT).variables!);
}

describe('templateVariables', () => {
  it('defines every built-in, with the template default port and no path', () => {
    expect(variablesFor({})).toEqual({
      name: 'payments',
      projectName: 'govapp',
      owner: 'the govapp team',
      port: 3000,
      path: '',
      expose: 'internal',
      image: 'govapp/payments:0.1.0',
      schemaPath: '../../schemas/service.schema.json',
    });
  });

  it('takes --port and --path, normalizing a trailing slash, and exposes the port by ingress', () => {
    expect(variablesFor({}, { ...INPUT, port: 8081, path: '/payments/' })).toMatchObject({
      port: 8081,
      path: '/payments',
      expose: 'ingress',
    });
  });

  it.each([
    [{ port: 0 }, /not a port number/],
    [{ port: 70000 }, /not a port number/],
    [{ port: 3.5 }, /not a port number/],
    [{ path: 'api' }, /must start with '\/'/],
    [{ path: '/a/../b' }, /'\.' or '\.\.'/],
    [{ path: "/a'b" }, /only letters/],
    [{ name: 'Bad_Name' }, /DNS-1035/],
  ])('refuses %j', (change, message) => {
    const { variables, issues } = templateVariables(makeTemplate({}), { ...INPUT, ...change });
    expect(variables).toBeUndefined();
    expect(issues.map((issue) => issue.message).join('\n')).toMatch(message);
  });

  it('refuses --port and --path for a template without a port', () => {
    const template = makeTemplate({ 'template.yaml': 'description: A job.\n' });
    expect(templateVariables(template, INPUT).variables).toMatchObject({ port: null, path: '', expose: 'internal' });
    expect(templateVariables(template, { ...INPUT, port: 80 }).issues[0]!.message).toMatch(/serves no port/);
    expect(templateVariables(template, { ...INPUT, path: '/x' }).issues[0]!.message).toMatch(/--path does not apply/);
  });

  it('fills prompts from answers or defaults and refuses unknown or missing answers', () => {
    const template = makeTemplate({
      'template.yaml': [
        'description: With prompts.',
        'prompts:',
        '  - { name: schedule, message: Cron schedule, default: "0 3 * * *" }',
        '  - { name: replicas, message: How many, type: number }',
      ].join('\n'),
    });
    expect(templateVariables(template, { ...INPUT, answers: { replicas: 2 } }).variables).toMatchObject({
      schedule: '0 3 * * *',
      replicas: 2,
    });
    const missing = templateVariables(template, INPUT).issues;
    expect(missing[0]).toMatchObject({ code: 'missing-field' });
    expect(missing[0]!.hint).toMatch(/--set replicas=VALUE/);
    const unknown = templateVariables(template, { ...INPUT, answers: { replicas: 1, sheduel: 'x' } }).issues;
    expect(unknown[0]!.message).toMatch(/no prompt 'sheduel'/);
    expect(unknown[0]!.hint).toMatch(/schedule, replicas/);
  });

  it('parses typed prompt answers', () => {
    const prompt = { name: 'n', message: 'm' };
    expect(parsePromptAnswer({ ...prompt, type: 'number' }, ' 42 ')).toEqual({ value: 42 });
    expect(parsePromptAnswer({ ...prompt, type: 'number' }, 'many').issue?.message).toMatch(/not a number/);
    expect(parsePromptAnswer({ ...prompt, type: 'boolean' }, 'Yes')).toEqual({ value: true });
    expect(parsePromptAnswer({ ...prompt, type: 'boolean' }, 'no')).toEqual({ value: false });
    expect(parsePromptAnswer({ ...prompt, type: 'boolean' }, 'maybe').issue).toBeDefined();
    expect(parsePromptAnswer({ ...prompt, type: 'string' }, ' keep spaces ')).toEqual({ value: ' keep spaces ' });
  });
});

describe('renderTemplate', () => {
  it('renders .hbs contents, strips the suffix, copies other files verbatim, and sorts by path', () => {
    const result = render({
      'src/{{name}}.js.hbs': 'const port = {{port}}; // {{pascal name}}\n',
      'docs/raw.md': 'GitHub uses ${{ secrets.TOKEN }} and {{name}} stays\n',
    });
    expect(result.issues).toEqual([]);
    expect(result.files).toEqual([
      { path: 'docs/raw.md', content: 'GitHub uses ${{ secrets.TOKEN }} and {{name}} stays\n' },
      { path: 'service.yaml', content: 'name: payments\n' },
      { path: 'src/payments.js', content: 'const port = 3000; // Payments\n' },
    ]);
  });

  it('renders folder names, and keeps file modes', () => {
    const template = makeTemplate({ [SPEC]: SPEC_CONTENT });
    template.files.push({ path: '{{snake name}}_pkg/run.sh.hbs', content: 'echo {{upperSnake name}}\n', mode: 0o755 });
    const result = renderTemplate(template, templateVariables(template, { ...INPUT, name: 'order-events' }).variables!);
    expect(result.files).toContainEqual({
      path: 'order_events_pkg/run.sh',
      content: 'echo ORDER_EVENTS\n',
      mode: 0o755,
    });
  });

  it('offers every name case as a helper, and json', () => {
    const result = render(
      {
        'cases.txt.hbs':
          '{{kebab name}} {{camel name}} {{pascal name}} {{snake name}} {{upperSnake name}} {{title name}} {{json owner}} {{json port}}',
      },
      { ...variablesFor({}, { ...INPUT, name: 'order-events' }) },
    );
    expect(result.files.find((file) => file.path === 'cases.txt')?.content).toBe(
      'order-events orderEvents OrderEvents order_events ORDER_EVENTS Order Events "the govapp team" 3000',
    );
  });

  it('does not HTML-escape values (templates produce code, not HTML)', () => {
    const variables = { ...variablesFor({}), owner: 'Ops & <Platform> "team"' };
    expect(render({ 'README.md.hbs': '{{owner}}' }, variables).files[0]!.content).toBe('Ops & <Platform> "team"');
  });

  describe('strict mode', () => {
    it('reports a missing variable with its file, line and column, and renders nothing', () => {
      const result = render({ 'src/app.js.hbs': 'line one\nconst db = "{{databaseUrl}}";\n' });
      expect(result.files).toEqual([]);
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({
        severity: 'error',
        code: 'unresolved-reference',
        file: 'fixtures/test/src/app.js.hbs',
        line: 2,
        col: 15,
      });
      expect(result.issues[0]!.message).toMatch(/'databaseUrl', which is not a template variable/);
      expect(result.issues[0]!.hint).toMatch(/Variables: expose, image, name, owner/);
    });

    it('reports a missing variable inside a block helper', () => {
      const result = render({ 'a.txt.hbs': '{{#if path}}{{routePrefix}}{{/if}}' }, { ...variablesFor({}), path: '/x' });
      expect(result.issues[0]!.message).toMatch(/'routePrefix'/);
    });

    it('reports a missing variable in a file name', () => {
      const result = render({ '{{module}}.py': '' });
      expect(result.issues[0]).toMatchObject({ code: 'unresolved-reference', file: 'fixtures/test/{{module}}.py' });
      expect(result.issues[0]!.message).toMatch(/file name/);
    });

    it('refuses helpers that are not offered, including log and partials', () => {
      for (const source of ['{{shout name}}', '{{log name}}', '{{helperMissing name}}']) {
        const result = render({ 'a.txt.hbs': source });
        expect(result.issues[0]).toMatchObject({ code: 'unresolved-reference' });
        expect(result.issues[0]!.message).toMatch(/helper/);
      }
      expect(render({ 'a.txt.hbs': '{{> header}}' }).issues[0]!.message).toMatch(/partial header could not be found/);
    });

    it('reports handlebars syntax errors with a line', () => {
      const result = render({ 'a.txt.hbs': 'ok\n{{#if name}}unclosed' });
      expect(result.issues[0]).toMatchObject({ code: 'syntax', file: 'fixtures/test/a.txt.hbs' });
      expect(result.issues[0]!.hint).toMatch(/\\\{\{/);
    });
  });

  describe('prototype access', () => {
    it.each([
      '{{constructor}}',
      '{{__proto__}}',
      '{{#with name}}{{constructor.name}}{{/with}}',
      '{{lookup this "constructor"}}',
      '{{lookup (lookup this "constructor") "name"}}',
      '{{#each this}}{{/each}}{{__defineGetter__}}',
      '{{toString}}',
      '{{valueOf}}',
      '{{hasOwnProperty}}',
      '{{toLocaleString}}',
      '{{lookup this "toString"}}',
      '{{#with this}}{{toString}}{{/with}}',
    ])('blocks %s', (source) => {
      const result = render({ 'a.txt.hbs': `[${source}]` });
      const content = result.files.find((file) => file.path === 'a.txt')?.content;
      // Either nothing is rendered for the inherited property, or the template is refused.
      if (content === undefined) expect(result.issues).not.toEqual([]);
      else expect(content).toBe('[]');
    });

    it('never calls a function passed as a variable', () => {
      let called = false;
      const sneaky = (() => {
        called = true;
        return 'x';
      }) as unknown as string;
      const result = render({ 'a.txt.hbs': '{{sneaky}}' }, { ...variablesFor({}), sneaky });
      expect(called).toBe(false);
      expect(result.files).toEqual([]);
      expect(result.issues[0]!.message).toMatch(/'sneaky' is not a string, number or boolean/);
    });
  });

  describe('path safety', () => {
    it.each([
      ['{{path}}x/a.txt', { path: '/etc' }, /absolute/],
      ['{{name}}', { name: '../../etc' }, /'\.\.' segment/],
      ['sub/{{name}}/a', { name: '..' }, /'\.\.' segment/],
      ['{{name}}.txt', { name: 'a\0b' }, /NUL/],
      ['{{name}}', { name: 'C:\\Windows' }, /absolute/],
      ['{{name}}', { name: 'a\\b' }, /contains '\\'/],
      ['{{path}}/a', { path: '' }, /absolute/],
      ['dir/{{path}}', { path: '' }, /empty folder or file name/],
      ['{{name}}/x', { name: '.' }, /'\.' segment/],
    ])('refuses %j rendered with %j', (pathTemplate, change, reason) => {
      const result = render({ [pathTemplate]: 'content' }, { ...variablesFor({}), ...change });
      expect(result.files).toEqual([]);
      const refused = result.issues.find((issue) => issue.code === 'io');
      expect(refused?.message).toMatch(reason);
      expect(refused?.hint).toMatch(/inside services\/<NAME>\//);
    });

    it('refuses two files rendering to the same path, and a file that is also a folder', () => {
      expect(
        render({ 'a.txt': '1', '{{name}}.txt': '2' }, { ...variablesFor({}), name: 'a' }).issues[0]!.message,
      ).toMatch(/both render to "a.txt"/);
      expect(render({ 'lib.hbs': 'x', 'lib/index.js': 'y' }).issues[0]!.message).toMatch(
        /"lib" is rendered both as a file and as the folder/,
      );
    });

    it('refuses template folders whose own file paths leave the folder', () => {
      const { listTemplates } = jest.requireActual('../src') as typeof import('../src');
      const { templates, rejected } = listTemplates([
        {
          label: 'project',
          templates: [
            {
              name: 'evil',
              files: [
                { path: 'template.yaml', content: 'description: x' },
                { path: '../x', content: '' },
              ],
            },
          ],
        },
      ]);
      expect(templates).toEqual([]);
      expect(rejected[0]!.issues[0]!.message).toMatch(/"..\/x" is not allowed: it contains a '..' segment/);
    });
  });

  it('requires the template to produce service.yaml', () => {
    const template = makeTemplate({ 'README.md': '' });
    const result = renderTemplate(template, templateVariables(template, INPUT).variables!);
    expect(result.issues[0]!.message).toMatch(/produces no service.yaml/);
  });
});
