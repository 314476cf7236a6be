import type { Issue } from '@twinform/spec';
import { fromKubernetes, type ImportResult } from '../../src/import';

const run = (content: string, path = 'app.yaml'): ImportResult => fromKubernetes([{ path, content }]);
const service = (result: ImportResult, name: string) => {
  const found = result.services.find((candidate) => candidate.spec.name === name);
  if (!found)
    throw new Error(`no service ${name}; have ${result.services.map((candidate) => candidate.spec.name).join(', ')}`);
  return found;
};
const losses = (result: ImportResult): Issue[] =>
  result.issues.filter((issue) => issue.code === 'loss' && issue.severity === 'warning');
const lossAt = (result: ImportResult, pointer: string): Issue | undefined =>
  losses(result).find((issue) => issue.pointer === pointer);

function workload(kind: string, name: string, container: string, pod = '', extraSpec = ''): string {
  const apiVersion =
    kind === 'Job' || kind === 'CronJob'
      ? 'batch/v1'
      : kind === 'Pod' || kind === 'ReplicationController'
        ? 'v1'
        : 'apps/v1';
  const podSpec = `containers:
  - name: ${name}
    image: registry.example/${name}:1.2.3
${container.replace(/^/gm, '    ')}
${pod}`.replace(/\n+$/, '');
  const indent = (text: string, spaces: number): string => text.replace(/^/gm, ' '.repeat(spaces));
  if (kind === 'Pod') {
    return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels: { app: ${name} }\nspec:\n${indent(podSpec, 2)}\n`;
  }
  const template = `metadata:\n  labels: { app: ${name} }\nspec:\n${indent(podSpec, 2)}`;
  if (kind === 'CronJob') {
    return `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${name}\nspec:\n  schedule: "0 3 * * *"\n${extraSpec}  jobTemplate:\n    spec:\n      template:\n${indent(template, 8)}\n`;
  }
  const selector =
    kind === 'Job'
      ? ''
      : kind === 'ReplicationController'
        ? `  selector: { app: ${name} }\n`
        : `  selector:\n    matchLabels: { app: ${name} }\n`;
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${selector}${extraSpec}  template:\n${indent(template, 4)}\n`;
}

const serviceOf = (name: string, ports: string, extra = ''): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: { app: ${name.replace(/-public$/, '')} }\n${extra}  ports:\n${ports.replace(/^/gm, '    ')}\n`;

describe('workload kinds', () => {
  test.each([
    ['Deployment', undefined],
    ['ReplicaSet', undefined],
    ['ReplicationController', undefined],
    ['StatefulSet', 'stateful'],
    ['DaemonSet', 'daemon'],
    ['Job', 'job'],
    ['CronJob', 'cronjob'],
    ['Pod', undefined],
  ])('%s → workload %s, named after the object', (kind, expected) => {
    const result = run(
      workload(
        kind,
        'web',
        kind === 'Job' || kind === 'CronJob' ? '' : 'ports: [{ containerPort: 8080, name: http }]',
        kind === 'Job' || kind === 'CronJob' ? 'restartPolicy: Never' : '',
      ),
    );
    const spec = service(result, 'web').spec;
    expect(spec.workload).toBe(expected);
    expect(spec.image).toBe('registry.example/web:1.2.3');
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  test('a bare Pod that never restarts becomes a job, and says so', () => {
    const result = run(workload('Pod', 'once', '', 'restartPolicy: Never'));
    expect(service(result, 'once').spec.workload).toBe('job');
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'info', message: expect.stringContaining('bare Pod becomes a Job') }),
    );
  });

  test('CronJob schedule, history and job settings; the Kubernetes default Allow is written out', () => {
    const result = run(
      workload(
        'CronJob',
        'backup',
        '',
        'restartPolicy: Never',
        '  successfulJobsHistoryLimit: 2\n  timeZone: Etc/UTC\n',
      ),
    );
    const spec = service(result, 'backup').spec;
    expect(spec.schedule).toEqual({
      cron: '0 3 * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Allow',
      successfulJobsHistoryLimit: 2,
    });
  });

  test('Job settings and a restartPolicy OnFailure note', () => {
    const result = run(
      workload('Job', 'migrate', '', 'restartPolicy: OnFailure', '  backoffLimit: 2\n  ttlSecondsAfterFinished: 60\n'),
    );
    expect(service(result, 'migrate').spec.job).toEqual({ backoffLimit: 2, ttlSecondsAfterFinished: 60 });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('OnFailure becomes Never') }),
    );
  });

  test('StatefulSet claim templates become persistent volumes with size, access mode and class', () => {
    const yaml = `${workload('StatefulSet', 'db', 'volumeMounts: [{ name: data, mountPath: /var/lib/db }]', '', '  serviceName: db-headless\n')}  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        accessModes: [ReadWriteOnce]
        storageClassName: fast
        resources: { requests: { storage: 5Gi } }
`;
    const spec = service(run(yaml), 'db').spec;
    expect(spec.volumes).toEqual([
      {
        name: 'data',
        mountPath: '/var/lib/db',
        type: 'persistent',
        size: '5Gi',
        accessMode: 'ReadWriteOnce',
        storageClass: 'fast',
      },
    ]);
  });

  test('names that are no DNS-1035 label are fixed, with a note; clashing names get a suffix and a warning', () => {
    const result = run(
      `${workload('Deployment', 'web', '')}---\n${workload('StatefulSet', 'web', '')}---\n${workload('Deployment', '1st.app', '')}`,
    );
    expect(result.services.map((item) => item.spec.name)).toEqual(['st-app', 'web', 'web-statefulset']);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'duplicate', severity: 'warning' }));
  });
});

describe('containers', () => {
  test('command, args, working dir, resources and replicas', () => {
    const yaml = workload(
      'Deployment',
      'api',
      `command: [node]\nargs: [server.js, --port, "3000"]\nworkingDir: /app\nresources:\n  requests: { cpu: 100m, memory: 64Mi }\n  limits: { cpu: 1, memory: 256Mi, nvidia.com/gpu: 1 }`,
      '',
      '  replicas: 3\n',
    );
    const result = run(yaml);
    const spec = service(result, 'api').spec;
    expect(spec.command).toEqual(['node']);
    expect(spec.args).toEqual(['server.js', '--port', '3000']);
    expect(spec.workingDir).toBe('/app');
    expect(spec.resources).toEqual({ requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: 1, memory: '256Mi' } });
    expect(spec.replicas).toBe(3);
    expect(lossAt(result, '/spec/template/spec/containers/0/resources/limits/nvidia.com~1gpu')).toBeDefined();
  });

  test('a sidecar is a loss with file:line:col; the container named like the workload is the main one', () => {
    const yaml = workload('Deployment', 'web', '', `  - name: proxy\n    image: envoy:1.30`);
    const result = run(yaml);
    expect(service(result, 'web').spec.image).toBe('registry.example/web:1.2.3');
    expect(lossAt(result, '/spec/template/spec/containers/1')).toEqual(
      expect.objectContaining({
        file: 'app.yaml',
        line: 16,
        col: 11,
        message: expect.stringContaining('sidecar container proxy (image envoy:1.30)'),
      }),
    );
  });

  test('scheduling, host networking and service accounts are losses that say why', () => {
    const yaml = workload(
      'Deployment',
      'web',
      '',
      'nodeSelector: { disk: ssd }\ntolerations: [{ key: x, operator: Exists }]\nhostNetwork: true\nserviceAccountName: web\nimagePullSecrets: [{ name: regcred }]',
    );
    const result = run(yaml);
    for (const field of ['nodeSelector', 'tolerations', 'hostNetwork', 'serviceAccountName', 'imagePullSecrets']) {
      expect(lossAt(result, `/spec/template/spec/${field}`)).toEqual(
        expect.objectContaining({
          severity: 'warning',
          code: 'loss',
          file: 'app.yaml',
          line: expect.any(Number),
          col: 7,
        }),
      );
    }
    expect(lossAt(result, '/spec/template/spec/hostNetwork')!.message).toContain('no host networking');
  });

  test('values Kubernetes defaults to are not reported', () => {
    const yaml = workload(
      'Deployment',
      'web',
      'imagePullPolicy: IfNotPresent\nterminationMessagePath: /dev/termination-log\nterminationMessagePolicy: File',
      'dnsPolicy: ClusterFirst\nrestartPolicy: Always\nschedulerName: default-scheduler\nsecurityContext: {}',
      '  revisionHistoryLimit: 10\n  progressDeadlineSeconds: 600\n',
    );
    expect(losses(run(yaml))).toEqual([]);
  });

  test('a pull policy other than the default is reported', () => {
    const result = run(workload('Deployment', 'web', 'imagePullPolicy: Always'));
    expect(lossAt(result, '/spec/template/spec/containers/0/imagePullPolicy')).toBeDefined();
  });
});

describe('ports, Services and Ingress', () => {
  test('Service ports name the container ports; targetPort by name or number', () => {
    const yaml = `${workload('Deployment', 'api', 'ports:\n  - { containerPort: 3001, name: web }\n  - { containerPort: 9090 }')}---\n${serviceOf('api', '- { name: http, port: 3001, targetPort: web }\n- { name: metrics, port: 9090, targetPort: 9090 }')}`;
    const result = run(yaml);
    expect(service(result, 'api').spec.ports).toEqual([
      { name: 'web', port: 3001 },
      { name: 'metrics', port: 9090 },
    ]);
    expect(losses(result)).toEqual([]);
  });

  test('a Service port that differs from the container port is a loss; NodePort/LoadBalancer become published ports', () => {
    const yaml = `${workload('Deployment', 'web', 'ports: [{ containerPort: 8080 }]')}---\n${serviceOf('web', '- { port: 80, targetPort: 8080, nodePort: 30080 }', '  type: NodePort\n')}`;
    const result = run(yaml);
    expect(service(result, 'web').spec.ports).toEqual([
      { name: 'p8080', port: 8080, expose: 'published', hostPort: 80 },
    ]);
    expect(lossAt(result, '/spec/ports/0/port')!.message).toContain('forwards to container port 8080');
    expect(lossAt(result, '/spec/ports/0/nodePort')!.message).toContain('published');
  });

  test('a Service named differently is merged into the service and env values that name it follow', () => {
    const yaml = `${workload('Deployment', 'db', 'ports: [{ containerPort: 5432, name: pg }]')}---
${serviceOf('db-public', '- { port: 5432 }').replace('app: db-public', 'app: db')}---
${workload('Deployment', 'api', 'env:\n  - { name: DB, value: "db-public:5432" }\n  - { name: DB_HOST, value: db-public }\n  - { name: URL, value: "postgres://u@db-public:5432/x" }')}`;
    const result = run(yaml);
    expect(service(result, 'api').spec.env).toEqual({
      DB: '${db.pg}',
      DB_HOST: '${db.pg.host}',
      URL: 'postgres://u@${db.pg}/x',
    });
    expect(losses(result).map((issue) => issue.message)).toContainEqual(
      expect.stringContaining('merged into Service db'),
    );
  });

  test('Ingress rules become routes on the port the backend reaches (by name or number), with TLS and path types', () => {
    const yaml = `${workload('Deployment', 'web', 'ports: [{ containerPort: 3000, name: http }]')}---
${serviceOf('web', '- { name: http, port: 80, targetPort: http }')}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: site }
spec:
  ingressClassName: nginx
  tls: [{ hosts: [shop.example.com], secretName: shop-tls }]
  rules:
    - host: shop.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { name: http } } } }
          - { path: /exact, pathType: Exact, backend: { service: { name: web, port: { number: 80 } } } }
    - http:
        paths:
          - { path: /any, pathType: ImplementationSpecific, backend: { service: { name: web, port: { number: 80 } } } }
