/**
 * `gen import k8s` on manifests nobody vetted: broken YAML, bombs, deep nesting, bad encodings,
 * wrong types, hostile names, unknown kinds and CRDs, kustomize folders that fail to render,
 * symbolic links out of the input. Input lives in in/, output goes to out/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  aliasBomb,
  deepFlowList,
  expectCleanFailure,
  expectNoChanges,
  genInProcess,
  INVALID_UTF8,
  sandbox,
  type Sandbox,
} from './harness';

const MANIFEST = 'in/app.yaml';

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '  selector:',
  '    matchLabels: { app: web }',
  '  template:',
  '    metadata:',
  '      labels: { app: web }',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          ports:',
  '            - containerPort: 8080',
  '              name: http',
  '          env:',
  '            - name: MODE',
  '              value: prod',
  '',
].join('\n');

const SERVICE = [
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector: { app: web }',
  '  ports:',
  '    - name: http',
  '      port: 80',
  '      targetPort: http',
  '',
].join('\n');

const deploymentWith = (from: string, to: string): string => {
  if (!DEPLOYMENT.includes(from)) throw new Error(`the deployment has no '${from}'`);
  return DEPLOYMENT.replace(from, to);
};

interface ManifestCase {
  name: string;
  files: Record<string, string | Buffer>;
  /** null: a message about the whole input (no single file to name). */
  file?: string | null;
  line?: number;
  col?: number;
  mentions?: Array<string | RegExp>;
  paths?: string[];
}

function importInto(box: Sandbox, paths = ['in'], extra: string[] = []): ReturnType<typeof genInProcess> {
  return genInProcess(['import', 'k8s', ...paths, '--out', 'out', ...extra], box.root);
}

const REFUSED: ManifestCase[] = [
  {
    name: 'an unclosed quote',
    files: { [MANIFEST]: deploymentWith('image: nginx:1.27', 'image: "nginx:1.27') },
    mentions: ['quote'],
  },
  {
    name: 'an unclosed bracket',
    files: { [MANIFEST]: deploymentWith('matchLabels: { app: web }', 'matchLabels: { app: web') },
  },
  { name: 'tabs as indentation', files: { [MANIFEST]: deploymentWith('  name: web', '\tname: web') }, line: 4, col: 1 },
  { name: 'bad indentation', files: { [MANIFEST]: deploymentWith('  replicas: 2', '   replicas: 2') } },
  {
    name: 'a duplicate key',
    files: {
      [MANIFEST]: deploymentWith('          image: nginx:1.27', '          image: nginx:1.27\n          image: evil:1'),
    },
    line: 16,
    col: 11,
    mentions: ['unique'],
  },
  {
    name: 'a YAML alias bomb used by the workload',
    files: {
      [MANIFEST]: `x-bomb:\n${aliasBomb('  ')}${deploymentWith('          env:', '          args: *i\n          env:')}`,
    },
    mentions: ['alias'],
  },
  {
    name: '10,000 levels of nested lists',
    files: { [MANIFEST]: deploymentWith('          env:', `          args: ${deepFlowList(10_000)}\n          env:`) },
    line: 19,
    mentions: ['nest'],
  },
  {
    name: '100,000 levels of nested JSON arrays',
    files: { 'in/app.json': `{"apiVersion":"v1","kind":"List","items":${deepFlowList(100_000)}}` },
    file: 'in/app.json',
    line: 1,
    mentions: ['nest'],
  },
  {
    name: 'bytes that are not UTF-8 in the image',
    files: {
      [MANIFEST]: Buffer.concat([
        Buffer.from(DEPLOYMENT.slice(0, DEPLOYMENT.indexOf('nginx:1.27') + 'nginx'.length)),
        INVALID_UTF8,
        Buffer.from(DEPLOYMENT.slice(DEPLOYMENT.indexOf('nginx:1.27') + 'nginx'.length)),
      ]),
    },
    line: 15,
    col: 23,
    mentions: ['UTF-8'],
  },
  // Values Kubernetes itself would reject.
  { name: 'negative replicas', files: { [MANIFEST]: deploymentWith('replicas: 2', 'replicas: -5') }, line: 6, col: 13 },
  {
    name: 'a container port out of range',
    files: { [MANIFEST]: deploymentWith('containerPort: 8080', 'containerPort: 99999') },
    line: 17,
  },
  {
    name: "an env variable name with '='",
    files: { [MANIFEST]: deploymentWith('- name: MODE', '- name: "MODE=fast"') },
    line: 20,
  },
  {
    name: 'an env variable name with a space',
    files: { [MANIFEST]: deploymentWith('- name: MODE', '- name: "RUN MODE"') },
    line: 20,
  },
  {
    name: 'a workload name with a path in it',
    files: { [MANIFEST]: deploymentWith('  name: web', '  name: ../../outside/web') },
    line: 4,
  },
  {
    name: 'a workload name that is an absolute path',
    files: { [MANIFEST]: deploymentWith('  name: web', '  name: /etc/passwd') },
    line: 4,
  },
  {
    name: 'a workload name with a NUL byte',
    files: { [MANIFEST]: deploymentWith('  name: web', '  name: "we\\0b"') },
    line: 4,
  },
  {
    name: 'a ConfigMap key that is a path out of the project',
    files: {
      [MANIFEST]: `${deploymentWith(
        '          env:',
        '          volumeMounts: [{ name: conf, mountPath: /etc/app }]\n          env:',
      )}      volumes: [{ name: conf, configMap: { name: app } }]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: app }\ndata:\n  ../../../../outside/pwned: x\n`,
    },
    line: 29,
  },
  // Not workloads.
  {
    name: 'only unknown kinds and CRDs',
    files: {
      [MANIFEST]:
        'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: { name: foos.example.com }\nspec: {}\n---\napiVersion: example.com/v1\nkind: Foo\nmetadata: { name: f }\nspec: { x: 1 }\n',
    },
    file: null,
    mentions: ['no workload'],
  },
  {
    name: 'documents without apiVersion and kind',
    files: { [MANIFEST]: 'metadata: { name: x }\n---\n- a list\n---\n42\n' },
    file: null,
    mentions: ['no workload'],
  },
  { name: 'an empty file', files: { [MANIFEST]: '' }, file: '', mentions: ['no workload'] },
  // Paths.
  { name: 'a path that does not exist', files: {}, paths: ['in/nothere.yaml'], file: 'in/nothere.yaml' },
];

