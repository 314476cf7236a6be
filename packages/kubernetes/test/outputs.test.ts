import { renderDocument, type LoadedProject } from '@twinform/spec';
import { toKubernetes } from '../src';
import { kitchenSink, govApp } from './fixtures';
import { expectOverlayRendersEnvironment, hasKubectl, hasValidator, kustomize, validate, writeTree } from './helpers';

const fixtures: Array<[string, () => LoadedProject, string[], string | undefined]> = [
  ['govapp', govApp, ['dev', 'prod'], 'govapp-prod'],
  ['kitchen sink', () => kitchenSink(false), ['dev', 'prod'], 'sink-prod'],
  ['kitchen sink with a secret store', () => kitchenSink(true), ['dev', 'prod'], 'sink-prod'],
];

const rendered = (loaded: LoadedProject): string =>
  toKubernetes(loaded)
    .documents.map((document) => {
      const file = renderDocument(document);
      return `${file.path}\n${file.content}`;
    })
    .join('\n');

describe.each(fixtures)('%s', (_name, make, environments, prodNamespace) => {
  const result = toKubernetes(make());
  // ExternalSecret is a CRD the validator has no schema for; everything else must have one.
  const schemaFlags = _name.includes('secret store') ? ['--ignore-missing-schemas'] : [];

  it('reports no errors', () => {
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  (hasValidator ? it : it.skip)('base passes the validator (restricted, cross-refs)', () => {
    const root = writeTree(result.documents);
    const { status, output } = validate([
      '--k8s',
      `${root}/k8s/base`,
      '--pss',
      'restricted',
      '--cross-refs',
      ...schemaFlags,
    ]);
    expect(output).toMatch(/ 0 invalid/);
    expect(status).toBe(0);
  });

  (hasValidator && hasKubectl ? it.each(environments) : it.skip.each(environments))(
    'overlay %s passes the validator (restricted, cross-refs)',
    (env) => {
      const root = writeTree(result.documents);
      const { status, output } = validate([
        '--kustomize',
        `${root}/k8s/overlays/${env}`,
        '--pss',
        'restricted',
        '--cross-refs',
        ...schemaFlags,
      ]);
      expect(output).toMatch(/ 0 invalid/);
      expect(status).toBe(0);
    },
  );

  (hasKubectl ? it.each(environments) : it.skip.each(environments))(
    'kubectl kustomize renders overlay %s as the environment',
    (env) => {
      expectOverlayRendersEnvironment(make(), env, env === 'prod' ? prodNamespace : undefined);
    },
  );

  it('is byte-deterministic, also when services arrive in another order', () => {
    const loaded = make();
    const shuffled: LoadedProject = { ...loaded, services: [...loaded.services].reverse() };
    expect(rendered(shuffled)).toBe(rendered(make()));
  });

  it('writes only project-relative paths under the kubernetes folder', () => {
    for (const document of result.documents)
      expect(document.path).toMatch(/^k8s\/(base|overlays\/[a-z0-9-]+)\/[^/]+(\/[^/]+)?$/);
  });
});

(hasKubectl ? it : it.skip)('a rendered overlay has the environment namespace on every object', () => {
  const root = writeTree(toKubernetes(govApp()).documents);
  const output = kustomize(`${root}/k8s/overlays/prod`);
  const namespaces = [...output.matchAll(/^ {2}namespace: (.*)$/gm)].map((match) => match[1]);
  expect(namespaces.length).toBeGreaterThan(10);
  expect(new Set(namespaces)).toEqual(new Set(['govapp-prod']));
});