`;
    const result = run(yaml);
    expect(service(result, 'web').spec.ports).toEqual([
      {
        name: 'http',
        port: 3000,
        expose: 'ingress',
        ingress: [
          { host: 'shop.example.com', path: '/', tlsSecret: 'shop-tls' },
          { host: 'shop.example.com', path: '/exact', pathType: 'Exact', tlsSecret: 'shop-tls' },
          { path: '/any', pathType: 'ImplementationSpecific' },
        ],
      },
    ]);
    expect(result.project.kubernetes?.ingressClassName).toBe('nginx');
  });

  test('old extensions/v1beta1 Ingress backends (serviceName/servicePort) are understood', () => {
    const yaml = `${workload('Deployment', 'web', 'ports: [{ containerPort: 80 }]')}---
${serviceOf('web', '- { port: 80 }')}---
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: web
  annotations: { nginx.ingress.kubernetes.io/rewrite-target: / }
spec:
  rules:
    - http:
        paths:
          - { path: /app, backend: { serviceName: web, servicePort: 80 } }
`;
    const result = run(yaml);
    expect(service(result, 'web').spec.ports).toEqual([
      { name: 'http', port: 80, expose: 'ingress', ingress: [{ path: '/app', pathType: 'ImplementationSpecific' }] },
    ]);
    expect(lossAt(result, '/metadata/annotations')!.message).toContain('rewrite-target');
  });

  test('an Ingress backend port that is no Service port is reported (for gen compare)', () => {
    const yaml = `${workload('Deployment', 'web', 'ports: [{ containerPort: 80 }]')}---