describe.each(REFUSED)('gen import k8s with $name', (testCase) => {
  it('exits 1 with the file, position and a fix, and writes nothing', async () => {
    const box = sandbox().write(testCase.files);
    const before = box.snapshot();
    const run = await importInto(box, testCase.paths);
    expectCleanFailure(run, {
      file: testCase.file === null ? undefined : (testCase.file ?? Object.keys(testCase.files)[0] ?? MANIFEST),
      ...(testCase.line === undefined ? {} : { line: testCase.line }),
      ...(testCase.col === undefined ? {} : { col: testCase.col }),
      ...(testCase.mentions === undefined ? {} : { mentions: testCase.mentions }),
    });
    expectNoChanges(box, before);
  });
});

/** A successful import writes only under out/, and its spec passes gen validate. */
async function expectImported(box: Sandbox, paths = ['in'], extra: string[] = []): Promise<string> {
  const before = box.snapshot();
  const run = await importInto(box, paths, extra);
  if (run.code !== 0) throw new Error(`import failed (exit ${run.code}):\n${run.stderr}`);
  expectNoChanges(box, before, ['out']);
  const validate = await genInProcess(['validate', '--root', 'out'], box.root);
  if (validate.code !== 0) throw new Error(`the imported spec is not valid:\n${validate.stderr}`);
  return run.stderr;
}

describe('gen import k8s: unknown kinds and CRDs next to workloads', () => {
  const files = {
    [MANIFEST]: `${DEPLOYMENT}${SERVICE}---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: { name: foos.example.com }\nspec: {}\n---\napiVersion: example.com/v1\nkind: Foo\nmetadata: { name: f }\nspec: { x: 1 }\n`,
  };

  it('imports the workload and reports each object it cannot represent at file:line', async () => {
    const report = await expectImported(sandbox().write(files));
    expect(report).toMatch(/in\/app\.yaml:34:1 +warning .*CustomResourceDefinition/);
    expect(report).toMatch(/in\/app\.yaml:39:1 +warning .*Foo/);
  });

  it('refuses them under --strict, writing nothing', async () => {
    const box = sandbox().write(files);
    const before = box.snapshot();
    const run = await importInto(box, ['in'], ['--strict']);
    expectCleanFailure(run, { file: MANIFEST, line: 34, mentions: ['--strict'] });
    expectNoChanges(box, before);
  });
});

describe('gen import k8s: symbolic links', () => {
  it('does not follow a link that leaves the input folder, and says so', async () => {
    const box = sandbox()
      .write({ [MANIFEST]: DEPLOYMENT, 'outside/evil.yaml': DEPLOYMENT.replace('name: web', 'name: evil') })
      .symlink('../outside/evil.yaml', 'in/evil.yaml');
    const report = await expectImported(box);
    expect(report).toMatch(/in\/evil\.yaml +warning .*symbolic link/);
    expect(existsSync(box.path('out/services/evil'))).toBe(false);
  });
});

describe('gen import k8s: kustomize folders that fail to render', () => {
  const kubectl = (process.env.PATH ?? '').split(':').some((folder) => existsSync(join(folder, 'kubectl')));
  const CASES: Array<{ name: string; kustomization: string; mentions: Array<string | RegExp> }> = [
    { name: 'a missing resource', kustomization: 'resources:\n  - nothere.yaml\n', mentions: ['nothere.yaml'] },
    { name: 'a resource outside the repo', kustomization: 'resources:\n  - ../../../../etc\n', mentions: ['etc'] },
    { name: 'a broken kustomization.yaml', kustomization: 'resources: [\n', mentions: ['kustomization'] },
    {
      name: 'a remote resource (no network in CI)',
      kustomization: 'resources:\n  - https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v3.3.1\n',
      mentions: ['github.com'],
    },
  ];

  it.each(CASES)('exits 1 naming the folder and the cause for $name', async ({ kustomization, mentions }) => {
    const box = sandbox().write({ 'in/kustomization.yaml': kustomization, 'in/app.yaml': DEPLOYMENT });
    const before = box.snapshot();
    const run = await importInto(box);
    // Without kubectl the folder cannot be rendered at all: that must be the (clear) message instead.
    expectCleanFailure(run, { file: 'in', mentions: kubectl ? mentions : ['kubectl'] });
    expect(run.stderr).not.toMatch(/err=<\s*$/m);
    expectNoChanges(box, before);
  });
});

describe('gen import k8s: the output folder', () => {
  it('refuses to overwrite an existing service file, writing nothing', async () => {
    const box = sandbox().write({
      [MANIFEST]: DEPLOYMENT,
      'out/services/web/service.yaml': 'name: web\nimage: mine:1\n',
    });
    const before = box.snapshot();
    const run = await importInto(box);
    expectCleanFailure(run, { file: 'out/services/web/service.yaml' });
    expectNoChanges(box, before);
  });
});
