import type { ServiceSpec } from '@twinform/spec';
import { toKubernetes } from '../src';
import { documentAt, expectOverlayRendersEnvironment, hasKubectl, paths, project } from './helpers';

const ENVIRONMENTS = { namespace: 'shop', environments: { dev: { local: true }, prod: {} } };

describe('external services', () => {
  const db: ServiceSpec = {
    name: 'db',
    workload: 'stateful',
    image: 'postgres:16.4-alpine',
    ports: [{ name: 'pg', port: 5432 }],
    volumes: [{ name: 'data', mountPath: '/data', size: '5Gi' }],
    environments: { prod: { external: { host: 'db.example.com' } } },
  };
  const api: ServiceSpec = { name: 'api', image: 'api:1', dependsOn: ['db'], env: { DB: '${db.pg}' } };
  const loaded = project([db, api], ENVIRONMENTS);

  it('keep their container in the base', () => {
    const files = paths(toKubernetes(loaded).documents).filter((path) => path.startsWith('k8s/base/db/'));
    expect(files).toEqual([
      'k8s/base/db/networkpolicy.yaml',
      'k8s/base/db/service-headless.yaml',
      'k8s/base/db/service.yaml',
      'k8s/base/db/statefulset.yaml',
    ]);
  });

  it('become an ExternalName Service in the environment; the overlay drops everything else', () => {
    const result = toKubernetes(loaded);
    const kustomization = documentAt(result.documents, 'k8s/overlays/prod/kustomization.yaml');
    expect(kustomization.patches).toEqual([
      { path: 'db-headless-service.delete.yaml', target: { kind: 'Service', name: 'db-headless' } },
      { path: 'db-networkpolicy.delete.yaml', target: { kind: 'NetworkPolicy', name: 'db' } },
      { path: 'db-service.patch.yaml', target: { kind: 'Service', name: 'db' } },
      { path: 'db-statefulset.delete.yaml', target: { kind: 'StatefulSet', name: 'db' } },
    ]);
    expect(documentAt(result.documents, 'k8s/overlays/prod/db-service.patch.yaml')).toEqual([
      { op: 'remove', path: '/spec/ports/0/targetPort' },
      { op: 'remove', path: '/spec/selector' },
      { op: 'replace', path: '/spec/type', value: 'ExternalName' },
      { op: 'add', path: '/spec/externalName', value: 'db.example.com' },
    ]);
    expect(documentAt(result.documents, 'k8s/overlays/prod/db-statefulset.delete.yaml')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'shop' },
      $patch: 'delete',
    });
  });

  it('external in the base: only the ExternalName Service, env references still resolve', () => {
    const result = toKubernetes(project([{ ...db, environments: {}, external: { host: 'db.example.com' } }, api]));
    expect(paths(result.documents).filter((path) => path.startsWith('k8s/base/db/'))).toEqual([
      'k8s/base/db/service.yaml',
    ]);
    expect(documentAt(result.documents, 'k8s/base/db/service.yaml').spec).toEqual({
      type: 'ExternalName',
      externalName: 'db.example.com',
      ports: [{ name: 'pg', port: 5432 }],
    });
    const env = documentAt(result.documents, 'k8s/base/api/deployment.yaml').spec.template.spec.containers[0].env;
    expect(env).toEqual([{ name: 'DB', value: 'db:5432' }]);
  });

  (hasKubectl ? it : it.skip)('prod overlay renders exactly the prod objects', () => {
    expectOverlayRendersEnvironment(loaded, 'prod', undefined);
  });
});