${serviceOf('web', '- { port: 80 }')}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web }
spec:
  rules:
    - http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 8080 } } } }
`;
    const result = run(yaml);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'unresolved-reference',
        pointer: '/spec/rules/0/http/paths/0/backend/service/port',
        line: 33,
      }),
    );
  });

  test('a host without a dot is dropped with a loss line; targetPort 0 (kompose headless placeholder) is reported', () => {
    const yaml = `${workload('Deployment', 'web', 'ports: [{ containerPort: 80 }]')}---
${serviceOf('web', '- { port: 80 }\n- { name: headless, port: 55555, targetPort: 0 }')}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web }
spec:
  rules:
    - host: lb
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
          - { path: /b, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
`;
    const result = run(yaml);
    expect(service(result, 'web').spec.ports).toEqual([
      { name: 'http', port: 80, expose: 'ingress', ingress: [{ path: '/' }, { path: '/b' }] },
    ]);
    expect(losses(result).filter((issue) => issue.pointer === '/spec/rules/0/host')).toHaveLength(1);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'invalid-value', pointer: '/spec/ports/1/targetPort' }),
    );
  });

  test('a Service that selects nothing is reported', () => {
    const result = run(`${workload('Deployment', 'web', '')}---\n${serviceOf('other', '- { port: 80 }')}`);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'unresolved-reference',
        message: expect.stringContaining('selects no imported workload'),
      }),
    );
  });
});

describe('config, secrets and storage', () => {
  test('ConfigMaps mounted as files become configs with the content as an asset; folders become one file per key', () => {
    const yaml = `${workload('Deployment', 'web', 'volumeMounts:\n  - { name: conf, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf }\n  - { name: site, mountPath: /etc/site }', 'volumes:\n  - { name: conf, configMap: { name: web-conf, defaultMode: 0440 } }\n  - { name: site, configMap: { name: site } }')}---
apiVersion: v1
kind: ConfigMap
metadata: { name: web-conf }
data:
  nginx.conf: |
    server { listen 8080; }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: site }
