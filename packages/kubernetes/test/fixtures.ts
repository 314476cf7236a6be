import type { LoadedProject } from '@twinform/spec';
import { project } from './helpers';

/** Long-running services only (issue 2 scope): the GovApp. */
export function govApp(): LoadedProject {
  return project(
    [
      {
        name: 'frontend',
        image: 'ghcr.io/govapp/frontend:1.4.2',
        ports: [{ name: 'http', port: 3000, expose: 'ingress', ingress: [{ host: 'govapp.localhost', path: '/' }] }],
        env: { API_URL: 'http://${backend.http}' },
        dependsOn: ['backend'],
        health: { readiness: { http: { path: '/', port: 'http' }, periodSeconds: 10 } },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        environments: {
          prod: {
            image: 'ghcr.io/govapp/frontend:1.5.0',
            replicas: 3,
            ports: [{ name: 'http', ingress: [{ host: 'gov.example.org', path: '/', tlsSecret: 'gov-tls' }] }],
          },
        },
      },
      {
        name: 'backend',
        image: 'ghcr.io/govapp/backend:2.1.0',
        ports: [{ name: 'http', port: 3001, expose: 'ingress', ingress: [{ host: 'govapp.localhost', path: '/api' }] }],
        env: {
          DATABASE_HOST: '${postgres.pg.host}',
          DATABASE_PORT: '${postgres.pg.port}',
          DATABASE_PASSWORD: { secret: 'postgres', key: 'password' },
          REDIS_URL: 'redis://${redis.redis}',
        },
        dependsOn: [{ service: 'postgres', condition: 'healthy' }, 'redis'],
        health: {
          liveness: { http: { path: '/healthz', port: 'http' } },
          readiness: { http: { path: '/readyz', port: 'http' }, initialDelaySeconds: 5 },
        },
        user: { uid: 1000 },
        security: { readOnlyRootFilesystem: true },
        resources: { requests: { cpu: 0.25, memory: '256Mi' }, limits: { cpu: 1, memory: '512Mi' } },
        replicas: 2,
        environments: {
          prod: {
            replicas: 4,
            env: { LOG_LEVEL: 'warn' },
            ports: [{ name: 'http', ingress: [{ host: 'gov.example.org', path: '/api', tlsSecret: 'gov-tls' }] }],
          },
        },
      },
      {
        name: 'notifications',
        image: 'ghcr.io/govapp/notifications:0.9.1',
        ports: [{ name: 'grpc', port: 50051 }],
        health: { readiness: { grpc: { port: 'grpc' } } },
        allowFrom: ['backend'],
      },
      {
        name: 'worker',
        image: 'ghcr.io/govapp/backend:2.1.0',
        command: ['node', 'worker.js'],
        dependsOn: ['redis', 'notifications'],
      },
      {
        name: 'postgres',
        image: 'postgres:16.4-alpine',
        ports: [{ name: 'pg', port: 5432 }],
        user: { uid: 70 },
        env: { POSTGRES_PASSWORD: { secret: 'postgres', key: 'password' } },
        health: { readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] } } },
      },
      {
        name: 'redis',
        image: 'redis:7.4-alpine',
        ports: [{ name: 'redis', port: 6379 }],
        user: { uid: 999 },
        health: { liveness: { tcp: { port: 'redis' } } },
      },
    ],
    { name: 'govapp', namespace: 'govapp', environments: { dev: { local: true }, prod: { namespace: 'govapp-prod' } } },
  );
}

