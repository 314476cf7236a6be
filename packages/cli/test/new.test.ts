/**
 * `gen new`: the built CLI as a child process on temporary projects (jest's globalSetup builds it),
 * plus the interactive path in-process with a scripted prompter.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runNew, schemaPathFor, type NewOptions, type Prompter } from '../src/commands/new';
import { defaultStages } from '../src/pipeline';
import { captureIo, contextFor, makeProject, removeProject, snapshot, writeFiles } from './helpers';

const GEN = join(__dirname, '..', 'bin', 'gen.js');
const REPO = join(__dirname, '..', '..', '..');
const BUILT_IN_TEMPLATES = join(REPO, 'templates', 'services');
const VALIDATOR = join(REPO, '..', 'shared', 'tools', 'validate', 'dist', 'validate.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function gen(args: string[], cwd: string): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.DEBUG;
  const result = spawnSync(process.execPath, [GEN, ...args], { cwd, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SMALL_PROJECT = {
  'twinform.yaml': 'name: shop\nenvironments:\n  dev:\n    local: true\n  prod: {}\n',
  'services/backend/service.yaml': [
    'name: backend',
    'image: ghcr.io/acme/backend:1.0.0',
    'user: { uid: 1000 }',
    'ports:',
    '  - name: http',
    '    port: 3000',
    '    expose: ingress',
    '    ingress:',
    '      - path: /api',
    '',
  ].join('\n'),
};

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

/** A temporary copy of a small project with its outputs generated, as a team would have it committed. */
function generatedProject(extra: Record<string, string> = {}): string {
  const root = makeProject({ ...SMALL_PROJECT, ...extra });
  roots.push(root);
  const run = gen([], root);
  expect(run.code).toBe(0);
  return root;
}

