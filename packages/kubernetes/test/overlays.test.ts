import type { ServiceSpec } from '@twinform/spec';
import { toKubernetes } from '../src';
import { documentAt, expectOverlayRendersEnvironment, hasKubectl, paths, project } from './helpers';

const overlay = (result: ReturnType<typeof toKubernetes>, env: string, file = 'kustomization.yaml') =>
  documentAt(result.documents, `k8s/overlays/${env}/${file}`);

const overlayFiles = (result: ReturnType<typeof toKubernetes>, env: string) =>
  paths(result.documents)
    .filter((path) => path.startsWith(`k8s/overlays/${env}/`))
    .map((path) => path.slice(`k8s/overlays/${env}/`.length));

const ENVIRONMENTS = { environments: { dev: { local: true }, prod: {} } };

const itKubectl = hasKubectl ? it : it.skip;

describe('base kustomization', () => {
  it('lists every base file, sorted', () => {
    const result = toKubernetes(
      project([
        { name: 'web', image: 'web:1', ports: [{ name: 'http', port: 80 }] },
        { name: 'api', image: 'api:1', ports: [{ name: 'http', port: 80 }] },
      ]),
    );
    expect(documentAt(result.documents, 'k8s/base/kustomization.yaml')).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: [
        'api/deployment.yaml',
        'api/networkpolicy.yaml',
        'api/service.yaml',
        'web/deployment.yaml',
        'web/networkpolicy.yaml',
        'web/service.yaml',
      ],
    });
  });

  it('honours output.kubernetes and creates an overlay for every environment (default dev)', () => {
    const result = toKubernetes(project([{ name: 'api', image: 'api:1' }], { output: { kubernetes: 'deploy/k8s' } }));
    expect(paths(result.documents)).toContain('deploy/k8s/base/kustomization.yaml');
    expect(documentAt(result.documents, 'deploy/k8s/overlays/dev/kustomization.yaml')).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['../../base'],
    });
  });
});

