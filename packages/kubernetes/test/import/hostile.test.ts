/**
 * Manifests nobody vetted: the importer answers every input with a result or a clear error, never
 * an exception, a garbled message or a spec that `gen validate` would refuse.
 */
import fc from 'fast-check';
import { toCompose } from '@twinform/compose';
import { createMemorySource, loadProject, makeIssue, type Issue, type LoadedProject } from '@twinform/spec';
import { fromKubernetes } from '../../src/import';
import { MAX_MANIFEST_CHARS, MAX_MANIFEST_DEPTH } from '../../src/import/screen';
import { loadedProjects } from './arbitraries';
import { GARBLED_MESSAGE, mutateYaml, mutations } from '../../../spec/test/support/yaml-mutations';
import { baseFiles, importedProjectFiles } from './roundtrip';

const errors = (issues: readonly Issue[]): Issue[] => issues.filter((issue) => issue.severity === 'error');

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: MODE
              value: prod
`;

const importOne = (content: string, path = 'app.yaml'): ReturnType<typeof fromKubernetes> =>
  fromKubernetes([{ path, content }]);

/** The import wrote nothing it should not have, and what it would write loads without errors. */
function expectValidOrRefused(result: ReturnType<typeof fromKubernetes>): void {
  for (const issue of result.issues) {
    expect(issue.message.trim()).not.toBe('');
    expect(`${issue.message} ${issue.hint ?? ''}`).not.toMatch(GARBLED_MESSAGE);
    if (issue.line !== undefined) expect(issue.line).toBeGreaterThanOrEqual(1);
    if (issue.col !== undefined) expect(issue.col).toBeGreaterThanOrEqual(1);
  }
  if (errors(result.issues).length > 0 || result.services.length === 0) return;
  const loaded = loadProject(createMemorySource(importedProjectFiles(result)));
  expect(loaded.errors).toEqual([]);
}

describe('values the API server rejects are errors at their position', () => {
  it.each([
    ['negative replicas', DEPLOYMENT.replace('replicas: 2', 'replicas: -5'), 6, 13, /replicas -5/],
    ['a fractional replica count', DEPLOYMENT.replace('replicas: 2', 'replicas: 1.5'), 6, 13, /replicas 1\.5/],
    ['a port out of range', DEPLOYMENT.replace('containerPort: 8080', 'containerPort: 99999'), 17, 30, /99999/],
    ["an env name with '='", DEPLOYMENT.replace('- name: MODE', '- name: "MODE=fast"'), 20, 21, /MODE=fast/],
    ['an env name with a space', DEPLOYMENT.replace('- name: MODE', '- name: "RUN MODE"'), 20, 21, /RUN MODE/],
    ['a name with a path', DEPLOYMENT.replace('  name: web', '  name: ../../outside/web'), 4, 9, /not a valid/],
    ['a name that is an absolute path', DEPLOYMENT.replace('  name: web', '  name: /etc/passwd'), 4, 9, /not a valid/],
    ['a name with a NUL', DEPLOYMENT.replace('  name: web', '  name: "we\\0b"'), 4, 9, /not a valid/],
  ])('%s', (_name, content, line, col, message) => {
    const result = importOne(content);
    const [error] = errors(result.issues);
    expect(error).toEqual(
      expect.objectContaining({ file: 'app.yaml', line, col, message: expect.stringMatching(message) }),
    );
  });

  it('a ConfigMap key that is a path, at the line of the key', () => {
    const content = `${DEPLOYMENT}---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: app }\ndata:\n  ../../outside/pwned: x\n`;
    const [error] = errors(importOne(content).issues);
    expect(error).toEqual(
      expect.objectContaining({ line: 27, col: 3, message: expect.stringMatching(/not a valid ConfigMap key/) }),
    );
  });
});

describe('input that attacks the parser', () => {
  it('refuses a file over the size limit without parsing it', () => {
    const content = `${DEPLOYMENT}# ${'x'.repeat(MAX_MANIFEST_CHARS)}\n`;
    const [error] = errors(importOne(content).issues);
    expect(error?.message).toMatch(/too large/);
    expect(error?.file).toBe('app.yaml');
  });

  it.each([
    ['flow lists', `${DEPLOYMENT}          args: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 22],
    ['compact block lists', `${DEPLOYMENT}          args:\n            ${'- '.repeat(5_000)}x\n`, 23],
    ['JSON arrays', `{"apiVersion":"v1","kind":"List","items":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 1],
  ])('refuses %s nested deeper than the limit, at their line', (_name, content, line) => {
    const [error] = errors(importOne(content).issues);
    expect(error?.message).toMatch(new RegExp(`nests more than ${MAX_MANIFEST_DEPTH} levels`));
    expect(error?.line).toBe(line);
  });

  it('refuses bytes that are not UTF-8 at their position', () => {
    const content = DEPLOYMENT.replace('nginx:1.27', 'nginx\uFFFD:1.27');
    const [error] = errors(importOne(content).issues);
    expect(error).toEqual(expect.objectContaining({ line: 15, col: 23, message: expect.stringMatching(/UTF-8/) }));
  });
});