/** Every row of the mapping table (issue 3 scope). */
export function kitchenSink(secretStore = false): LoadedProject {
  return project(
    [
      {
        name: 'web',
        image: 'ghcr.io/sink/web:1.0.0',
        ports: [
          {
            name: 'http',
            port: 8080,
            expose: 'ingress',
            ingress: [{ host: 'sink.example.com', path: '/', tlsSecret: 'sink-tls' }],
          },
        ],
        env: { API_URL: 'http://${api.http}' },
        dependsOn: ['api'],
        configs: [{ name: 'nginx', file: 'nginx.conf', mountPath: '/etc/nginx/conf.d/default.conf', mode: '0444' }],
        volumes: [
          { name: 'cache', mountPath: '/var/cache/nginx', type: 'tmpfs', size: '64Mi' },
          { name: 'run', mountPath: '/var/run', type: 'ephemeral' },
        ],
        resources: { requests: { cpu: '100m', memory: '64Mi' } },
        autoscaling: { minReplicas: 2, maxReplicas: 6, cpuUtilization: 70, memoryUtilization: 80 },
        rollout: { maxSurge: 1, maxUnavailable: 0 },
        security: { readOnlyRootFilesystem: true },
        environments: { prod: { image: 'ghcr.io/sink/web:1.1.0', autoscaling: { minReplicas: 3, maxReplicas: 12 } } },
      },
      {
        name: 'api',
        image: 'ghcr.io/sink/api:3.2.1',
        replicas: 2,
        ports: [{ name: 'http', port: 3000 }],
        envFiles: ['api.env'],
        env: {
          DB_URL: 'postgres://${db.pg}/sink',
          DB_PASSWORD: { secret: 'db-credentials', key: 'password' },
          FEATURE: { config: 'api', key: 'FEATURE' },
        },
        secrets: [
          { name: 'signing-key', key: 'key.pem' },
          { name: 'api-token', mountPath: '/etc/api/token' },
        ],
        volumes: [
          {
            name: 'uploads',
            mountPath: '/data/uploads',
            size: '2Gi',
            accessMode: 'ReadWriteOnce',
            storageClass: 'standard',
          },
        ],
        dependsOn: [
          { service: 'db', condition: 'healthy' },
          { service: 'migrate', condition: 'completed' },
        ],
        disruption: { minAvailable: 1 },
        terminationGracePeriodSeconds: 45,
        patches: {
          kubernetes: [
            { kind: 'Deployment', ops: [{ op: 'add', path: '/spec/revisionHistoryLimit', value: 5 as never }] },
          ],
        },
      },
      {
        name: 'db',
        workload: 'stateful',
        image: 'postgres:16.4-alpine',
        user: { uid: 70 },
        ports: [{ name: 'pg', port: 5432 }],
        env: { POSTGRES_PASSWORD: { secret: 'db-credentials', key: 'password' } },
        volumes: [{ name: 'data', mountPath: '/var/lib/postgresql/data', size: '10Gi', subPath: 'pgdata' }],
        health: {
          readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] } },
          liveness: { tcp: { port: 'pg' } },
        },
        environments: { prod: { external: { host: 'sink-db.abc123.eu-west-1.rds.amazonaws.com' } } },
      },
      {
        name: 'migrate',
        workload: 'job',
        image: 'ghcr.io/sink/api:3.2.1',
        command: ['npm', 'run', 'migrate'],
        dependsOn: ['db'],
        job: { backoffLimit: 3, ttlSecondsAfterFinished: 3600 },
      },
      {
        name: 'report',
        workload: 'cronjob',
        image: 'ghcr.io/sink/report:1.0.0',
        schedule: {
          cron: '0 3 * * *',
          timeZone: 'Europe/Berlin',
          successfulJobsHistoryLimit: 2,
          failedJobsHistoryLimit: 1,
        },
        job: { activeDeadlineSeconds: 600 },
        dependsOn: ['api'],
        volumes: [{ name: 'out', mountPath: '/out', readOnly: false, type: 'ephemeral', size: '1Gi' }],
      },
      {
        name: 'agent',
        workload: 'daemon',
        image: 'ghcr.io/sink/agent:0.3.0',
        ports: [{ name: 'metrics', port: 9100 }],
        allowFrom: ['web'],
        rollout: { maxUnavailable: 1 },
        volumes: [{ name: 'state', mountPath: '/state', size: '100Mi', readOnly: true }],
      },
    ],
    {
      name: 'sink',
      namespace: 'sink',
      environments: { dev: { local: true }, prod: { namespace: 'sink-prod' } },
      kubernetes: { ingressClassName: 'nginx' },
      ...(secretStore ? { secretStore: { name: 'vault', kind: 'ClusterSecretStore' as const } } : {}),
    },
    {
      'services/web/nginx.conf': 'server { listen 8080; }\n',
      'services/api/api.env': 'FEATURE=on\nLOG_LEVEL=info\n',
    },
  );
}
