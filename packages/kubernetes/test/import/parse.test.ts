import { fromKubernetes } from '../../src/import';
import { indentQuotedContinuations, parseManifests, positionOf } from '../../src/import/parse';

const deployment = (name: string, extra = ''): string => `apiVersion: apps/v1
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
          image: ${name}:1.0${extra}
`;

describe('reading manifests the way kubectl does', () => {
  test('multi-document YAML, empty and comment-only documents', () => {
    const content = `# leading comment\n---\n${deployment('a')}---\n# only a comment\n---\n---\n${deployment('b')}`;
    const { objects, issues } = parseManifests([{ path: 'all.yaml', content }]);
    expect(issues).toEqual([]);
    expect(objects.map((object) => object.name)).toEqual(['a', 'b']);
  });

  test('JSON manifests and kind: List items, with positions inside the list', () => {
    const list = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: 'web' },
            spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
          },
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } },
        ],
      },
      null,
      2,
    );
    const { objects } = parseManifests([{ path: 'list.json', content: list }]);
    expect(objects.map((object) => `${object.kind}/${object.name}@${object.base}`)).toEqual([
      'Service/web@/items/0',
      'ConfigMap/settings@/items/1',
    ]);
    const position = positionOf(objects[1]!, '/data/a');
    expect(position).toEqual({ file: 'list.json', line: 29, col: 9 });
  });

  test('YAML 1.1 scalars as go-yaml reads them: yes/no are booleans, 0644 is octal, timestamps and 1:20 stay strings', () => {
    const content = `apiVersion: v1
kind: ConfigMap
metadata: { name: scalars }
data:
  flag: yes
  mode: 0644
  date: 2024-01-31
  time: 1:20
`;
    const { objects } = parseManifests([{ path: 'c.yaml', content }]);
    expect(objects[0]!.value.data).toEqual({ flag: true, mode: 420, date: '2024-01-31', time: '1:20' });
  });

  test("a quoted value continued at its key's indentation (sock-shop's grafana job) is read as go-yaml reads it, with a note", () => {
    const content = `apiVersion: batch/v1
kind: Job
metadata:
  name: import
spec:
  template:
    metadata:
      annotations:
        pod.beta.kubernetes.io/init-containers: '[
          {
            "name": "wait"
          }
        ]'
    spec:
      restartPolicy: Never
      containers:
        - name: import
          image: tools:1
`;
    const { objects, issues } = parseManifests([{ path: 'job.yaml', content }]);
    expect(objects).toHaveLength(1);
    const template = (objects[0]!.value.spec as { template: { metadata: { annotations: Record<string, string> } } })
      .template;
    expect(template.metadata.annotations['pod.beta.kubernetes.io/init-containers']).toBe('[ { "name": "wait" } ]');
    expect(issues).toEqual([expect.objectContaining({ severity: 'info', code: 'syntax', file: 'job.yaml', line: 9 })]);
    expect(positionOf(objects[0]!, '/spec/template/spec/containers/0/image')).toEqual({
      file: 'job.yaml',
      line: 18,
      col: 11,
    });
  });

  test('re-indenting continuation lines leaves well-formed input alone', () => {
    const text = 'a: \'one\n  two\'\nb: "x\\" y"\n';
    expect(indentQuotedContinuations(text)).toEqual({ text, starts: [] });
  });

  test('broken YAML is a syntax error with file, line and column; the other documents still count', () => {
    const content = `${deployment('a')}---\nkind: Service\nmetadata: [unclosed\n`;
    const { objects, issues } = parseManifests([{ path: 'broken.yaml', content }]);
    expect(objects.map((object) => object.name)).toEqual(['a']);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'syntax', file: 'broken.yaml', line: expect.any(Number) }),
    ]);
    expect(issues[0]!.line).toBeGreaterThanOrEqual(17);
  });

  test('an unquoted {{ placeholder }} is reported as a template to render first', () => {
    const content = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: config\ndata:\n  config: {{config_data}}\n';
    const { objects, issues } = parseManifests([{ path: 'template.yaml', content }]);
    expect(objects).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'syntax',
        file: 'template.yaml',
        line: 6,
        col: 11,
        message: expect.stringContaining('{{config_data}}'),
        hint: expect.stringContaining('render it first'),
      }),
    ]);
  });

  test('Helm-style templates that are not YAML get the template hint', () => {
    const content = '{{- if .Values.enabled }}\napiVersion: v1\nkind: Service\n{{- end }}\n';
    const { issues } = parseManifests([{ path: 'chart.yaml', content }]);
    expect(issues[0]).toEqual(
      expect.objectContaining({ severity: 'error', code: 'syntax', hint: expect.stringContaining('helm template') }),
    );
  });

  test('alias bombs are refused with a syntax error instead of exhausting memory', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const content = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: bomb }\n${levels.join('\n')}\n`;
    const { objects, issues } = parseManifests([{ path: 'bomb.yaml', content }]);
    expect(objects).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', code: 'syntax', file: 'bomb.yaml' })]);
  });

  test('documents without apiVersion/kind are skipped with a warning', () => {
    const { objects, issues } = parseManifests([{ path: 'values.yaml', content: 'replicas: 3\n' }]);
    expect(objects).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', file: 'values.yaml', line: 1 })]);
  });

  test('a whole import from an empty input gives an empty project, not an exception', () => {
    const result = fromKubernetes([{ path: 'empty.yaml', content: '# nothing here\n' }]);
    expect(result.services).toEqual([]);
    expect(result.project).toEqual({ name: 'app' });
  });
});

describe('rendered streams (kubectl kustomize)', () => {
  test('positions of a rendered object point at the file it was rendered from', () => {
    const source = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';
    const rendered =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: prod\nspec:\n  replicas: 2\n';
    const { objects } = parseManifests([
      {
        path: 'overlay/kustomization.yaml',
        content: rendered,
        renderedFrom: [{ path: 'base/web.yaml', content: source }],
      },
    ]);
    expect(positionOf(objects[0]!, '/spec/replicas')).toEqual({ file: 'base/web.yaml', line: 6, col: 3 });
    // a field kustomize added is placed at its nearest ancestor in the source file
    expect(positionOf(objects[0]!, '/metadata/namespace')).toEqual({ file: 'base/web.yaml', line: 3, col: 1 });
  });
});