data:
  a.html: <p>a</p>
  b.html: <p>b</p>
`;
    const result = run(yaml);
    const imported = service(result, 'web');
    expect(imported.spec.configs).toEqual([
      { name: 'conf', mountPath: '/etc/nginx/nginx.conf', file: 'nginx.conf', mode: '0440' },
      { name: 'a-html', mountPath: '/etc/site/a.html', file: 'a.html' },
      { name: 'b-html', mountPath: '/etc/site/b.html', file: 'b.html' },
    ]);
    expect(imported.assets).toEqual({
      'nginx.conf': 'server { listen 8080; }\n',
      'a.html': '<p>a</p>',
      'b.html': '<p>b</p>',
    });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'info', message: expect.stringContaining('mounted as a folder') }),
    );
  });

  test('envFrom ConfigMap → env file asset; configMapKeyRef into it → {config, key}; into another ConfigMap → literal with a note', () => {
    const yaml = `${workload('Deployment', 'api', 'envFrom: [{ configMapRef: { name: api-settings } }]\nenv:\n  - { name: LEVEL, valueFrom: { configMapKeyRef: { name: api-settings, key: LOG_LEVEL } } }\n  - { name: REGION, valueFrom: { configMapKeyRef: { name: shared, key: region } } }')}---
apiVersion: v1
kind: ConfigMap
metadata: { name: api-settings }
data: { LOG_LEVEL: debug, GREETING: "hello world", PRICE: "$5" }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: shared }
data: { region: eu-west-1 }
`;
    const result = run(yaml);
    const imported = service(result, 'api');
    expect(imported.spec.envFiles).toEqual(['settings.env']);
    expect(imported.assets['settings.env']).toBe("GREETING=hello world\nLOG_LEVEL=debug\nPRICE='$5'\n");
    expect(imported.spec.env).toEqual({ LEVEL: { config: 'settings', key: 'LOG_LEVEL' }, REGION: 'eu-west-1' });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'info', message: expect.stringContaining('keeps the value as a literal') }),
    );
  });

  test('Secrets: names and keys only, never values', () => {
    const yaml = `${workload('Deployment', 'api', 'env:\n  - { name: DB_PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }\n  - { name: TOKEN, valueFrom: { secretKeyRef: { name: token, key: token } } }\nvolumeMounts:\n  - { name: tls, mountPath: /etc/tls/tls.crt, subPath: tls.crt }', 'volumes:\n  - { name: tls, secret: { secretName: api-tls } }')}---
