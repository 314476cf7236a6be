import type { LoadedProject, ServiceSpec } from '@twinform/spec';
import { projectOf } from './fixtures';

/** The GovApp of the product story: the spine's features only (issue 2). */
export function govApp(): LoadedProject {
  const specs: ServiceSpec[] = [
    {
      name: 'frontend',
      build: { context: '.', target: 'runtime', args: { NODE_ENV: 'production' } },
      image: 'govapp/frontend:1.4.0',
      ports: [{ name: 'http', port: 3000, expose: 'ingress', ingress: [{ path: '/' }] }],
      env: { API_URL: 'http://${backend.http}/api' },
      dependsOn: [{ service: 'backend', condition: 'healthy' }],
      health: { readiness: { http: { path: '/', port: 'http' } } },
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    },
    {
      name: 'backend',
      image: 'govapp/backend:2.1.0',
      command: ['node'],
      args: ['dist/server.js'],
      workingDir: '/app',
      user: { uid: 1000 },
      ports: [{ name: 'http', port: 3001, expose: 'ingress', ingress: [{ path: '/api' }] }],
      env: {
        DATABASE_URL: 'postgres://app@${postgres.pg}/govapp',
        REDIS_HOST: '${redis.redis.host}',
        REDIS_PORT: '${redis.redis.port}',
        DB_PASSWORD: { secret: 'postgres', key: 'password' },
        GREETING: 'costs $$5',
      },
      dependsOn: [{ service: 'postgres', condition: 'healthy' }, 'redis'],
      health: {
        readiness: { http: { path: '/api/health', port: 'http' }, periodSeconds: 5 },
        liveness: { tcp: { port: 'http' } },
        startup: { http: { path: '/api/health', port: 'http' }, failureThreshold: 30, periodSeconds: 2 },
      },
      replicas: 2,
      terminationGracePeriodSeconds: 20,
      labels: { team: 'platform' },
    },
    {
      name: 'notifications',
      image: 'govapp/notifications:1.0.0',
      ports: [{ name: 'http', port: 4000 }],
      env: { BACKEND: '${backend.http}' },
      dependsOn: ['backend'],
      health: { readiness: { grpc: { port: 'http' } } },
    },
    {
      name: 'postgres',
      image: 'postgres:16.4-alpine',
      ports: [{ name: 'pg', port: 5432, expose: 'published', hostPort: 15432 }],
      health: { readiness: { exec: { command: ['pg_isready', '-U', 'app'] } } },
      security: { profile: 'baseline' },
    },
    {
      name: 'redis',
      image: 'redis:7.4-alpine',
      ports: [{ name: 'redis', port: 6379 }],
      health: { readiness: { tcp: { port: 'redis' } } },
    },
  ];
  return projectOf(specs, { name: 'govapp', environments: { dev: { local: true }, prod: {} } });
}

/** Every row of the mapping table at once (issue 3). */
export function kitchenSink(): LoadedProject {
  const specs: ServiceSpec[] = [
    {
      name: 'web',
      build: {},
      ports: [
        {
          name: 'http',
          port: 8081,
          expose: 'ingress',
          hostPort: 18081,
          ingress: [
            { path: '/' },
            { host: 'shop.example.com', path: '/', tlsSecret: 'shop-tls' },
            { host: '*.preview.example.com', path: '/' },
          ],
        },
      ],
      env: { API: 'http://${api.http}' },
      dependsOn: [{ service: 'api', condition: 'healthy' }],
      configs: [
        { name: 'nginx', mountPath: '/etc/nginx/conf.d/default.conf', file: 'nginx.conf', mode: '0444' },
        { name: 'banner', mountPath: '/usr/share/banner.txt', content: 'Welcome, $USER!\n' },
      ],
      volumes: [
        { name: 'cache', type: 'tmpfs', mountPath: '/var/cache/nginx', size: '32Mi' },
        { name: 'src', type: 'bind', source: 'public', mountPath: '/usr/share/nginx/html', readOnly: true },
      ],
      security: { readOnlyRootFilesystem: true },
      health: { compose: ['CMD', '/healthcheck'] },
    },
    {
      name: 'api',
      image: 'shop/api:3.0.0',
      ports: [
        {
          name: 'http',
          port: 8080,
          expose: 'ingress',
          ingress: [{ path: '/api' }, { path: '/status', pathType: 'Exact' }],
        },
        { name: 'metrics', port: 9090 },
      ],
      envFiles: ['api.env'],
      env: {
        LOG_LEVEL: { config: 'api', key: 'LOG_LEVEL' },
        DB: 'postgres://${db.pg}/shop',
        DB_PASSWORD: { secret: 'db', key: 'password' },
        QUEUE: '${queue.amqp.host}',
      },
      secrets: [{ name: 'jwt-key' }, { name: 'db', key: 'ca.crt', mountPath: '/etc/ssl/db-ca.crt' }],
      dependsOn: [{ service: 'db', condition: 'healthy' }, { service: 'migrate', condition: 'completed' }, 'queue'],
      autoscaling: { minReplicas: 2, maxReplicas: 8, cpuUtilization: 75 },
      resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
      health: { readiness: { http: { path: '/status', port: 'http' } }, liveness: { tcp: { port: 'http' } } },
      patches: { compose: [{ op: 'add', path: '/labels', value: { 'com.example.tier': 'backend' } }] },
    },
    {
      name: 'db',
      workload: 'stateful',
      image: 'postgres:16.4',
      ports: [{ name: 'pg', port: 5432 }],
      volumes: [
        { name: 'data', mountPath: '/var/lib/postgresql/data', size: '20Gi', storageClass: 'ssd', subPath: 'pgdata' },
        { name: 'scratch', type: 'ephemeral', mountPath: '/scratch' },
      ],
      health: { readiness: { exec: { command: ['pg_isready'] } } },
      security: { profile: 'baseline' },
      allowFrom: ['reports'],
      environments: { prod: { external: { host: 'db.prod.example.com' } } },
    },
    {
      name: 'queue',
      image: 'rabbitmq:3.13-alpine',
      ports: [
        { name: 'amqp', port: 5672 },
        { name: 'stats', port: 8125, protocol: 'UDP', expose: 'published' },
      ],
      environments: { dev: { external: { host: 'queue.dev.example.com' } } },
    },
    {
      name: 'migrate',
      workload: 'job',
      image: 'shop/api:3.0.0',
      command: ['npm', 'run', 'migrate'],
      dependsOn: [{ service: 'db', condition: 'healthy' }],
      job: { backoffLimit: 3 },
    },
    {
      name: 'reports',
      workload: 'cronjob',
      image: 'shop/reports:1.0.0',
      schedule: { cron: '30 2 * * *', timeZone: 'Europe/Berlin', concurrencyPolicy: 'Forbid' },
      env: { DB: '${db.pg}' },
    },
    {
      name: 'log-agent',
      workload: 'daemon',
      image: 'fluent/fluent-bit:3.1',
      security: { profile: 'privileged' },
      terminationGracePeriodSeconds: 5,
    },
  ];
  return projectOf(
    specs,
    { name: 'kitchen-sink', environments: { dev: { local: true }, prod: {} }, compose: { proxy: { port: 8000 } } },
    { 'services/api/api.env': 'LOG_LEVEL=info\nFEATURE_X=on\n', 'services/web/nginx.conf': 'server {}\n' },
  );
}
