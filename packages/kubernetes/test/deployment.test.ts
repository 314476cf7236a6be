import type { ServiceSpec } from '@twinform/spec';
import { toKubernetes } from '../src';
import { documentAt, paths, project, type Manifest } from './helpers';

const base = (service: string, file: string): string => `k8s/base/${service}/${file}`;

function deploymentOf(spec: ServiceSpec, others: ServiceSpec[] = [], overrides = {}) {
  const result = toKubernetes(project([spec, ...others], overrides));
  return { result, deployment: documentAt(result.documents, base(spec.name, 'deployment.yaml')) };
}

const container = (deployment: Manifest) => deployment.spec.template.spec.containers[0];

describe('Deployment', () => {
  it('maps image, command, args, workingDir and replicas', () => {
    const { deployment } = deploymentOf({
      name: 'api',
      image: 'ghcr.io/acme/api:2.0.0',
      command: ['node'],
      args: ['server.js', '--port', '3001'],
      workingDir: '/app',
      replicas: 3,
    });
    expect(deployment.apiVersion).toBe('apps/v1');
    expect(deployment.kind).toBe('Deployment');
    expect(deployment.spec.replicas).toBe(3);
    expect(container(deployment)).toMatchObject({
      name: 'api',
      image: 'ghcr.io/acme/api:2.0.0',
      command: ['node'],
      args: ['server.js', '--port', '3001'],
      workingDir: '/app',
    });
  });

  it('leaves replicas out when the spec does not set them', () => {
    expect('replicas' in deploymentOf({ name: 'api', image: 'api:1' }).deployment.spec).toBe(false);
  });

  it('names container ports and writes UDP explicitly', () => {
    const { deployment } = deploymentOf({
      name: 'dns',
      image: 'dns:1',
      ports: [
        { name: 'http', port: 8080 },
        { name: 'dns', port: 53, protocol: 'UDP' },
      ],
    });
    expect(container(deployment).ports).toEqual([
      { name: 'http', containerPort: 8080 },
      { name: 'dns', containerPort: 53, protocol: 'UDP' },
    ]);
  });

  it('renders env literals, service references, secret and config references, sorted by name', () => {
    const { deployment, result } = deploymentOf(
      {
        name: 'web',
        image: 'web:1',
        envFiles: ['app.env'],
        env: {
          URL: 'http://${api.http}/v1',
          API_HOST: '${api.http.host}',
          API_PORT: '${api.http.port}',
          DEBUG: true,
          WORKERS: 4,
          PRICE: 'costs $$5 or $(NOT_A_VAR)',
          TOKEN: { secret: 'api-token' },
          PASSWORD: { secret: 'db', key: 'password' },
          MODE: { config: 'app', key: 'MODE' },
        },
      },
      [{ name: 'api', image: 'api:1', ports: [{ name: 'http', port: 3001 }] }],
    );
    void result;
    expect(container(deployment).env).toEqual([
      { name: 'API_HOST', value: 'api' },
      { name: 'API_PORT', value: '3001' },
      { name: 'DEBUG', value: 'true' },
      { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'web-app', key: 'MODE' } } },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      // Kubernetes would expand $(NOT_A_VAR); $$ keeps it literal.
      { name: 'PRICE', value: 'costs $5 or $$(NOT_A_VAR)' },
      { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'api-token', key: 'api-token' } } },
      { name: 'URL', value: 'http://api:3001/v1' },
      { name: 'WORKERS', value: '4' },
    ]);
  });

  it('reports an env reference to an unknown service or port', () => {
    const { result } = deploymentOf({ name: 'web', image: 'web:1', env: { URL: 'http://${nope.http}' } });
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'unresolved-reference',
        file: 'services/web/service.yaml',
        pointer: '/env/URL',
      }),
    );
  });

  it('maps probes by port name with timing; gRPC by number; successThreshold only on readiness', () => {
    const { deployment } = deploymentOf({
      name: 'api',
      image: 'api:1',
      ports: [
        { name: 'http', port: 3001 },
        { name: 'grpc', port: 9090 },
      ],
      health: {
        liveness: {
          http: { path: '/livez', port: 'http', scheme: 'HTTPS' },
          periodSeconds: 10,
          timeoutSeconds: 2,
          failureThreshold: 3,
          successThreshold: 1,
        },
        readiness: { tcp: { port: 3001 }, initialDelaySeconds: 5, successThreshold: 2 },
        startup: { grpc: { port: 'grpc', service: 'api.v1' }, failureThreshold: 30 },
      },
    });
    expect(container(deployment).livenessProbe).toEqual({
      httpGet: { path: '/livez', port: 'http', scheme: 'HTTPS' },
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 3,
    });
    expect(container(deployment).readinessProbe).toEqual({
      tcpSocket: { port: 'http' },
      initialDelaySeconds: 5,
      successThreshold: 2,
    });
    expect(container(deployment).startupProbe).toEqual({
      grpc: { port: 9090, service: 'api.v1' },
      failureThreshold: 30,
    });
  });

  it('maps an exec probe and defaults the http path to /', () => {
    const { deployment } = deploymentOf({
      name: 'api',
      image: 'api:1',
      ports: [{ name: 'http', port: 80 }],
      health: { liveness: { exec: { command: ['pg_isready', '-q'] } }, readiness: { http: { port: 'http' } } },
    });
    expect(container(deployment).livenessProbe).toEqual({ exec: { command: ['pg_isready', '-q'] } });
    expect(container(deployment).readinessProbe).toEqual({ httpGet: { path: '/', port: 'http' } });
  });

  it('maps resources, CPU numbers as milli-units', () => {
    const { deployment } = deploymentOf({
      name: 'api',
      image: 'api:1',
      resources: { requests: { cpu: 0.5, memory: '128Mi' }, limits: { cpu: 2, memory: '1Gi' } },
    });
    expect(container(deployment).resources).toEqual({
      requests: { cpu: '500m', memory: '128Mi' },
      limits: { cpu: '2', memory: '1Gi' },
    });
  });

  it('pulls the compose image name for a build-only service, with a warning', () => {
    const { deployment, result } = deploymentOf({ name: 'api', build: { context: '.' } });
    expect(container(deployment).image).toBe('shop-api');
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'loss', pointer: '/build' }),
    );
  });

  it('orders the keys of the object and its metadata', () => {
    const { deployment } = deploymentOf({ name: 'api', image: 'api:1' }, [], { namespace: 'shop' });
    expect(Object.keys(deployment)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(Object.keys(deployment.metadata)).toEqual(['name', 'namespace', 'labels']);
  });
});