describe('patches.kubernetes', () => {
  const api = (
    patches: NonNullable<ServiceSpec['patches']>['kubernetes'],
    extra: Partial<ServiceSpec> = {},
  ): ServiceSpec => ({
    name: 'api',
    image: 'api:1',
    configs: [{ name: 'app', content: 'x', mountPath: '/etc/app.conf' }],
    patches: { kubernetes: patches },
    ...extra,
  });

  it('applies RFC 6902 operations to the target object, last', () => {
    const result = toKubernetes(
      project([
        api([
          {
            kind: 'Deployment',
            ops: [{ op: 'add', path: '/spec/template/spec/priorityClassName', value: 'high' as never }],
          },
          {
            kind: 'ConfigMap',
            name: 'api-app',
            ops: [{ op: 'add', path: '/metadata/annotations', value: { note: 'patched' } }],
          },
        ]),
      ]),
    );
    expect(result.issues).toEqual([]);
    const deployment = documentAt(result.documents, 'k8s/base/api/deployment.yaml');
    expect(deployment.spec.template.spec.priorityClassName).toBe('high');
    const configMap = documentAt(result.documents, 'k8s/base/api/configmap-app.yaml');
    expect(configMap.metadata.annotations).toEqual({ note: 'patched' });
    expect(Object.keys(configMap.metadata)).toEqual(['name', 'labels', 'annotations']);
  });

  it('reports a failing operation with the spec file and pointer, leaving the object unpatched', () => {
    const result = toKubernetes(
      project([
        api([
          {
            kind: 'Deployment',
            ops: [
              { op: 'add', path: '/spec/paused', value: true as never },
              { op: 'replace', path: '/spec/nope/deeper', value: 1 as never },
            ],
          },
        ]),
      ]),
    );
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'invalid-value',
        file: 'services/api/service.yaml',
        pointer: '/patches/kubernetes/0/ops/1',
        message: expect.stringContaining('op 1 (replace /spec/nope/deeper)'),
      }),
    ]);
    expect(documentAt(result.documents, 'k8s/base/api/deployment.yaml').spec.paused).toBeUndefined();
  });

  // The spec loader refuses these patches already; the generator must hold even for specs it did not check.
  it.each([
    [
      'adds the whole object',
      [{ op: 'add', path: '', value: 'high' }],
      '/patches/kubernetes/0/ops/0',
      'replaces the whole object',
    ],
    [
      'removes the whole object',
      [{ op: 'remove', path: '' }],
      '/patches/kubernetes/0/ops/0',
      'removes the whole object',
    ],
    [
      'renames the object',
      [{ op: 'replace', path: '/metadata/name', value: 'other' }],
      '/patches/kubernetes/0',
      'changes metadata.name',
    ],
    ['drops its name', [{ op: 'remove', path: '/metadata/name' }], '/patches/kubernetes/0', 'removes metadata.name'],
    [
      'changes the kind',
      [{ op: 'replace', path: '/kind', value: 'StatefulSet' }],
      '/patches/kubernetes/0',
      'changes the kind',
    ],
    [
      'drops the apiVersion',
      [{ op: 'move', from: '/apiVersion', path: '/x' }],
      '/patches/kubernetes/0',
      'removes the apiVersion',
    ],
  ])('refuses a patch that %s, leaving the object unpatched', (_name, ops, pointer, problem) => {
    const result = toKubernetes(project([api([{ kind: 'Deployment', ops: ops as never }])]));
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'services/api/service.yaml',
        pointer,
        message: expect.stringContaining(problem),
      }),
    ]);
    const deployment = documentAt(result.documents, 'k8s/base/api/deployment.yaml');
    expect(deployment).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' } });
  });

  it('reports a target that is not generated, naming the ones that are', () => {
    const result = toKubernetes(project([api([{ kind: 'StatefulSet', ops: [] }])]));
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unresolved-reference',
        pointer: '/patches/kubernetes/0',
        hint: expect.stringContaining('Deployment api'),
      }),
    ]);
  });

  it('points into the environment and the inline service when the patch comes from there', () => {
    const loaded = project(
      [
        api([], {
          environments: {
            prod: { patches: { kubernetes: [{ kind: 'Deployment', ops: [{ op: 'remove', path: '/spec/nope' }] }] } },
          },
        }),
      ],
      ENVIRONMENTS,
    );
    loaded.services[0]!.file = 'twinform.yaml';
    loaded.services[0]!.pointer = '/services/0';
    const [issue] = toKubernetes(loaded).issues;
    expect(issue).toMatchObject({
      file: 'twinform.yaml',
      pointer: '/services/0/environments/prod/patches/kubernetes/0/ops/0',
    });
    expect(issue!.message).toMatch(/\(environment prod\)$/);
  });

  it('skips patches of an external service whose target does not exist in that environment', () => {
    const result = toKubernetes(
      project(
        [
          {
            name: 'db',
            image: 'postgres:16',
            ports: [{ name: 'pg', port: 5432 }],
            patches: {
              kubernetes: [{ kind: 'Deployment', ops: [{ op: 'add', path: '/spec/paused', value: false as never }] }],
            },
            environments: { prod: { external: { host: 'db.example.com' } } },
          },
        ],
        ENVIRONMENTS,
      ),
    );
    expect(result.issues).toEqual([]);
  });
});
