import { listTemplates, parseManifest, type TemplateFolder } from '../src';

const folder = (name: string, manifest: string, extra: Record<string, string> = {}): TemplateFolder => ({
  name,
  files: Object.entries({ 'template.yaml': manifest, ...extra }).map(([path, content]) => ({ path, content })),
});

describe('listTemplates', () => {
  it('lists templates sorted by name, project templates overriding built-ins of the same name', () => {
    const list = listTemplates([
      {
        label: 'built-in',
        templates: [
          folder('node-http', 'description: Built-in node.\ndefaults: { port: 3000 }'),
          folder('cronjob', 'description: Job.'),
        ],
      },
      {
        label: 'templates/services',
        templates: [folder('node-http', 'description: Our node.\ndefaults: { port: 4000 }')],
      },
    ]);
    expect(list.issues).toEqual([]);
    expect(list.templates.map((template) => [template.name, template.source, template.overrides])).toEqual([
      ['cronjob', 'built-in', undefined],
      ['node-http', 'templates/services', 'built-in'],
    ]);
    expect(list.templates[1]!.manifest).toEqual({
      description: 'Our node.',
      prompts: [],
      defaults: { port: 4000 },
      ingress: true,
    });
  });

  it('keeps template.yaml out of the rendered files and sorts the rest', () => {
    const list = listTemplates([
      { label: 'x', templates: [folder('t', 'description: T.', { 'b.txt': '', 'a.txt': '' })] },
    ]);
    expect(list.templates[0]!.files.map((file) => file.path)).toEqual(['a.txt', 'b.txt']);
  });

  it('rejects a broken override instead of silently falling back to the built-in', () => {
    const list = listTemplates([
      { label: 'built-in', templates: [folder('node-http', 'description: Built-in.\ndefaults: { port: 3000 }')] },
      { label: 'templates/services', templates: [folder('node-http', 'descripton: typo')] },
    ]);
    expect(list.templates).toEqual([]);
    expect(list.rejected.map((entry) => entry.name)).toEqual(['node-http']);
    expect(list.issues.map((issue) => [issue.code, issue.file])).toEqual([
      ['unknown-field', 'templates/services/node-http/template.yaml'],
      ['missing-field', 'templates/services/node-http/template.yaml'],
    ]);
  });

  it('rejects a folder without template.yaml, and unusable folder names', () => {
    const list = listTemplates([
      {
        label: 'p',
        templates: [
          { name: 'bare', files: [{ path: 'service.yaml.hbs', content: '' }] },
          folder('Bad Name', 'description: x'),
        ],
      },
    ]);
    expect(list.templates).toEqual([]);
    expect(list.issues.map((issue) => issue.message)).toEqual([
      'Template folder name "Bad Name" is not usable.',
      "Template 'bare' has no template.yaml.",
    ]);
  });
});

describe('parseManifest', () => {
  it('reads prompts with types and defaults', () => {
    const { manifest, issues } = parseManifest(
      [
        'description: Runs on a schedule.',
        'prompts:',
        '  - name: schedule',
        '    message: Cron schedule',
        "    default: '0 3 * * *'",
        '  - { name: verbose, message: Verbose logs?, type: boolean, default: false }',
      ].join('\n'),
      'cronjob/template.yaml',
    );
    expect(issues).toEqual([]);
    expect(manifest).toEqual({
      description: 'Runs on a schedule.',
      prompts: [
        { name: 'schedule', message: 'Cron schedule', type: 'string', default: '0 3 * * *' },
        { name: 'verbose', message: 'Verbose logs?', type: 'boolean', default: false },
      ],
      defaults: {},
      ingress: false,
    });
  });

  it('reports YAML syntax errors with a position', () => {
    const { issues } = parseManifest('description: [unclosed\n', 'x/template.yaml');
    expect(issues[0]).toMatchObject({ code: 'syntax', file: 'x/template.yaml', line: expect.any(Number) });
  });

  it.each([
    ['description: x\ndefaults: { port: 0 }', /defaults.port is not a port number/],
    ['description: x\ndefaults: { port: 80, path: api }', /defaults.path is not usable/],
    ['description: x\ningress: true', /ingress is true but the template has no port/],
    ['description: x\ndefaults: { port: 80, path: /a }\ningress: false', /defaults.path is set but ingress is false/],
    ['description: x\nprompts: [{ name: port, message: m }]', /Prompt name 'port' is a built-in variable/],
    ['description: x\nprompts: [{ name: a-b, message: m }]', /no usable name/],
    ['description: x\nprompts: [{ name: a, message: m, type: date }]', /unknown type/],
    ['description: x\nprompts: [{ name: a, message: m, type: number, default: "3" }]', /not a number/],
    ['description: x\nprompts: [{ name: a, message: m }, { name: a, message: n }]', /declared twice/],
    ['description: x\nprompts: {}', /prompts must be a list/],
    ['- a list', /must be a mapping/],
  ])('refuses %j', (content, message) => {
    const { manifest, issues } = parseManifest(content, 'x/template.yaml');
    expect(manifest).toBeUndefined();
    expect(issues.map((issue) => issue.message).join('\n')).toMatch(message);
  });
});

describe('listTemplates with reader problems', () => {
  it('rejects a template whose reader reported a problem', () => {
    const problem = { severity: 'error' as const, code: 'io' as const, message: 'a symbolic link leaves the folder' };
    const list = listTemplates([
      { label: 'built-in', templates: [folder('node-http', 'description: Built-in.\ndefaults: { port: 3000 }')] },
      { label: 'project', templates: [{ ...folder('node-http', 'description: Ours.'), problems: [problem] }] },
    ]);
    expect(list.templates).toEqual([]);
    expect(list.rejected).toEqual([{ name: 'node-http', source: 'project', issues: [problem] }]);
  });
});