apiVersion: v1
kind: Secret
metadata: { name: db }
type: Opaque
data: { password: c3VwZXJzZWNyZXQ= }
stringData: { user: admin-user-plain }
`;
    const result = run(yaml);
    const imported = service(result, 'api');
    expect(imported.spec.env).toEqual({ DB_PASSWORD: { secret: 'db', key: 'password' }, TOKEN: { secret: 'token' } });
    expect(imported.spec.secrets).toEqual([{ name: 'api-tls', key: 'tls.crt', mountPath: '/etc/tls/tls.crt' }]);
    const everything = JSON.stringify(result);
    expect(everything).not.toContain('c3VwZXJzZWNyZXQ=');
    expect(everything).not.toContain('admin-user-plain');
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        message: expect.stringContaining('Secret db: values are never imported (keys: password, user)'),
      }),
    );
  });

  test('PVC size/access mode/class; emptyDir and Memory emptyDir; hostPath is a loss', () => {
    const yaml = `${workload('Deployment', 'files', 'volumeMounts:\n  - { name: data, mountPath: /data, readOnly: true }\n  - { name: cache, mountPath: /cache }\n  - { name: shm, mountPath: /dev/shm }\n  - { name: host, mountPath: /host }', 'volumes:\n  - { name: data, persistentVolumeClaim: { claimName: files-data } }\n  - { name: cache, emptyDir: { sizeLimit: 1Gi } }\n  - { name: shm, emptyDir: { medium: Memory } }\n  - { name: host, hostPath: { path: /var/log } }')}---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: files-data }
spec:
  accessModes: [ReadWriteMany]
  storageClassName: nfs
  resources: { requests: { storage: 20Gi } }
`;
    const result = run(yaml);
    expect(service(result, 'files').spec.volumes).toEqual([
      {
        name: 'data',
        mountPath: '/data',
        type: 'persistent',
        size: '20Gi',
        accessMode: 'ReadWriteMany',
        storageClass: 'nfs',
        readOnly: true,
      },
      { name: 'cache', mountPath: '/cache', type: 'ephemeral', size: '1Gi' },
      { name: 'shm', mountPath: '/dev/shm', type: 'tmpfs' },
    ]);
    expect(lossAt(result, '/spec/template/spec/volumes/3')!.message).toContain('hostPath volume host (/var/log)');
  });

  test('a claim that is not among the inputs is a loss, never a silent default size', () => {
    const result = run(
      workload(
        'Deployment',
        'files',
        'volumeMounts: [{ name: data, mountPath: /data }]',
        'volumes: [{ name: data, persistentVolumeClaim: { claimName: missing } }]',
      ),
    );
    expect(service(result, 'files').spec.volumes![0]!.size).toBe('1Gi');
    expect(lossAt(result, '/spec/template/spec/volumes/0/persistentVolumeClaim')!.message).toContain('size is unknown');
  });
});

describe('health, security, dependencies', () => {
  test('probes: http/tcp/exec/grpc, port numbers become port names', () => {
    const yaml = workload(
      'Deployment',
      'api',
      `ports: [{ containerPort: 8080, name: http }, { containerPort: 9000, name: grpc }]
