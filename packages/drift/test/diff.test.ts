import { renderDocument, renderHeader, type RenderedFile } from '@twinform/spec';
import { applyPatch, type Operation } from 'fast-json-patch';
import { parse } from 'yaml';
import { describeChange, diffRenderedFiles, renderDriftReport, type DriftFile } from '../src';

const deployment = (containerPort: number, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'backend', labels: { 'app.kubernetes.io/name': 'backend' } },
  spec: {
    replicas: 2,
    template: {
      spec: {
        containers: [
          { name: 'wait', image: 'busybox:1.37.0' },
          {
            name: 'backend',
            image: 'ghcr.io/acme/backend:1.0.0',
            ports: [
              { name: 'metrics', containerPort: 9090 },
              { name: 'http', containerPort },
            ],
            ...extra,
          },
        ],
      },
    },
  },
});

const DEPLOYMENT_PATH = 'k8s/base/backend/deployment.yaml';
const render = (value: unknown, path = DEPLOYMENT_PATH): RenderedFile =>
  renderDocument({ path, value, sources: ['services/backend/service.yaml'] });

/** A committed file as if someone edited the body but left the header (and its hash) alone. */
function editByHand(file: RenderedFile, from: string, to: string): string {
  expect(file.content).toContain(from);
  return file.content.replace(from, to);
}

const fileOf = (files: DriftFile[], path: string): DriftFile => {
  const found = files.find((file) => file.path === path);
  if (!found) throw new Error(`no report entry for ${path}`);
  return found;
};

