import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import yargs from 'yargs/yargs';
import * as importK8s from '../src/commands/import-k8s';
import { collectManifests, defaultDeps, importKubernetes, type ImportK8sDeps } from '../src/commands/import-k8s';
import { DiskProjectSource } from '../src/disk-source';
import { defaultStages, runPipeline } from '../src/pipeline';
import { captureIo, contextFor, makeProject, removeProject, snapshot, writeFiles } from './helpers';

const deployment = (name: string, container = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: ${name}
          image: registry.example/${name}:1.0.0
          ports: [{ containerPort: 8080, name: http }]
${container}`;

const service = (name: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: { app: ${name} }\n  ports: [{ name: http, port: 8080, targetPort: http }]\n`;

const noKubectl: ImportK8sDeps = {};
const options = { json: false, quiet: false, color: false };

async function runImport(
  root: string,
  args: Partial<importK8s.ImportK8sOptions> & { paths: string[] },
  deps: ImportK8sDeps = noKubectl,
  global: Partial<typeof options> = {},
) {
  const io = captureIo(root);
  const code = await importKubernetes(
    { strict: false, out: 'spec', ...args },
    contextFor(io, { ...options, ...global }),
    deps,
  );
  return { code, io, written: existsSync(join(root, 'spec')) ? snapshot(join(root, 'spec')) : {} };
}

describe('gen import k8s', () => {
  let root: string;
  beforeEach(() => {
    root = makeProject({});
  });
  afterEach(() => removeProject(root));

  test('writes twinform.yaml and services/<name>/service.yaml (+ assets), each with a $schema line', async () => {
    writeFiles(root, {
      'k8s/web.yaml': `${deployment('web', '          volumeMounts: [{ name: conf, mountPath: /etc/web/app.conf, subPath: app.conf }]\n      volumes: [{ name: conf, configMap: { name: web-conf } }]\n')}---\n${service('web')}`,
      'k8s/nested/conf.json': JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'web-conf' },
        data: { 'app.conf': 'port=8080\n' },
      }),
      'k8s/notes.txt': 'not a manifest',
    });
    const { code, io, written } = await runImport(root, { paths: ['k8s'], name: 'shop' });
    expect(code).toBe(0);
    expect(Object.keys(written).sort()).toEqual([
      'services/web/app.conf',
      'services/web/service.yaml',
      'twinform.yaml',
    ]);
    expect(written['twinform.yaml']).toMatch(
      /^# yaml-language-server: \$schema=\S*project\.schema\.json\nname: shop\n/,
    );
    expect(written['services/web/service.yaml']).toMatch(
      /^# yaml-language-server: \$schema=\S*service\.schema\.json\nname: web\n/,
    );
    expect(written['services/web/service.yaml']).toContain('file: app.conf');
    expect(written['services/web/app.conf']).toBe('port=8080\n');
    expect(io.stdout).toContain('imported 1 service');
  });

  test('the loss report is a table on stderr with file:line:col and the field, and part of --json', async () => {
    writeFiles(root, { 'app.yaml': deployment('web', '      nodeSelector: { disk: ssd }\n') });
    const text = await runImport(root, { paths: ['app.yaml'] });
    expect(text.code).toBe(0);
    expect(text.io.stderr).toMatch(/^LOCATION\s+SEVERITY\s+FIELD\s+WHAT$/m);
    expect(text.io.stderr).toMatch(
      /^app\.yaml:16:7\s+warning\s+\/spec\/template\/spec\/nodeSelector\s+Deployment web: .*scheduling/m,
    );
    removeProject(join(root, 'spec'));
    const json = await runImport(root, { paths: ['app.yaml'] }, noKubectl, { json: true });
    const output = JSON.parse(json.io.stdout) as importK8s.ImportK8sOutput;
    expect(output).toEqual(
      expect.objectContaining({
        written: true,
        out: 'spec',
        services: ['web'],
        losses: 1,
        files: ['twinform.yaml', 'services/web/service.yaml'],
      }),
    );
    expect(output.issues).toContainEqual(
      expect.objectContaining({
        code: 'loss',
        file: 'app.yaml',
        line: 16,
        col: 7,
        pointer: '/spec/template/spec/nodeSelector',
      }),
    );
  });

  test('--strict: any loss → exit 1 and nothing written', async () => {
    writeFiles(root, { 'app.yaml': deployment('web', '      hostNetwork: true\n') });
    const { code, io, written } = await runImport(root, { paths: ['app.yaml'], strict: true });
    expect(code).toBe(1);
    expect(written).toEqual({});
    expect(existsSync(join(root, 'spec'))).toBe(false);
    expect(io.stderr).toContain('nothing written (--strict, and 1 loss reported)');
  });

  test('--strict without losses writes', async () => {
    writeFiles(root, { 'app.yaml': `${deployment('web')}---\n${service('web')}` });
    const { code, written } = await runImport(root, { paths: ['app.yaml'], strict: true });
    expect(code).toBe(0);
    expect(Object.keys(written)).toContain('services/web/service.yaml');
  });

  test('broken YAML: exit 1 with file:line, nothing written', async () => {
    writeFiles(root, { 'app.yaml': `${deployment('web')}---\nkind: [oops\n` });
    const { code, io, written } = await runImport(root, { paths: ['app.yaml'] });
    expect(code).toBe(1);
    expect(written).toEqual({});
    expect(io.stderr).toMatch(/^app\.yaml:18:\d+\s+error\s+-\s+not valid YAML/m);
  });

  test('an existing service.yaml is never overwritten; an existing twinform.yaml is kept', async () => {
    writeFiles(root, {
      'app.yaml': deployment('web'),
      'spec/twinform.yaml': 'name: mine\n',
      'spec/services/web/service.yaml': 'name: web\nimage: mine\n',
    });
    const conflict = await runImport(root, { paths: ['app.yaml'] });
    expect(conflict.code).toBe(1);
    expect(conflict.written).toEqual({
      'twinform.yaml': 'name: mine\n',
      'services/web/service.yaml': 'name: web\nimage: mine\n',
    });
    expect(conflict.io.stderr).toContain('spec/services/web/service.yaml already exists');

    removeProject(join(root, 'spec', 'services'));
    const added = await runImport(root, { paths: ['app.yaml'] });
    expect(added.code).toBe(0);
    expect(added.written['twinform.yaml']).toBe('name: mine\n');
    expect(added.written['services/web/service.yaml']).toContain('image: registry.example/web:1.0.0');
  });

  test('a path that does not exist, and input without workloads, are errors', async () => {
    expect((await runImport(root, { paths: ['missing'] })).code).toBe(1);
    writeFiles(root, { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n' });
    const empty = await runImport(root, { paths: ['cm.yaml'] });
    expect(empty.code).toBe(1);
    expect(empty.io.stderr).toContain('no workload');
  });
});