describe('names that mean something to JavaScript', () => {
  it('a manifest of kind toString is an unknown kind, not a workload', () => {
    const result = importOne(DEPLOYMENT.replace('kind: Deployment', 'kind: toString'));
    expect(result.services).toEqual([]);
    expect(result.issues.some((issue) => /kind toString .* is not supported/.test(issue.message))).toBe(true);
  });

  it.each(['__proto__', 'constructor', 'toString'])('a label, annotation and env entry named %s stay data', (key) => {
    const content = DEPLOYMENT.replace(
      'labels: { app: web }\n    spec:',
      `labels: { app: web, ${key}: x }\n      annotations: { ${key}: y }\n    spec:`,
    ).replace('- name: MODE', `- name: ${key}\n              value: z\n            - name: MODE`);
    const result = importOne(content);
    expectValidOrRefused(result);
    const spec = result.services[0]!.spec;
    expect(typeof spec.image).toBe('string');
    for (const value of [...Object.values(spec.labels ?? {}), ...Object.values(spec.annotations ?? {})]) {
      expect(typeof value).toBe('string');
    }
  });

  it('values written as mappings or lists are described, never "[object Object]"', () => {
    const content = `${DEPLOYMENT.replace('          env:', '          resources: { limits: { gpu: { count: 1 } } }\n          env:')}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: { name: Deployment }, name: [web] }
  maxReplicas: 3
`;
    const result = importOne(content);
    expectValidOrRefused(result);
    expect(result.issues.map((issue) => issue.message).join('\n')).toMatch(/\{"count":1\}/);
  });
});

describe('the imported spec always passes gen validate', () => {
  it('leaves out what the spec loader refuses, with a loss line at the input position', () => {
    const content = DEPLOYMENT.replace(
      '          image: nginx:1.27',
      '          image: nginx:1.27\n          resources: { requests: { memory: 1Gi }, limits: { memory: 256Mi } }',
    );
    const result = importOne(content);
    expectValidOrRefused(result);
    const loss = result.issues.find((issue) => issue.code === 'loss' && /resources/.test(issue.message));
    expect(loss).toEqual(expect.objectContaining({ severity: 'warning', file: 'app.yaml' }));
    expect(loss?.line).toBeGreaterThan(0);
  });

  it('a memory amount no generator can write (1.8e215) is left out with a loss line', () => {
    const content = DEPLOYMENT.replace(
      '          image: nginx:1.27',
      '          image: nginx:1.27\n          resources: { requests: { memory: 1.7956056945942776e+215, cpu: 100m } }',
    );
    const result = fromKubernetes([{ path: 'app.yaml', content }], {
      generators: [(loaded) => toCompose(loaded).issues],
    });
    expectValidOrRefused(result);
    expect(result.services[0]!.spec.resources).toEqual({ requests: { cpu: '100m' } });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'loss', line: 16, message: expect.stringMatching(/memory \(1\.79560569/) }),
    );
  });

  it("a field a generator refuses is left out at the generator's pointer", () => {
    const refuseLabels = (loaded: LoadedProject): Issue[] =>
      loaded.services.flatMap((service) =>
        service.spec.labels?.team === undefined
          ? []
          : [
              makeIssue('error', 'invalid-value', 'teams are not allowed here', {
                file: service.file,
                pointer: '/labels/team',
              }),
            ],
      );
    const content = DEPLOYMENT.replace(
      'labels: { app: web }\n    spec:',
      'labels: { app: web, team: shop }\n    spec:',
    );
    const result = fromKubernetes([{ path: 'app.yaml', content }], { generators: [refuseLabels] });
    expect(errors(result.issues)).toEqual([]);
    expect(result.services[0]!.spec.labels).toEqual({ app: 'web' });
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'loss',
        severity: 'warning',
        file: 'app.yaml',
        line: 11,
        message: 'service web: labels.team is not imported: teams are not allowed here',
      }),
    );
  });

  it('property: mutated generated manifests import to a valid spec or a clear error', () => {
    fc.assert(
      fc.property(loadedProjects, mutations, fc.nat(), (project, changes, pick) => {
        const files = Object.entries(baseFiles(project));
        const [path] = files[pick % files.length]!;
        const inputs = files.map(([name, text]) => ({
          path: `k8s/base/${name}`,
          content: name === path ? mutateYaml(text, changes) : text,
        }));
        expectValidOrRefused(fromKubernetes(inputs));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  });
});