describe('diffRenderedFiles', () => {
  it('reports identical files as ok and the report as clean', () => {
    const file = render(deployment(3001));
    const report = diffRenderedFiles([file], new Map([[file.path, file.content]]), [file.path]);
    expect(report).toEqual({ clean: true, files: [{ path: DEPLOYMENT_PATH, status: 'ok' }] });
  });

  it('reports a file the spec produces but that is not on disk as missing', () => {
    const file = render(deployment(3001));
    const report = diffRenderedFiles([file], new Map(), []);
    expect(report).toEqual({ clean: false, files: [{ path: DEPLOYMENT_PATH, status: 'missing' }] });
  });

  it('reports intact generated output of an older spec as changed, with named paths and committed lines', () => {
    const committed = render(deployment(3001));
    const expected = render(deployment(3002));
    const report = diffRenderedFiles([expected], new Map([[committed.path, committed.content]]), []);

    const file = fileOf(report.files, DEPLOYMENT_PATH);
    expect(file.status).toBe('changed');
    expect(file.operations).toHaveLength(1);
    const [operation] = file.operations!;
    expect(operation).toMatchObject({
      op: 'replace',
      pointer: '/spec/template/spec/containers/1/ports/1/containerPort',
      path: 'spec.template.spec.containers[backend].ports[http].containerPort',
      committed: 3001,
      generated: 3002,
    });
    const committedLines = committed.content.split('\n');
    expect(committedLines[operation!.line! - 1]).toMatch(/^\s+containerPort: 3001$/);
  });

  it('reports a body that no longer matches its header hash as edited by hand', () => {
    const generated = render(deployment(3001));
    const committed = editByHand(generated, 'containerPort: 3001', 'containerPort: 3005');
    const report = diffRenderedFiles([generated], new Map([[DEPLOYMENT_PATH, committed]]), [DEPLOYMENT_PATH]);

    const file = fileOf(report.files, DEPLOYMENT_PATH);
    expect(file.status).toBe('edited-by-hand');
    expect(file.operations).toEqual([expect.objectContaining({ op: 'replace', committed: 3005, generated: 3001 })]);
    expect(committed.split('\n')[file.operations![0]!.line! - 1]).toContain('containerPort: 3005');
  });

  it('treats a generated path holding a file without the header as edited by hand and says why', () => {
    const generated = render(deployment(3001));
    const committed = generated.content.split('\n').slice(2).join('\n');
    const file = fileOf(
      diffRenderedFiles([generated], new Map([[DEPLOYMENT_PATH, committed]]), []).files,
      DEPLOYMENT_PATH,
    );
    expect(file.status).toBe('edited-by-hand');
    expect(file.note).toMatch(/no twinform header/);
    expect(file.operations).toEqual([]);
  });

  it('reports a header-only difference as changed with an explanation', () => {
    const expected = render(deployment(3001));
    const body = expected.content.split('\n').slice(2).join('\n');
    const committed = renderHeader(['twinform.yaml'], body) + body;
    const file = fileOf(
      diffRenderedFiles([expected], new Map([[DEPLOYMENT_PATH, committed]]), []).files,
      DEPLOYMENT_PATH,
    );
    expect(file).toMatchObject({ status: 'changed', operations: [], note: expect.stringMatching(/only the header/) });
  });

  it('names committed YAML that no longer parses instead of throwing', () => {
    const generated = render(deployment(3001));
    const committed = editByHand(generated, 'replicas: 2', 'replicas: [2');
    const file = fileOf(
      diffRenderedFiles([generated], new Map([[DEPLOYMENT_PATH, committed]]), []).files,
      DEPLOYMENT_PATH,
    );
    expect(file.status).toBe('edited-by-hand');
    expect(file.note).toMatch(/not valid YAML \(line \d+/);
    expect(file.operations).toBeUndefined();
  });

  it('lists managed generated files the spec no longer produces as stale, but never files without the header', () => {
    const kept = render(deployment(3001));
    const stale = render({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'old' } }, 'k8s/base/old/service.yaml');
    const usersOwn = 'apiVersion: v1\nkind: ConfigMap\n';
    const actual = new Map([
      [kept.path, kept.content],
      [stale.path, stale.content],
      ['k8s/extra/configmap.yaml', usersOwn],
    ]);
    const report = diffRenderedFiles([kept], actual, [kept.path, stale.path, 'k8s/extra/configmap.yaml']);
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      [DEPLOYMENT_PATH, 'ok'],
      ['k8s/base/old/service.yaml', 'stale'],
    ]);
    expect(report.clean).toBe(false);
  });

  it('produces operations that turn the committed document into the generated one (RFC 6902)', () => {
    const committed = render(deployment(3001, { args: ['--a', '--b', '--c'], workingDir: '/srv' }));
    const expected = render(deployment(3002, { args: ['--a'], env: [{ name: 'MODE', value: 'prod' }] }));
    const file = fileOf(
      diffRenderedFiles([expected], new Map([[DEPLOYMENT_PATH, committed.content]]), []).files,
      DEPLOYMENT_PATH,
    );
    const patch = file.operations!.map(
      (operation) => ({ op: operation.op, path: operation.pointer, value: operation.generated }) as Operation,
    );
    const committedValue = parse(committed.content);
    expect(applyPatch(committedValue, patch).newDocument).toEqual(parse(expected.content));
    expect(file.operations!.map((operation) => operation.path).sort()).toEqual([
      'spec.template.spec.containers[backend].args[1]',
      'spec.template.spec.containers[backend].args[2]',
      'spec.template.spec.containers[backend].env',
      'spec.template.spec.containers[backend].ports[http].containerPort',
      'spec.template.spec.containers[backend].workingDir',
    ]);
  });

  it('points an added key at the line of its closest committed parent', () => {
    const committed = render(deployment(3001));
    const expected = render(deployment(3001, { workingDir: '/srv' }));
    const file = fileOf(
      diffRenderedFiles([expected], new Map([[DEPLOYMENT_PATH, committed.content]]), []).files,
      DEPLOYMENT_PATH,
    );
    const [operation] = file.operations!;
    expect(operation).toMatchObject({
      op: 'add',
      path: 'spec.template.spec.containers[backend].workingDir',
      generated: '/srv',
    });
    expect(operation!.committed).toBeUndefined();
    expect(committed.content.split('\n')[operation!.line! - 1]).toMatch(/- name: backend$/);
  });
});