livenessProbe: { httpGet: { path: /healthz, port: 8080 }, periodSeconds: 10, successThreshold: 1 }
readinessProbe: { tcpSocket: { port: http }, successThreshold: 2 }
startupProbe: { grpc: { port: 9000 }, failureThreshold: 30 }`,
    );
    const spec = service(run(yaml), 'api').spec;
    expect(spec.health).toEqual({
      liveness: { http: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
      readiness: { tcp: { port: 'http' }, successThreshold: 2 },
      startup: { grpc: { port: 'grpc' }, failureThreshold: 30 },
    });
  });

  test('probe HTTP headers are a loss', () => {
    const result = run(
      workload(
        'Deployment',
        'api',
        'livenessProbe: { httpGet: { path: /, port: 80, httpHeaders: [{ name: Cookie, value: x }] } }',
      ),
    );
    expect(lossAt(result, '/spec/template/spec/containers/0/livenessProbe/httpGet/httpHeaders')!.message).toContain(
      'Cookie',
    );
  });

  test('securityContext: non-root user → user + restricted; added capabilities → profile; privileged → privileged', () => {
    const yaml = `${workload('Deployment', 'safe', 'securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }', 'securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 2000, fsGroup: 2000, seccompProfile: { type: RuntimeDefault } }')}---
${workload('Deployment', 'db', 'securityContext: { capabilities: { drop: [ALL], add: [CHOWN, SETUID] } }')}---
${workload('Deployment', 'vpn', 'securityContext: { privileged: true, capabilities: { add: [NET_ADMIN] } }')}`;
    const result = run(yaml);
    expect(service(result, 'safe').spec.user).toEqual({ uid: 1000, gid: 2000 });
    expect(service(result, 'safe').spec.security).toEqual({ readOnlyRootFilesystem: true });
    expect(service(result, 'db').spec.security).toEqual({ profile: 'baseline', addCapabilities: ['CHOWN', 'SETUID'] });
    expect(service(result, 'vpn').spec.security).toEqual({ profile: 'privileged', addCapabilities: ['NET_ADMIN'] });
    expect(losses(result)).toEqual([]);
  });

  test('twinform wait-for init containers become dependsOn; other init containers are losses', () => {
    const yaml = `${workload('Deployment', 'db', 'ports: [{ containerPort: 5432, name: pg }, { containerPort: 9187, name: metrics }]\nreadinessProbe: { tcpSocket: { port: pg } }')}---
${serviceOf('db', '- { name: pg, port: 5432 }\n- { name: metrics, port: 9187 }')}---
${workload(
  'Deployment',
  'api',
  '',
  `initContainers:
  - name: wait-for-db
    image: busybox:1.36
    command: [sh, -c, 'until nc -z -w 2 db 9187; do echo "waiting for db:9187"; sleep 2; done']
  - name: migrate
    image: registry.example/migrate:1`,
)}`;
    const result = run(yaml);
    expect(service(result, 'api').spec.dependsOn).toEqual([{ service: 'db', condition: 'healthy', port: 'metrics' }]);
    expect(result.project.kubernetes?.waitImage).toBe('busybox:1.36');
    expect(lossAt(result, '/spec/template/spec/initContainers/1')!.message).toContain('init container migrate');
  });

  test('a wait for a dependency without health check is condition started (healthy needs one)', () => {
    const yaml = `${workload('Deployment', 'cache', 'ports: [{ containerPort: 6379 }]')}---
${workload('Deployment', 'api', '', "initContainers:\n  - { name: wait, image: busybox, command: [sh, -c, 'until nc -zv cache 6379; do sleep 1; done'] }")}`;
    const result = run(yaml);
    expect(service(result, 'api').spec.dependsOn).toEqual([{ service: 'cache', condition: 'started' }]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'info', message: expect.stringContaining('becomes dependsOn') }),
    );
  });

  test('env literals: $(VAR) expansion with earlier literals, $$ escapes, a secret-sourced $(VAR) is a loss', () => {
    const yaml = workload(
      'Deployment',
      'api',
      'env:\n  - { name: HOST, value: example.com }\n  - { name: URL, value: "https://$(HOST)/x" }\n  - { name: PRICE, value: "$$5 and ${HOME}" }\n  - { name: PASS, valueFrom: { secretKeyRef: { name: s, key: p } } }\n  - { name: DSN, value: "u:$(PASS)@db" }',
    );
    const result = run(yaml);
    expect(service(result, 'api').spec.env).toEqual({
      HOST: 'example.com',
      URL: 'https://example.com/x',
      PRICE: '$5 and $${HOME}',
      PASS: { secret: 's', key: 'p' },
      DSN: 'u:$(PASS)@db',
    });
    expect(lossAt(result, '/spec/template/spec/containers/0/env/4/value')!.message).toContain('$(PASS)');
  });
});

describe('scaling, availability, network policy, project', () => {
  const app = `${workload('Deployment', 'web', 'ports: [{ containerPort: 80, name: http }]', '', '  replicas: 2\n')}---