describe('labels and namespace', () => {
  it('labels every object and the pod template; selects on name and part-of only', () => {
    const result = toKubernetes(
      project(
        [
          {
            name: 'api',
            image: 'ghcr.io/acme/api:2.0.0',
            labels: { team: 'payments' },
            ports: [{ name: 'http', port: 80 }],
          },
        ],
        { namespace: 'shop' },
      ),
    );
    const labels = {
      'app.kubernetes.io/component': 'service',
      'app.kubernetes.io/managed-by': 'twinform',
      'app.kubernetes.io/name': 'api',
      'app.kubernetes.io/part-of': 'shop',
      'app.kubernetes.io/version': '2.0.0',
      team: 'payments',
    };
    const deployment = documentAt(result.documents, base('api', 'deployment.yaml'));
    expect(deployment.metadata.labels).toEqual(labels);
    expect(deployment.spec.template.metadata.labels).toEqual(labels);
    expect(deployment.spec.selector).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'api', 'app.kubernetes.io/part-of': 'shop' },
    });
    for (const document of result.documents.filter((d) => d.path.startsWith('k8s/base/api/'))) {
      const value = document.value as Manifest;
      expect(value.metadata.labels).toEqual(labels);
      expect(value.metadata.namespace).toBe('shop');
    }
  });

  it('omits the version label when the tag is not a valid label value, and the namespace when none is set', () => {
    const result = toKubernetes(project([{ name: 'api', image: 'api@sha256:0123456789abcdef' }]));
    const deployment = documentAt(result.documents, base('api', 'deployment.yaml'));
    expect(deployment.metadata.labels['app.kubernetes.io/version']).toBeUndefined();
    expect(deployment.metadata.namespace).toBeUndefined();
  });
});

describe('security', () => {
  const securityOf = (spec: Partial<ServiceSpec>) => {
    const { deployment } = deploymentOf({ name: 'web', image: 'web:1', dependsOn: ['api'], ...spec } as ServiceSpec, [
      { name: 'api', image: 'api:1', ports: [{ name: 'http', port: 3001 }] },
    ]);
    const pod = deployment.spec.template.spec;
    return {
      pod: pod.securityContext,
      app: pod.containers[0].securityContext,
      init: pod.initContainers[0].securityContext,
      automount: pod.automountServiceAccountToken,
    };
  };

  it('restricted (default): non-root, RuntimeDefault, no escalation, drop ALL, no token', () => {
    const { pod, app, init, automount } = securityOf({
      user: { uid: 1000, gid: 2000 },
      security: { readOnlyRootFilesystem: true, addCapabilities: ['NET_BIND_SERVICE'] },
    });
    expect(automount).toBe(false);
    expect(pod).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 2000,
      fsGroup: 2000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(app).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      readOnlyRootFilesystem: true,
    });
    expect(init).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsUser: 65534,
      runAsGroup: 65534,
    });
  });

  it('baseline: keeps seccomp and no escalation, drops runAsNonRoot and the capability drop', () => {
    const { pod, app, init } = securityOf({ security: { profile: 'baseline' } });
    expect(pod).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
    expect(app).toEqual({ allowPrivilegeEscalation: false });
    expect(init).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsUser: 65534,
      runAsGroup: 65534,
    });
  });

  it('privileged: no security context at all; the token can be mounted on request', () => {
    const { pod, app, init, automount } = securityOf({
      security: { profile: 'privileged', automountServiceAccountToken: true },
    });
    expect(pod).toBeUndefined();
    expect(app).toBeUndefined();
    expect(init).toBeUndefined();
    expect(automount).toBe(true);
  });
});