describe('renderDriftReport', () => {
  it('says everything is current when the report is clean', () => {
    const file = render(deployment(3001));
    const text = renderDriftReport(diffRenderedFiles([file], new Map([[file.path, file.content]]), []), {
      color: false,
    });
    expect(text).toBe('✓ 1 generated file up to date\n');
  });

  it('separates "spec changed" from "edited by hand", with line, path and committed → generated values', () => {
    const composePath = 'docker-compose.yml';
    const compose = (port: string) =>
      render({ name: 'govapp', services: { backend: { image: 'backend', ports: [port] } } }, composePath);
    const committedCompose = compose('3001:3001');
    const expectedCompose = compose('3002:3002');

    const generatedDeployment = render(deployment(3001));
    const editedDeployment = editByHand(generatedDeployment, 'containerPort: 3001', 'containerPort: 3005');
    const stale = render({ kind: 'Service' }, 'k8s/base/old/service.yaml');

    const report = diffRenderedFiles(
      [expectedCompose, generatedDeployment, render({ kind: 'Ingress' }, 'k8s/base/backend/ingress.yaml')],
      new Map([
        [composePath, committedCompose.content],
        [DEPLOYMENT_PATH, editedDeployment],
        [stale.path, stale.content],
      ]),
      [DEPLOYMENT_PATH, stale.path],
    );
    const text = renderDriftReport(report, { color: false });
    const composeLine = committedCompose.content.split('\n').findIndex((line) => line.includes('3001:3001')) + 1;
    const deploymentLine = editedDeployment.split('\n').findIndex((line) => line.includes('containerPort: 3005')) + 1;

    expect(text).toBe(
      [
        'values are shown as committed → generated',
        '',
        'docker-compose.yml: spec changed, output out of date (run `npx gen` to update it)',
        `  line ${composeLine}: ~ services.backend.ports[0]: "3001:3001" → "3002:3002"`,
        'k8s/base/backend/deployment.yaml: edited by hand (run `gen adopt` to keep the edit in the spec, or `gen --force` to discard it)',
        `  line ${deploymentLine}: ~ spec.template.spec.containers[backend].ports[http].containerPort: 3005 → 3001`,
        'k8s/base/backend/ingress.yaml: missing (run `npx gen` to create it)',
        'k8s/base/old/service.yaml: stale: the spec no longer produces this generated file (run `npx gen` to delete it)',
        '',
        '✗ 4 files differ from the spec: 1 out of date, 1 edited by hand, 1 missing, 1 stale',
        '',
      ].join('\n'),
    );
  });

  it('quotes keys that are not identifiers, uses indexes for unnamed or duplicate names, and limits long lists', () => {
    const value = (version: string, hosts: string[]) => ({
      metadata: { labels: { 'app.kubernetes.io/version': version } },
      spec: {
        rules: hosts.map((host) => ({ host })),
        ports: [
          { name: 'x', port: 1 },
          { name: 'x', port: hosts.length },
        ],
      },
    });
    const committed = render(value('1.0', ['a', 'b']));
    const expected = render(value('1.1', ['c', 'd']));
    const report = diffRenderedFiles([expected], new Map([[DEPLOYMENT_PATH, committed.content]]), []);
    const paths = fileOf(report.files, DEPLOYMENT_PATH)
      .operations!.map((operation) => operation.path)
      .sort();
    expect(paths).toEqual(['metadata.labels["app.kubernetes.io/version"]', 'spec.rules[0].host', 'spec.rules[1].host']);

    const text = renderDriftReport(report, { color: false, maxOperationsPerFile: 1 });
    expect(text).toContain('metadata.labels["app.kubernetes.io/version"]: "1.0" → "1.1"');
    expect(text).toContain('… and 2 more changes (the JSON report lists all)');
  });

  it('colors only when asked', () => {
    const committed = render(deployment(3001));
    const report = diffRenderedFiles([render(deployment(3002))], new Map([[DEPLOYMENT_PATH, committed.content]]), []);
    expect(renderDriftReport(report, { color: true })).toContain('\u001b[');
    expect(renderDriftReport(report, { color: false })).not.toContain('\u001b[');
  });
});

describe('describeChange', () => {
  it('shows short values whole, strings quoted so "3001" and 3001 differ', () => {
    expect(describeChange(3001, '3001')).toEqual(['', '3001', '"3001"']);
    expect(describeChange(undefined, { a: 1 })).toEqual(['', '(absent)', '{"a":1}']);
  });

  it('shows a multi-line text at its first differing line', () => {
    const config = (port: number) =>
      `server {\n  listen 8080;\n  location /api { proxy_pass http://backend:${port}; }\n}\n`;
    expect(describeChange(config(3001), config(3002))).toEqual([
      'text line 3: ',
      '"  location /api { proxy_pass http://backend:3001; }"',
      '"  location /api { proxy_pass http://backend:3002; }"',
    ]);
  });

  it('shows a long line around its first difference', () => {
    const script = (port: number) =>
      `if command -v wget; then wget -q -O /dev/null ${'x'.repeat(80)}:${port}/readyz; else exit 1; fi`;
    const [within, before, after] = describeChange(script(3001), script(3002));
    expect(within).toBe('');
    expect(before).toMatch(/^….*:3001\/readyz; else exit 1; fi"$/);
    expect(after).toMatch(/^….*:3002\/readyz; else exit 1; fi"$/);
    expect(before.length).toBeLessThanOrEqual(104);
  });
});