${serviceOf('web', '- { name: http, port: 80 }')}---
${workload('Deployment', 'api', 'ports: [{ containerPort: 3000, name: http }]', '', '  replicas: 3\n')}---
${serviceOf('api', '- { name: http, port: 3000 }')}`;

  test('an HPA becomes autoscaling and the workload keeps no replicas; a PDB becomes disruption', () => {
    const yaml = `${app}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - { type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } } }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web }
spec:
  minAvailable: 1
  selector: { matchLabels: { app: web } }
`;
    const result = run(yaml);
    const web = service(result, 'web').spec;
    expect(web.replicas).toBeUndefined();
    expect(web.autoscaling).toEqual({ minReplicas: 2, maxReplicas: 10, cpuUtilization: 70 });
    expect(web.disruption).toEqual({ minAvailable: 1 });
    // twinform would add a budget for 3 replicas; the manifests had none, so the spec says so.
    expect(service(result, 'api').spec.disruption).toEqual({ enabled: false });
  });

  test('NetworkPolicy pod-selector callers become allowFrom; other peers are losses; no policies → networkPolicies false', () => {
    const yaml = `${app}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api }
spec:
  podSelector: { matchLabels: { app: api } }
  policyTypes: [Ingress]
  ingress:
    - from: [{ podSelector: { matchLabels: { app: web } } }, { ipBlock: { cidr: 10.0.0.0/8 } }]
`;
    const result = run(yaml);
    expect(service(result, 'api').spec.allowFrom).toEqual(['web']);
    expect(lossAt(result, '/spec/ingress/0/from/1')!.message).toContain('IP block');
    expect(result.project.kubernetes?.networkPolicies).toBeUndefined();
    expect(run(app).project.kubernetes?.networkPolicies).toBe(false);
  });

  test('namespace becomes the project namespace; labels are kept except the ones twinform manages', () => {
    const yaml = workload('Deployment', 'web', '').replace(
      'metadata:\n  name: web\n',
      'metadata:\n  name: web\n  namespace: shop\n  labels: { team: red, app.kubernetes.io/name: web, app.kubernetes.io/managed-by: helm }\n',
    );
    const result = fromKubernetes([{ path: 'web.yaml', content: yaml }], { projectName: 'fallback' });
    expect(result.project).toEqual({ name: 'fallback', namespace: 'shop', kubernetes: { networkPolicies: false } });
    expect(service(result, 'web').spec.labels).toEqual({ team: 'red', app: 'web' });
  });

  test('unknown kinds and CRDs are losses at their position', () => {
    const result = run(
      `${workload('Deployment', 'web', '')}---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: { name: web }\nspec: {}\n`,
    );
    expect(losses(result)).toContainEqual(
      expect.objectContaining({
        file: 'app.yaml',
        line: 17,
        col: 1,
        message: expect.stringContaining('kind ServiceMonitor (monitoring.coreos.com/v1) is not supported'),
      }),
    );
  });

  test('the same object in two files is imported once; a differing copy is reported', () => {
    const web = workload('Deployment', 'web', '');
    const result = fromKubernetes([
      { path: 'a.yaml', content: web },
      { path: 'b.yaml', content: web },
      { path: 'c.yaml', content: web.replace('1.2.3', '9.9.9') },
    ]);
    expect(result.services).toHaveLength(1);
    expect(result.issues.filter((issue) => issue.code === 'duplicate')).toEqual([
      expect.objectContaining({ file: 'c.yaml', message: expect.stringContaining('first at a.yaml:1') }),
    ]);
  });

  test('every imported field knows where it came from', () => {
    const result = run(
      `${workload('Deployment', 'web', 'ports: [{ containerPort: 80, name: http }]\nenv: [{ name: A, value: "1" }]')}---\n${serviceOf('web', '- { name: http, port: 80 }')}`,
    );
    const { origins } = service(result, 'web');
    expect(origins['/image']).toEqual({ file: 'app.yaml', line: 14, col: 11 });
    expect(origins['/ports/0']).toEqual(expect.objectContaining({ file: 'app.yaml', line: 15 }));
    expect(origins['/env/A']).toEqual(expect.objectContaining({ file: 'app.yaml', line: 16 }));
  });
});