describe('dependsOn', () => {
  const services: ServiceSpec[] = [
    {
      name: 'db',
      image: 'postgres:16',
      ports: [
        { name: 'pg', port: 5432 },
        { name: 'metrics', port: 9187 },
      ],
    },
    { name: 'migrate', workload: 'job', image: 'migrate:1' },
    { name: 'worker', image: 'worker:1' },
  ];

  it('waits for each dependency port with the configured wait image', () => {
    const { deployment } = deploymentOf(
      { name: 'api', image: 'api:1', dependsOn: ['db', { service: 'db', port: 'metrics', condition: 'healthy' }] },
      services,
      { kubernetes: { waitImage: 'busybox:1.36.1' } },
    );
    const init = deployment.spec.template.spec.initContainers;
    expect(init.map((c: Manifest) => [c.name, c.image, c.command])).toEqual([
      [
        'wait-for-db',
        'busybox:1.36.1',
        ['sh', '-c', 'until nc -z -w 2 db 5432; do echo "waiting for db:5432"; sleep 2; done'],
      ],
      [
        'wait-for-db-metrics',
        'busybox:1.36.1',
        ['sh', '-c', 'until nc -z -w 2 db 9187; do echo "waiting for db:9187"; sleep 2; done'],
      ],
    ]);
    expect(init[0].resources).toEqual({
      requests: { cpu: '10m', memory: '16Mi' },
      limits: { cpu: '100m', memory: '32Mi' },
    });
  });

  it('reports a dependency without ports and a completed condition instead of dropping them silently', () => {
    const { deployment, result } = deploymentOf(
      { name: 'api', image: 'api:1', dependsOn: ['worker', { service: 'migrate', condition: 'completed' }] },
      services,
    );
    expect(deployment.spec.template.spec.initContainers).toBeUndefined();
    expect(result.issues.map((issue) => [issue.severity, issue.code, issue.pointer])).toEqual([
      ['warning', 'loss', '/dependsOn/0'],
      ['warning', 'loss', '/dependsOn/1'],
    ]);
  });
});

describe('Service', () => {
  it('is a ClusterIP Service with one port per container port, targetPort by name', () => {
    const result = toKubernetes(
      project([
        {
          name: 'api',
          image: 'api:1',
          ports: [
            { name: 'http', port: 3001 },
            { name: 'dns', port: 53, protocol: 'UDP' },
          ],
        },
      ]),
    );
    expect(documentAt(result.documents, base('api', 'service.yaml')).spec).toEqual({
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': 'api', 'app.kubernetes.io/part-of': 'shop' },
      ports: [
        { name: 'http', port: 3001, targetPort: 'http' },
        { name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' },
      ],
    });
  });

  it('is not generated for a service without ports', () => {
    expect(paths(toKubernetes(project([{ name: 'worker', image: 'w:1' }])).documents)).not.toContain(
      base('worker', 'service.yaml'),
    );
  });
});

describe('Ingress', () => {
  const spec: ServiceSpec = {
    name: 'web',
    image: 'web:1',
    ports: [
      {
        name: 'http',
        port: 3000,
        expose: 'ingress',
        ingress: [
          { host: 'shop.example.com', path: '/', tlsSecret: 'shop-tls' },
          { host: 'admin.example.com', path: '/', tlsSecret: 'admin-tls' },
          { path: '/health', pathType: 'Exact' },
        ],
      },
      {
        name: 'api',
        port: 3001,
        expose: 'ingress',
        ingress: [{ host: 'shop.example.com', path: '/api', tlsSecret: 'shop-tls' }],
      },
      { name: 'internal', port: 9000 },
    ],
  };

  it('groups rules by host, sorts paths, routes by port name and groups TLS by secret', () => {
    const result = toKubernetes(project([spec], { kubernetes: { ingressClassName: 'nginx' } }));
    const ingress = documentAt(result.documents, base('web', 'ingress.yaml'));
    expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
    const backend = (port: string) => ({ service: { name: 'web', port: { name: port } } });
    expect(ingress.spec).toEqual({
      ingressClassName: 'nginx',
      tls: [
        { hosts: ['admin.example.com'], secretName: 'admin-tls' },
        { hosts: ['shop.example.com'], secretName: 'shop-tls' },
      ],
      rules: [
        { http: { paths: [{ path: '/health', pathType: 'Exact', backend: backend('http') }] } },
        { host: 'admin.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('http') }] } },
        {
          host: 'shop.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: backend('http') },
              { path: '/api', pathType: 'Prefix', backend: backend('api') },
            ],
          },
        },
      ],
    });
  });

  it('is not generated without ingress ports', () => {
    const result = toKubernetes(
      project([{ name: 'api', image: 'api:1', ports: [{ name: 'http', port: 80, expose: 'published' }] }]),
    );
    expect(paths(result.documents)).not.toContain(base('api', 'ingress.yaml'));
  });
});