describe('overlays', () => {
  it('uses images: for an image-only change (digest, so no label changes either)', () => {
    const loaded = project(
      [
        {
          name: 'api',
          image: 'ghcr.io/acme/api@sha256:aaa',
          environments: { prod: { image: 'ghcr.io/acme/api@sha256:bbb' } },
        },
      ],
      ENVIRONMENTS,
    );
    const result = toKubernetes(loaded);
    expect(overlay(result, 'prod')).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['../../base'],
      images: [{ name: 'ghcr.io/acme/api', digest: 'sha256:bbb' }],
    });
    expect(overlayFiles(result, 'prod')).toEqual(['kustomization.yaml']);
  });

  it('uses images: for a tag change and one label-selector patch for the version label', () => {
    const loaded = project(
      [{ name: 'api', image: 'localhost:5000/api:1.0', environments: { prod: { image: 'localhost:5000/api:1.1' } } }],
      ENVIRONMENTS,
    );
    const result = toKubernetes(loaded);
    expect(overlay(result, 'prod').images).toEqual([{ name: 'localhost:5000/api', newTag: '1.1' }]);
    expect(overlay(result, 'prod').patches).toEqual([
      { path: 'api-deployment.patch.yaml', target: { kind: 'Deployment', name: 'api' } },
      {
        path: 'api-labels.patch.yaml',
        target: { labelSelector: 'app.kubernetes.io/name=api,app.kubernetes.io/part-of=shop' },
      },
    ]);
    // One patch relabels every object of the service; the pod template label stays with the workload.
    expect(overlay(result, 'prod', 'api-labels.patch.yaml')).toEqual([
      { op: 'add', path: '/metadata/labels/app.kubernetes.io~1version', value: '1.1' },
    ]);
    expect(overlay(result, 'prod', 'api-deployment.patch.yaml')).toEqual([
      { op: 'replace', path: '/spec/template/metadata/labels/app.kubernetes.io~1version', value: '1.1' },
    ]);
    expect(overlayFiles(result, 'prod')).toEqual([
      'api-deployment.patch.yaml',
      'api-labels.patch.yaml',
      'kustomization.yaml',
    ]);
  });

  it('falls back to a patch when another service shares the image name but keeps its tag', () => {
    const loaded = project(
      [
        { name: 'api', image: 'acme/app@sha256:aaa', environments: { prod: { image: 'acme/app@sha256:bbb' } } },
        { name: 'worker', image: 'acme/app@sha256:aaa' },
      ],
      ENVIRONMENTS,
    );
    const result = toKubernetes(loaded);
    expect(overlay(result, 'prod').images).toBeUndefined();
    expect(overlay(result, 'prod', 'api-deployment.patch.yaml')).toEqual([
      { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'acme/app@sha256:bbb' },
    ]);
  });

  it('uses replicas: for a replicas-only change', () => {
    const loaded = project([{ name: 'api', image: 'api:1', replicas: 1, environments: { prod: { replicas: 4 } } }], {
      ...ENVIRONMENTS,
      kubernetes: { networkPolicies: false },
    });
    const result = toKubernetes(loaded);
    expect(overlay(result, 'prod').replicas).toEqual([{ name: 'api', count: 4 }]);
    expect(overlay(result, 'prod').patches).toBeUndefined();
  });

  it('writes a JSON 6902 patch per changed object, referenced by kind and name', () => {
    const loaded = project(
      [
        {
          name: 'web',
          image: 'web:1',
          env: { LOG: 'debug' },
          ports: [{ name: 'http', port: 80, expose: 'ingress', ingress: [{ host: 'dev.example.com' }] }],
          resources: { limits: { memory: '256Mi' } },
          environments: {
            prod: {
              env: { LOG: 'warn' },
              ports: [{ name: 'http', ingress: [{ host: 'www.example.com' }] }],
              resources: { limits: { memory: '1Gi' } },
            },
          },
        },
      ],
      ENVIRONMENTS,
    );
    const result = toKubernetes(loaded);
    expect(overlay(result, 'prod').patches).toEqual([
      { path: 'web-deployment.patch.yaml', target: { kind: 'Deployment', name: 'web' } },
      { path: 'web-ingress.patch.yaml', target: { kind: 'Ingress', name: 'web' } },
    ]);
    expect(overlay(result, 'prod', 'web-deployment.patch.yaml')).toEqual([
      { op: 'replace', path: '/spec/template/spec/containers/0/resources/limits/memory', value: '1Gi' },
      { op: 'replace', path: '/spec/template/spec/containers/0/env/0/value', value: 'warn' },
    ]);
    expect(overlay(result, 'prod', 'web-ingress.patch.yaml')).toEqual([
      { op: 'replace', path: '/spec/rules/0/host', value: 'www.example.com' },
    ]);
    expect(overlayFiles(result, 'dev')).toEqual(['kustomization.yaml']);
  });

  it('adds objects only the environment has as resources and deletes the ones it lacks', () => {
    const loaded = project(
      [
        {
          name: 'api',
          image: 'api:1',
          ports: [{ name: 'http', port: 80, expose: 'ingress', ingress: [{ path: '/api' }] }],
          environments: { prod: { ports: [{ name: 'http', expose: 'internal' }], replicas: 3 } },
        },
      ],
      { ...ENVIRONMENTS, namespace: 'shop', kubernetes: { networkPolicies: false } },
    );
    const result = toKubernetes(loaded);
    expect(overlay(result, 'prod')).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['../../base', 'api-poddisruptionbudget.yaml'],
      patches: [{ path: 'api-ingress.delete.yaml', target: { kind: 'Ingress', name: 'api' } }],
      replicas: [{ name: 'api', count: 3 }],
    });
    expect(overlay(result, 'prod', 'api-ingress.delete.yaml')).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'api', namespace: 'shop' },
      $patch: 'delete',
    });
    expect(overlay(result, 'prod', 'api-poddisruptionbudget.yaml').kind).toBe('PodDisruptionBudget');
  });

  it("sets the environment's namespace on its overlay", () => {
    const result = toKubernetes(
      project([{ name: 'api', image: 'api:1' }], {
        namespace: 'shop',
        environments: { dev: { local: true }, prod: { namespace: 'shop-prod' } },
      }),
    );
    expect(overlay(result, 'prod').namespace).toBe('shop-prod');
    expect(overlay(result, 'dev').namespace).toBeUndefined();
    expect(documentAt(result.documents, 'k8s/base/api/deployment.yaml').metadata.namespace).toBe('shop');
  });

  it('patches the ConfigMap and the pod template hash when an environment changes a config', () => {
    const loaded = project(
      [
        {
          name: 'web',
          image: 'web@sha256:aaa',
          configs: [{ name: 'app', content: 'debug=true\n', mountPath: '/etc/app.conf' }],
          environments: { prod: { configs: [{ name: 'app', mountPath: '/etc/app.conf', content: 'debug=false\n' }] } },
        },
      ],
      { ...ENVIRONMENTS, kubernetes: { networkPolicies: false } },
    );
    const result = toKubernetes(loaded);
    expect(overlay(result, 'prod').patches).toEqual([
      { path: 'web-app-configmap.patch.yaml', target: { kind: 'ConfigMap', name: 'web-app' } },
      { path: 'web-deployment.patch.yaml', target: { kind: 'Deployment', name: 'web' } },
    ]);
    expect(overlay(result, 'prod', 'web-app-configmap.patch.yaml')).toEqual([
      { op: 'replace', path: '/data/app.conf', value: 'debug=false\n' },
    ]);
    const [hashOp] = overlay(result, 'prod', 'web-deployment.patch.yaml');
    expect(hashOp).toEqual({
      op: 'replace',
      path: '/spec/template/metadata/annotations/twinform.dev~1config-hash',
      value: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    if (hasKubectl) expectOverlayRendersEnvironment(loaded, 'prod');
  });

  it('reports two services whose names combine into the same object, keeping the first', () => {
    const result = toKubernetes(
      project([
        { name: 'a', image: 'a:1', configs: [{ name: 'b-c', content: 'x', mountPath: '/x' }] },
        { name: 'a-b', image: 'a:1', configs: [{ name: 'c', content: 'y', mountPath: '/y' }] },
      ]),
    );
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'duplicate',
        file: 'services/a-b/service.yaml',
        message: expect.stringContaining('ConfigMap/a-b-c'),
      }),
    ]);
    expect(paths(result.documents)).not.toContain('k8s/base/a-b/configmap-c.yaml');
  });

  describe('render with kubectl kustomize exactly as the environment', () => {
    const services: ServiceSpec[] = [
      {
        name: 'web',
        image: 'ghcr.io/acme/web:1.2.0',
        ports: [{ name: 'http', port: 3000, expose: 'ingress', ingress: [{ host: 'dev.example.com', path: '/' }] }],
        env: { API_URL: 'http://${api.http}' },
        dependsOn: ['api'],
        environments: {
          prod: {
            image: 'ghcr.io/acme/web:1.3.0',
            replicas: 3,
            ports: [{ name: 'http', ingress: [{ host: 'www.example.com', tlsSecret: 'www-tls' }] }],
          },
        },
      },
      {
        name: 'api',
        image: 'localhost:5000/api:2.0.0',
        replicas: 2,
        ports: [{ name: 'http', port: 3001 }],
        environments: { prod: { replicas: 4, env: { LOG: 'warn' }, resources: { requests: { cpu: '500m' } } } },
      },
      {
        name: 'worker',
        image: 'localhost:5000/api:2.0.0',
        command: ['worker'],
        environments: { prod: { image: 'localhost:5000/api:2.1.0' } },
      },
    ];
    const loaded = project(services, {
      namespace: 'shop',
      environments: { dev: { local: true }, prod: { namespace: 'shop-prod' } },
    });

    itKubectl('dev', () => expectOverlayRendersEnvironment(loaded, 'dev'));
    itKubectl('prod', () => expectOverlayRendersEnvironment(loaded, 'prod', 'shop-prod'));
  });
});