describe('gen new service NAME --template T', () => {
  it('creates the service from node-http, wires it into both outputs, and gen check passes', () => {
    const root = generatedProject();
    const run = gen(['new', 'service', 'payments', '--template', 'node-http'], root);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/created services\/payments\/ from template node-http \(10 files\)/);
    expect(run.stdout).toMatch(/Next steps:/);

    const files = snapshot(root);
    for (const file of [
      'service.yaml',
      'Dockerfile',
      '.dockerignore',
      'README.md',
      'package.json',
      'src/server.js',
      'test/app.test.js',
    ]) {
      expect(files).toHaveProperty([`services/payments/${file}`]);
    }
    expect(files['services/payments/service.yaml']!.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../node_modules/twinform/schemas/service.schema.json',
    );
    expect(parse(files['docker-compose.yml']!).services.payments).toMatchObject({
      image: 'shop/payments:0.1.0',
      build: { context: './services/payments' },
      user: '10001:10001',
    });
    const deployment = parse(files['k8s/base/payments/deployment.yaml']!);
    const container = deployment.spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
    expect(files['k8s/base/kustomization.yaml']).toContain('payments/deployment.yaml');

    expect(gen(['check'], root).code).toBe(0);
  });

  it('refuses a second run without --force and changes nothing; --force replaces the folder', () => {
    const root = generatedProject();
    expect(gen(['new', 'service', 'payments', '-t', 'node-http'], root).code).toBe(0);
    writeFileSync(join(root, 'services/payments/notes.txt'), 'mine');
    const before = snapshot(root);

    const again = gen(['new', 'service', 'payments', '-t', 'python-http'], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/services\/payments\/ already exists; nothing was changed/);
    expect(again.stderr).toMatch(/--force/);
    expect(snapshot(root)).toEqual(before);

    const forced = gen(['new', 'service', 'payments', '-t', 'python-http', '--force'], root);
    expect(forced.code).toBe(0);
    const after = snapshot(root);
    expect(after).toHaveProperty(['services/payments/server.py']);
    expect(after).not.toHaveProperty(['services/payments/notes.txt']);
    expect(after).not.toHaveProperty(['services/payments/package.json']);
    expect(Object.keys(after).filter((path) => path.includes('.twinform-new'))).toEqual([]);
    expect(gen(['check'], root).code).toBe(0);
  });

  it.each([
    ['../x', /"\.\.\/x" is a path/],
    ['Bad_Name', /"Bad_Name" is not a DNS-1035 label[\s\S]*did you mean 'bad-name'\?/],
    ['/tmp/evil', /is an absolute path/],
    ['x/y', /is a path/],
    ['9lives', /not a DNS-1035 label/],
    ['a'.repeat(53), /has 53 characters; at most 52 fit/],
  ])('refuses the name %j with a clear message, exit 2, and creates nothing', (name, message) => {
    const root = generatedProject();
    const before = snapshot(root);
    const run = gen(['new', 'service', name, '--template', 'node-http'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(join(root, '..', 'x'))).toBe(false);
  });

  it('without --template and without a terminal, fails with exit 2 and lists the templates with descriptions', () => {
    const root = generatedProject();
    const before = snapshot(root);
    const run = gen(['new', 'service', 'payments'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/choose a template with --template T/);
    for (const name of ['cronjob', 'go-http', 'node-http', 'node-worker', 'python-http']) {
      expect(run.stderr).toMatch(new RegExp(`\\n  ${name} +\\S.+`));
    }
    expect(snapshot(root)).toEqual(before);
  });

  it('fails with exit 2 on an unknown template, flags a template cannot use, and a malformed --set', () => {
    const root = generatedProject();
    const before = snapshot(root);
    const unknown = gen(['new', 'service', 'x', '-t', 'node'], root);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toMatch(/no template named "node"[\s\S]*did you mean node-http or node-worker\?/);
    expect(gen(['new', 'service', 'x', '-t', 'cronjob', '--port', '80'], root).stderr).toMatch(/serves no port/);
    expect(gen(['new', 'service', 'x', '-t', 'node-worker', '--path', '/x'], root).stderr).toMatch(
      /--path does not apply/,
    );
    expect(gen(['new', 'service', 'x', '-t', 'node-http', '--path', 'x'], root).stderr).toMatch(/must start with '\/'/);
    expect(gen(['new', 'service', 'x', '-t', 'node-http', '--port', '0'], root).stderr).toMatch(/not a port number/);
    expect(gen(['new', 'service', 'x', '-t', 'cronjob', '--set', 'schedul=1'], root).stderr).toMatch(
      /no prompt "schedul"[\s\S]*schedule/,
    );
    expect(gen(['new', 'service', 'x', '-t', 'cronjob', '--set', 'schedule'], root).stderr).toMatch(/is not KEY=VALUE/);
    expect(gen(['new', 'widget', 'x'], root).code).toBe(2);
    expect(gen(['new'], root).code).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });

  it('--dry-run prints the files it would create and the outputs it would write, and writes nothing', () => {
    const root = generatedProject();
    const before = snapshot(root);
    const run = gen(['new', 'service', 'payments', '-t', 'node-http', '--dry-run'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/would create services\/payments\/ from template node-http \(10 files\)/);
    expect(run.stdout).toContain('  services/payments/src/server.js\n');
    expect(run.stdout).toContain('  k8s/base/payments/deployment.yaml\n');
    expect(run.stdout).toContain('  docker-compose.yml\n');
    expect(run.stdout).toMatch(/nothing was written/);
    expect(snapshot(root)).toEqual(before);
  });

  it('exposes the port by Ingress on --path, choosing a port compose does not publish yet', () => {
    const root = generatedProject();
    const run = gen(['new', 'service', 'payments', '-t', 'node-http', '--path', '/payments'], root);
    expect(run.code).toBe(0);
    // backend already publishes 3000 in compose (ingress ports are published locally).
    expect(run.stderr).toMatch(/port 3000 is already published in compose, so the new service listens on 3001/);
    const ingress = parse(readFileSync(join(root, 'k8s/base/payments/ingress.yaml'), 'utf8'));
    expect(ingress.spec.rules[0].http.paths[0]).toMatchObject({
      path: '/payments',
      backend: { service: { name: 'payments', port: { name: 'http' } } },
    });
    expect(gen(['check'], root).code).toBe(0);
  });

  it('scaffolds every built-in template into one project; the outputs stay valid', () => {
    const root = generatedProject();
    const runs = [
      ['new', 'service', 'web', '-t', 'node-http', '--path', '/web'],
      ['new', 'service', 'events', '-t', 'node-worker'],
      ['new', 'service', 'reports', '-t', 'python-http'],
      ['new', 'service', 'gateway', '-t', 'go-http', '--path', '/gw'],
      ['new', 'service', 'nightly', '-t', 'cronjob', '--set', 'schedule=15 2 * * *'],
    ];
    for (const args of runs) expect(gen(args, root)).toMatchObject({ code: 0 });
    expect(gen(['check'], root).code).toBe(0);
    expect(parse(readFileSync(join(root, 'k8s/base/nightly/cronjob.yaml'), 'utf8')).spec.schedule).toBe('15 2 * * *');
    if (!existsSync(VALIDATOR)) return;
    const validate = (args: string[]): void => {
      const result = spawnSync(process.execPath, [VALIDATOR, ...args], { cwd: root, encoding: 'utf8' });
      expect(`${result.stdout}${result.stderr}`).toMatch(/ 0 invalid/);
      expect(result.status).toBe(0);
    };
    validate(['--k8s', 'k8s/base', '--compose', 'docker-compose.yml', '--pss', 'restricted', '--cross-refs']);
    validate(['--kustomize', 'k8s/overlays/dev', '--pss', 'restricted']);
    validate(['--kustomize', 'k8s/overlays/prod', '--pss', 'restricted']);
  });

  it('prints one JSON object with --json', () => {
    const root = generatedProject();
    const run = gen(['new', 'service', 'payments', '-t', 'node-http', '--json'], root);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output).toMatchObject({ dryRun: false, created: 'services/payments', template: 'node-http' });
    expect(output.files).toContain('services/payments/service.yaml');
    expect(output.generate.written).toContain('k8s/base/payments/deployment.yaml');
    const refused = JSON.parse(gen(['new', 'service', 'payments', '-t', 'node-http', '--json'], root).stdout);
    expect(refused).toMatchObject({
      created: null,
      issues: [expect.objectContaining({ message: expect.stringMatching(/already exists/) })],
    });
  });

  it('writes nothing when a generated file was edited by hand', () => {
    const root = generatedProject();
    writeFileSync(
      join(root, 'docker-compose.yml'),
      `${readFileSync(join(root, 'docker-compose.yml'), 'utf8')}# my edit\n`,
    );
    const before = snapshot(root);
    const run = gen(['new', 'service', 'payments', '-t', 'node-http'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/docker-compose\.yml was edited by hand/);
    expect(run.stderr).toMatch(/nothing was written: services\/payments\/ was not created/);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('project templates', () => {
  const manifest = 'description: Our own Node service.\ndefaults:\n  port: 4000\n';
  const spec =
    '# yaml-language-server: $schema={{schemaPath}}\nname: {{name}}\nimage: {{image}}\nuser: { uid: 1000 }\nports:\n  - name: http\n    port: {{port}}\n';

  it('override built-ins of the same name, and are listed as such', () => {
    const root = generatedProject({
      'twinform.yaml': `${SMALL_PROJECT['twinform.yaml']}templates: tpl\n`,
      'tpl/node-http/template.yaml': manifest,
      'tpl/node-http/service.yaml.hbs': spec,
      'tpl/node-http/src/{{kebab name}}.txt.hbs': 'owned by {{owner}}\n',
    });
    const list = gen(['new', '--list'], root);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/node-http +Our own Node service\. \(tpl, replaces the built-in\)/);
    expect(list.stdout).toMatch(/python-http/);

    const run = gen(['new', 'service', 'orders', '-t', 'node-http', '--owner', 'team-orders'], root);
    expect(run.code).toBe(0);
    const files = snapshot(root);
    expect(Object.keys(files).filter((path) => path.startsWith('services/orders/'))).toEqual([
      'services/orders/service.yaml',
      'services/orders/src/orders.txt',
    ]);
    expect(files['services/orders/src/orders.txt']).toBe('owned by team-orders\n');
    expect(parse(files['services/orders/service.yaml']!).ports[0].port).toBe(4000);
    expect(gen(['check'], root).code).toBe(0);
  });

  it('with an unknown variable: exit 1 naming file, line and column; nothing written', () => {
    const root = generatedProject({
      'twinform.yaml': `${SMALL_PROJECT['twinform.yaml']}templates: tpl\n`,
      'tpl/svc/template.yaml': manifest,
      'tpl/svc/service.yaml.hbs': `${spec}env:\n  DB: {{databaseUrl}}\n`,
    });
    const before = snapshot(root);
    const run = gen(['new', 'service', 'orders', '-t', 'svc'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /tpl\/svc\/service\.yaml\.hbs:9:\d+: error: .*'databaseUrl', which is not a template variable/,
    );
    expect(snapshot(root)).toEqual(before);
  });

  it('that render an invalid spec: exit 1 with the spec problem; nothing written', () => {
    const root = generatedProject({
      'twinform.yaml': `${SMALL_PROJECT['twinform.yaml']}templates: tpl\n`,
      'tpl/svc/template.yaml': manifest,
      'tpl/svc/service.yaml.hbs': spec.replace('name: http', 'name: Not_A_Port_Name'),
    });
    const before = snapshot(root);
    const run = gen(['new', 'service', 'orders', '-t', 'svc'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/services\/orders\/service\.yaml:\d+:\d+: error/);
    expect(run.stderr).toMatch(/nothing was written/);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuse symbolic links that leave the template folder', () => {
    const root = generatedProject({
      'twinform.yaml': `${SMALL_PROJECT['twinform.yaml']}templates: tpl\n`,
      'tpl/svc/template.yaml': manifest,
      'tpl/svc/service.yaml.hbs': spec,
      'secret.txt': 'do not copy me',
    });
    symlinkSync(join(root, 'secret.txt'), join(root, 'tpl/svc/leak.txt'));
    const before = snapshot(root);
    const run = gen(['new', 'service', 'orders', '-t', 'svc'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/tpl\/svc\/leak\.txt is a symbolic link that leads outside the template folder/);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('interactive', () => {
  function scripted(choice: number, answers: string[]): Prompter & { asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      choose: async (question, options) => {
        asked.push(`${question} ${options.map((option) => option.label).join(',')}`);
        return choice;
      },
      ask: async (message, fallback) => {
        asked.push(`${message} [${fallback}]`);
        return answers.shift() ?? '';
      },
    };
  }

  const options = (change: Partial<NewOptions>): NewOptions & { json: boolean; quiet: boolean; color: boolean } => ({
    kind: 'service',
    name: 'nightly',
    list: false,
    dryRun: false,
    force: false,
    json: false,
    quiet: false,
    color: false,
    ...change,
  });

  it('asks for the template with a numbered list, then for each prompt', async () => {
    const root = generatedProject();
    const io = captureIo(root);
    const prompter = scripted(0, ['0 4 * * 0']);
    const code = await runNew(options({}), contextFor(io, { color: false }), {
      stages: defaultStages(),
      builtInTemplates: BUILT_IN_TEMPLATES,
      schemaFile: undefined,
      prompter,
    });
    expect(io.stderr).not.toMatch(/error/);
    expect(code).toBe(0);
    expect(prompter.asked).toEqual([
      'Which template? cronjob,go-http,node-http,node-worker,python-http',
      'Cron schedule (minute hour day-of-month month day-of-week) [0 3 * * *]',
    ]);
    expect(parse(readFileSync(join(root, 'services/nightly/service.yaml'), 'utf8')).schedule.cron).toBe('0 4 * * 0');
  });

  it('keeps the default when the answer is empty, and does not ask what --set answered', async () => {
    const root = generatedProject();
    const io = captureIo(root);
    const prompter = scripted(0, []);
    const code = await runNew(options({ template: 'node-worker', set: ['pollIntervalMs=250'] }), contextFor(io), {
      stages: defaultStages(),
      builtInTemplates: BUILT_IN_TEMPLATES,
      schemaFile: undefined,
      prompter,
    });
    expect(code).toBe(0);
    expect(prompter.asked).toEqual([]);
    expect(parse(readFileSync(join(root, 'services/nightly/service.yaml'), 'utf8')).env.POLL_INTERVAL_MS).toBe('250');
  });
});

describe('schemaPathFor', () => {
  it('points into node_modules/twinform in a user project', () => {
    const root = makeProject({ 'twinform.yaml': 'name: a\n' });
    roots.push(root);
    expect(schemaPathFor(root, 'services/x', '/opt/twinform/schemas/service.schema.json')).toBe(
      '../../node_modules/twinform/schemas/service.schema.json',
    );
    mkdirSync(join(root, 'node_modules/twinform/schemas'), { recursive: true });
    writeFiles(root, { 'node_modules/twinform/schemas/service.schema.json': '{}' });
    expect(schemaPathFor(root, 'services/x', join(REPO, 'schemas/service.schema.json'))).toBe(
      '../../node_modules/twinform/schemas/service.schema.json',
    );
  });

  it("points at the repository's schemas for a project inside the twinform repository", () => {
    expect(schemaPathFor(join(REPO, 'examples/govapp'), 'services/x', join(REPO, 'schemas/service.schema.json'))).toBe(
      '../../../../schemas/service.schema.json',
    );
  });
});
