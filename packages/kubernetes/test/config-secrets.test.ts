import type { ServiceSpec } from '@twinform/spec';
import { toKubernetes } from '../src';
import { documentAt, paths, project } from './helpers';

const at = (result: ReturnType<typeof toKubernetes>, service: string, file: string) =>
  documentAt(result.documents, `k8s/base/${service}/${file}`);
const pod = (result: ReturnType<typeof toKubernetes>, service = 'web') =>
  at(result, service, 'deployment.yaml').spec.template;

const web: ServiceSpec = {
  name: 'web',
  image: 'nginx:1.27',
  configs: [
    { name: 'nginx', file: 'conf/nginx.conf', mountPath: '/etc/nginx/nginx.conf', mode: '0440' },
    { name: 'motd', content: 'hello\n', mountPath: '/etc/motd' },
  ],
  envFiles: ['web.env'],
};
const assets = { 'services/web/conf/nginx.conf': 'events {}\n', 'services/web/web.env': 'A=1\nB=two\n' };

describe('config files', () => {
  it('creates a ConfigMap per config, keyed by the file name', () => {
    const result = toKubernetes(project([web], {}, assets));
    expect(at(result, 'web', 'configmap-nginx.yaml')).toMatchObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-nginx' },
      data: { 'nginx.conf': 'events {}\n' },
    });
    expect(at(result, 'web', 'configmap-motd.yaml').data).toEqual({ motd: 'hello\n' });
  });

  it('mounts each config file at its path with subPath and the octal mode', () => {
    const result = toKubernetes(project([web], {}, assets));
    const spec = pod(result).spec;
    expect(spec.volumes).toEqual([
      { name: 'config-nginx', configMap: { name: 'web-nginx', defaultMode: 0o440 } },
      { name: 'config-motd', configMap: { name: 'web-motd' } },
    ]);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'config-nginx', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf', readOnly: true },
      { name: 'config-motd', mountPath: '/etc/motd', subPath: 'motd', readOnly: true },
    ]);
  });

  it('reports a config file that was not loaded and an invalid mode', () => {
    const result = toKubernetes(
      project([
        {
          ...web,
          envFiles: [],
          configs: [
            { name: 'a', file: 'missing.conf', mountPath: '/a' },
            { name: 'b', content: 'x', mountPath: '/b', mode: 'rw' },
          ],
        },
      ]),
    );
    expect(result.issues.map((issue) => [issue.severity, issue.code, issue.pointer])).toEqual([
      ['error', 'unresolved-reference', '/configs/0/file'],
      ['error', 'invalid-value', '/configs/1/mode'],
    ]);
  });
});

describe('env files', () => {
  it('creates one ConfigMap per env file, consumed with envFrom', () => {
    const result = toKubernetes(project([web], {}, assets));
    expect(at(result, 'web', 'configmap-web.yaml')).toMatchObject({
      metadata: { name: 'web-web' },
      data: { A: '1', B: 'two' },
    });
    expect(pod(result).spec.containers[0].envFrom).toEqual([{ configMapRef: { name: 'web-web' } }]);
  });
});

describe('config hash', () => {
  const hashOf = (files: Record<string, string>) =>
    pod(toKubernetes(project([web], {}, files))).metadata.annotations['twinform.dev/config-hash'];

  it('annotates the pod template with a 16-hex content hash', () => {
    expect(hashOf(assets)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when a config file or an env file changes, so pods roll', () => {
    const original = hashOf(assets);
    expect(hashOf({ ...assets, 'services/web/conf/nginx.conf': 'events { worker_connections 512; }\n' })).not.toBe(
      original,
    );
    expect(hashOf({ ...assets, 'services/web/web.env': 'A=2\nB=two\n' })).not.toBe(original);
    expect(hashOf({ ...assets })).toBe(original);
  });

  it('covers what an env file means, not how it is written', () => {
    const original = hashOf(assets);
    const rewritten = '# web settings\n\nexport B="two"\nA=1\n\n# end\n';
    expect(hashOf({ ...assets, 'services/web/web.env': rewritten })).toBe(original);
    expect(hashOf({ ...assets, 'services/web/web.env': 'A=1\nB=two\nC=\n' })).not.toBe(original);
    expect(hashOf({ ...assets, 'services/web/web.env': 'A=1\nB=tw\no\n' })).not.toBe(original);
  });

  it('is absent without configs and env files, and merges with spec annotations', () => {
    const result = toKubernetes(
      project([{ name: 'api', image: 'api:1', annotations: { 'prometheus.io/scrape': 'true' } }]),
    );
    expect(pod(result, 'api').metadata.annotations).toEqual({ 'prometheus.io/scrape': 'true' });
  });
});

describe('secrets', () => {
  const api: ServiceSpec = {
    name: 'api',
    image: 'api:1',
    env: { DB_PASSWORD: { secret: 'db', key: 'password' } },
    secrets: [{ name: 'tls-cert', key: 'tls.crt', mountPath: '/etc/tls/tls.crt' }, { name: 'api-token' }],
  };

  it('mounts secret files at their path, default /run/secrets/<name>', () => {
    const spec = pod(toKubernetes(project([api])), 'api').spec;
    expect(spec.volumes).toEqual([
      { name: 'secret-tls-cert', secret: { secretName: 'tls-cert', items: [{ key: 'tls.crt', path: 'tls.crt' }] } },
      {
        name: 'secret-api-token',
        secret: { secretName: 'api-token', items: [{ key: 'api-token', path: 'api-token' }] },
      },
    ]);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'secret-tls-cert', mountPath: '/etc/tls/tls.crt', subPath: 'tls.crt', readOnly: true },
      { name: 'secret-api-token', mountPath: '/run/secrets/api-token', subPath: 'api-token', readOnly: true },
    ]);
  });

  it('generates no Secret objects and no ExternalSecret without a secret store', () => {
    const kinds = toKubernetes(project([api])).documents.map((document) => (document.value as { kind?: string }).kind);
    expect(kinds).not.toContain('Secret');
    expect(kinds).not.toContain('ExternalSecret');
  });

  it('generates one ExternalSecret per secret when the project names a store', () => {
    const result = toKubernetes(
      project([api, { name: 'worker', image: 'w:1', env: { DB_USER: { secret: 'db', key: 'user' } } }], {
        namespace: 'shop',
        secretStore: { name: 'vault', kind: 'SecretStore', refreshInterval: '15m' },
      }),
    );
    expect(paths(result.documents).filter((path) => path.includes('externalsecret'))).toEqual([
      'k8s/base/api/externalsecret-api-token.yaml',
      'k8s/base/api/externalsecret-db.yaml',
      'k8s/base/api/externalsecret-tls-cert.yaml',
    ]);
    expect(at(result, 'api', 'externalsecret-db.yaml')).toEqual({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: {
        name: 'db',
        namespace: 'shop',
        labels: { 'app.kubernetes.io/managed-by': 'twinform', 'app.kubernetes.io/part-of': 'shop' },
      },
      spec: {
        refreshInterval: '15m',
        secretStoreRef: { kind: 'SecretStore', name: 'vault' },
        target: { name: 'db', creationPolicy: 'Owner' },
        data: [
          { secretKey: 'password', remoteRef: { key: 'db', property: 'password' } },
          { secretKey: 'user', remoteRef: { key: 'db', property: 'user' } },
        ],
      },
    });
    expect(result.documents.find((document) => document.path.endsWith('externalsecret-db.yaml'))!.sources).toEqual([
      'services/api/service.yaml',
      'services/worker/service.yaml',
      'twinform.yaml',
    ]);
  });
});