describe('reading folders', () => {
  let root: string;
  beforeEach(() => {
    root = makeProject({});
  });
  afterEach(() => removeProject(root));

  test('folders are walked recursively for *.yaml, *.yml and *.json, in a stable order', () => {
    writeFiles(root, {
      'm/b.yml': 'x: 1\n',
      'm/a/z.json': '{}',
      'm/a/y.yaml': 'y: 1\n',
      'm/readme.md': '#',
      'm/.git/c.yaml': 'c: 1\n',
    });
    const { inputs, issues } = collectManifests(['m'], root, noKubectl);
    expect(issues).toEqual([]);
    expect(inputs.map((input) => input.path)).toEqual(['m/a/y.yaml', 'm/a/z.json', 'm/b.yml']);
  });

  test('the output folder is not read when it lies inside an input folder', async () => {
    writeFiles(root, { 'k8s/web.yaml': deployment('web') });
    const first = await runImport(root, { paths: ['k8s'], out: 'k8s/spec' });
    expect(first.code).toBe(0);
    const { inputs } = collectManifests(['k8s'], root, noKubectl, join(root, 'k8s', 'spec'));
    expect(inputs.map((input) => input.path)).toEqual(['k8s/web.yaml']);
  });

  test('a kustomize folder is rendered (kubectl kustomize), and positions point back at the files it came from', () => {
    writeFiles(root, {
      'overlay/kustomization.yaml': 'resources: [web.yaml]\n',
      'overlay/web.yaml': deployment('web'),
    });
    const rendered: string[] = [];
    const deps: ImportK8sDeps = {
      kustomize: (folder) => {
        rendered.push(relative(root, folder));
        return readFileSync(join(folder, 'web.yaml'), 'utf8').replace(
          'metadata:\n  name: web\n',
          'metadata:\n  name: web\n  namespace: shop\n',
        );
      },
    };
    const { inputs } = collectManifests(['overlay'], root, deps);
    expect(rendered).toEqual(['overlay']);
    expect(inputs).toEqual([
      expect.objectContaining({
        path: 'overlay/kustomization.yaml',
        renderedFrom: [expect.objectContaining({ path: 'overlay/web.yaml' })],
      }),
    ]);
  });

  test('without kubectl a kustomize folder is a clear error', () => {
    writeFiles(root, { 'overlay/kustomization.yaml': 'resources: []\n' });
    const { issues } = collectManifests(['overlay'], root, noKubectl);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('needs kubectl, which is not on PATH'),
        hint: expect.stringContaining('render it yourself'),
      }),
    ]);
    expect(defaultDeps({ PATH: join(root, 'no-such-bin') }).kustomize).toBeUndefined();
  });

  test('symbolic links are followed only inside the given path', () => {
    writeFiles(root, { 'outside/secret.yaml': deployment('outside'), 'in/real/web.yaml': deployment('web') });
    symlinkSync(join(root, 'outside'), join(root, 'in', 'escape'));
    symlinkSync(join(root, 'in', 'real', 'web.yaml'), join(root, 'in', 'alias.yaml'));
    const { inputs, issues } = collectManifests(['in'], root, noKubectl);
    expect(inputs.map((input) => input.path)).toEqual(['in/alias.yaml']);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('in/escape is a symbolic link that leaves in'),
      }),
    ]);
  });
});

describe('the yargs command module', () => {
  test('k8s <paths..> with --out, --strict and --name; the handler returns the exit code', async () => {
    const root = makeProject({ 'app.yaml': `${deployment('web')}---\n${service('web')}` });
    try {
      const seen: Array<Record<string, unknown>> = [];
      await yargs(['k8s', 'app.yaml', 'more.yaml', '--out', 'spec', '--strict', '--name', 'shop'])
        .command({ ...importK8s, handler: (args) => void seen.push(args) })
        .strict()
        .parseAsync();
      expect(importK8s.command).toBe('k8s <paths..>');
      expect(seen[0]).toEqual(
        expect.objectContaining({ paths: ['app.yaml', 'more.yaml'], out: 'spec', strict: true, name: 'shop' }),
      );
      const io = captureIo(root);
      expect(
        await importK8s.handler({ ...options, paths: ['app.yaml'], out: 'spec', strict: false }, contextFor(io)),
      ).toBe(0);
      expect(existsSync(join(root, 'spec', 'services', 'web', 'service.yaml'))).toBe(true);
    } finally {
      removeProject(root);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The shared corpus: real manifests, imported, regenerated, validated.

const SHARED = join(__dirname, '..', '..', '..', '..', 'shared');
const CORPUS = join(SHARED, 'corpus');
const VALIDATOR = join(SHARED, 'tools', 'validate', 'dist', 'validate.mjs');
const corpusTargets = existsSync(CORPUS)
  ? [
      ...readdirSync(join(CORPUS, 'paired'))
        .filter((app) => existsSync(join(CORPUS, 'paired', app, 'k8s')))
        .map((app) => `paired/${app}/k8s`),
      'k8s/gcp-microservices-demo/online-boutique',
    ]
  : [];
const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are read untyped on purpose
type Manifest = Record<string, any>;

/** The input objects read independently of the importer (kustomize folders through kubectl). */
function inputObjects(target: string): Array<{ object: Manifest; path: string }> {
  const found: Array<{ object: Manifest; path: string }> = [];
  const add = (text: string, path: string): void => {
    for (const document of parseAllDocuments(text, { version: '1.1' })) {
      // sock-shop's grafana job is YAML only go-yaml accepts; the importer's own tests cover it
      if (document.errors.length > 0) continue;
      const value = document.toJS() as Manifest | null;
      if (!value || typeof value !== 'object') continue;
      const items: Manifest[] = Array.isArray(value.items) ? value.items : [value];
      for (const object of items) if (object?.kind) found.push({ object, path });
    }
  };
  const walk = (folder: string): void => {
    if (existsSync(join(folder, 'kustomization.yaml'))) {
      add(spawnSync('kubectl', ['kustomize', folder], { encoding: 'utf8' }).stdout, folder);
      return;
    }
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(entry)) add(readFileSync(path, 'utf8'), path);
    }
  };
  walk(join(CORPUS, target));
  return found;
}

const WORKLOAD_TEMPLATE: Record<string, (object: Manifest) => Manifest | undefined> = {
  Deployment: (object) => object.spec?.template,
  ReplicaSet: (object) => object.spec?.template,
  ReplicationController: (object) => object.spec?.template,
  StatefulSet: (object) => object.spec?.template,
  DaemonSet: (object) => object.spec?.template,
  Job: (object) => object.spec?.template,
  CronJob: (object) => object.spec?.jobTemplate?.spec?.template,
  Pod: (object) => object,
};

(corpusTargets.length > 0 ? describe : describe.skip)('corpus: import → generate → validate', () => {
  test.each(corpusTargets)(
    '%s keeps every workload, image, port, env name and probe, and generates valid output',
    async (target) => {
      const root = mkdtempSync(join(tmpdir(), 'twinform-import-k8s-'));
      try {
        const io = captureIo(CORPUS);
        const deps = kubectl ? defaultDeps(process.env) : noKubectl;
        const code = await importKubernetes(
          { paths: [target], out: root, strict: false },
          contextFor(io, { json: true }),
          deps,
        );
        const output = JSON.parse(io.stdout) as importK8s.ImportK8sOutput;
        if (!kubectl && output.issues.some((issue) => issue.message.includes('needs kubectl'))) return;
        expect(output.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
        expect(code).toBe(0);
        const source = new DiskProjectSource(root);

        // Every workload of the input is a service with the same image, ports, env names and probes
        // (the first definition of an object given twice, as the importer reads it).
        const specs = new Map<string, Manifest>();
        for (const name of output.services) {
          specs.set(
            name,
            parseAllDocuments(readFileSync(join(root, 'services', name, 'service.yaml'), 'utf8'))[0]!.toJS(),
          );
        }
        const seen = new Set<string>();
        for (const { object } of inputObjects(target)) {
          const template = WORKLOAD_TEMPLATE[object.kind]?.(object);
          const key = `${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
          if (!template || seen.has(key)) continue;
          seen.add(key);
          const spec = specs.get(object.metadata.name);
          expect({ workload: object.metadata.name, imported: spec !== undefined }).toEqual({
            workload: object.metadata.name,
            imported: true,
          });
          const containers: Manifest[] = template.spec.containers;
          const main = containers.find((container) => container.name === object.metadata.name) ?? containers[0]!;
          expect(spec!.image).toBe(main.image);
          const portNumbers = (spec!.ports ?? []).map((port: Manifest) => port.port);
          for (const port of main.ports ?? []) expect(portNumbers).toContain(port.containerPort);
          const assets = readdirSync(join(root, 'services', spec!.name)).map((file) =>
            file.endsWith('.env') ? readFileSync(join(root, 'services', spec!.name, file), 'utf8') : '',
          );
          for (const env of main.env ?? []) {
            const kept = env.name in (spec!.env ?? {}) || assets.some((text) => text.includes(`${env.name}=`));
            const reported = output.issues.some(
              (issue) => issue.code === 'loss' && issue.message.includes(`env ${env.name} `),
            );
            expect({ env: env.name, keptOrReported: kept || reported }).toEqual({
              env: env.name,
              keptOrReported: true,
            });
          }
          for (const kind of ['liveness', 'readiness', 'startup']) {
            if (main[`${kind}Probe`]) expect(Object.keys(spec!.health ?? {})).toContain(kind);
          }
          for (const sidecar of containers.filter((container) => container !== main)) {
            expect(output.issues).toContainEqual(
              expect.objectContaining({ code: 'loss', message: expect.stringContaining(`image ${sidecar.image}`) }),
            );
          }
        }

        // The spec loads and generates outputs that pass the shared validator, at the Pod Security
        // level the spec declares (restricted unless a service opts out, which the import reports).
        const generated = runPipeline(source, defaultStages());
        expect(generated.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
        for (const file of generated.files) {
          mkdirSync(dirname(join(root, file.path)), { recursive: true });
          writeFileSync(join(root, file.path), file.content);
        }
        if (!existsSync(VALIDATOR)) return;
        const profiles = generated.project!.services.map((loaded) => loaded.spec.security?.profile ?? 'restricted');
        const pss = profiles.includes('privileged')
          ? []
          : ['--pss', profiles.includes('baseline') ? 'baseline' : 'restricted'];
        const validation = spawnSync(
          'node',
          [
            VALIDATOR,
            '--k8s',
            join(root, 'k8s', 'base'),
            '--compose',
            join(root, 'docker-compose.yml'),
            '--cross-refs',
            ...pss,
          ],
          { encoding: 'utf8' },
        );
        expect(`${validation.stdout}${validation.stderr}`).toMatch(/ 0 invalid/);
        expect(validation.status).toBe(0);
      } finally {
        removeProject(root);
      }
    },
  );
});
