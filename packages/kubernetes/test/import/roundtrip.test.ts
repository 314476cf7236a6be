import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createMemorySource, loadProject, toYaml, type LoadedProject, type ServiceSpec } from '@twinform/spec';
import { loadedProjects } from './arbitraries';
import { canonicalProject } from './canonical';
import { load, losses, readTree, roundTrip } from './roundtrip';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');

function projectFiles(loaded: LoadedProject): Record<string, string> {
  const files: Record<string, string> = { 'twinform.yaml': toYaml(loaded.project), ...loaded.assets };
  for (const service of loaded.services) files[service.file] = toYaml(service.spec);
  return files;
}

/** A spec written the way the importer writes it, using every row the base can carry. */
const SHOP: Record<string, string> = {
  'twinform.yaml': toYaml({
    name: 'shop',
    namespace: 'shop',
    kubernetes: { waitImage: 'busybox:1.36.1', ingressClassName: 'nginx', ingressControllerNamespace: 'ingress' },
    secretStore: { name: 'vault', kind: 'ClusterSecretStore', refreshInterval: '1h' },
  }),
  'services/web/service.yaml': toYaml({
    name: 'web',
    image: 'ghcr.io/shop/web:2.1.0',
    ports: [
      {
        name: 'http',
        port: 8080,
        expose: 'ingress',
        ingress: [{ host: 'shop.example.com', path: '/', tlsSecret: 'shop-tls' }],
      },
    ],
    env: { API_URL: 'http://${api.http}/v1', PRICE_NOTE: 'costs $5' },
    configs: [{ name: 'nginx', mountPath: '/etc/nginx/nginx.conf', file: 'nginx.conf', mode: '0444' }],
    health: { readiness: { http: { path: '/ready', port: 'http' }, periodSeconds: 5, successThreshold: 2 } },
    resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
    autoscaling: { minReplicas: 2, maxReplicas: 6, cpuUtilization: 75 },
    disruption: { minAvailable: 1 },
    rollout: { strategy: 'RollingUpdate', maxSurge: 1, maxUnavailable: 0 },
    dependsOn: [{ service: 'api', condition: 'healthy' }],
    labels: { team: 'storefront' },
    annotations: { 'example.com/owner': 'storefront' },
    security: { readOnlyRootFilesystem: true },
  } satisfies ServiceSpec),
  'services/web/nginx.conf': 'events {}\nhttp { server { listen 8080; } }\n',
  'services/api/service.yaml': toYaml({
    name: 'api',
    image: 'ghcr.io/shop/api:1.4.2',
    command: ['/app/api'],
    args: ['--listen', ':3001'],
    workingDir: '/app',
    user: { uid: 1000, gid: 3000 },
    ports: [
      { name: 'http', port: 3001 },
      { name: 'metrics', port: 9090 },
    ],
    env: {
      DATABASE_URL: 'postgres://${db.postgres}/shop',
      DB_PASSWORD: { secret: 'db-credentials', key: 'password' },
      LOG_LEVEL: { config: 'settings', key: 'LOG_LEVEL' },
    },
    envFiles: ['settings.env'],
    secrets: [{ name: 'api-token', key: 'token', mountPath: '/etc/api/token' }],
    volumes: [{ name: 'scratch', mountPath: '/tmp', type: 'tmpfs', size: '64Mi' }],
    health: {
      liveness: { http: { path: '/healthz', port: 'http' }, initialDelaySeconds: 5, periodSeconds: 10 },
      startup: { tcp: { port: 'http' }, failureThreshold: 30 },
    },
    replicas: 3,
    terminationGracePeriodSeconds: 45,
    dependsOn: [{ service: 'db', condition: 'healthy' }],
    allowFrom: ['report'],
  } satisfies ServiceSpec),
  'services/api/settings.env': 'FEATURE_X=on\nLOG_LEVEL=info\n',
  'services/db/service.yaml': toYaml({
    name: 'db',
    workload: 'stateful',
    image: 'postgres:16.4-alpine',
    user: { uid: 70 },
    ports: [{ name: 'postgres', port: 5432 }],
    env: { POSTGRES_PASSWORD: { secret: 'db-credentials', key: 'password' } },
    volumes: [
      {
        name: 'data',
        mountPath: '/var/lib/postgresql/data',
        type: 'persistent',
        size: '10Gi',
        accessMode: 'ReadWriteOnce',
        storageClass: 'ssd',
      },
    ],
    health: { readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 5 } },
    replicas: 1,
    rollout: { strategy: 'RollingUpdate' },
  } satisfies ServiceSpec),
  'services/report/service.yaml': toYaml({
    name: 'report',
    workload: 'cronjob',
    image: 'ghcr.io/shop/report:1.0.0',
    env: { API: '${api.http}' },
    job: { backoffLimit: 1, ttlSecondsAfterFinished: 3600 },
    schedule: {
      cron: '0 6 * * 1',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 1,
    },
  } satisfies ServiceSpec),
  'services/agent/service.yaml': toYaml({
    name: 'agent',
    workload: 'daemon',
    image: 'ghcr.io/shop/agent:0.9.0',
    ports: [{ name: 'dns', port: 8053, protocol: 'UDP' }],
    volumes: [{ name: 'buffer', mountPath: '/var/buffer', type: 'ephemeral', size: '1Gi' }],
    rollout: { strategy: 'RollingUpdate', maxUnavailable: 1 },
    security: { profile: 'baseline', addCapabilities: ['NET_BIND_SERVICE', 'CHOWN'] },
  } satisfies ServiceSpec),
};

describe('round trip through the Kubernetes base', () => {
  test('a spec using every row: the import gives back the spec, files and settings exactly, with no loss', () => {
    const loaded = load(SHOP);
    const trip = roundTrip(loaded);
    expect(losses(trip.imported.issues)).toEqual([]);
    expect(trip.second).toEqual(trip.first);
    for (const service of loaded.services) {
      const imported = trip.imported.services.find((candidate) => candidate.spec.name === service.spec.name);
      expect(imported?.spec).toEqual(service.spec);
    }
    expect(trip.imported.services.find((service) => service.spec.name === 'web')?.assets).toEqual({
      'nginx.conf': SHOP['services/web/nginx.conf'],
    });
    expect(trip.imported.services.find((service) => service.spec.name === 'api')?.assets).toEqual({
      'settings.env': SHOP['services/api/settings.env'],
    });
    expect(trip.imported.project).toEqual(loaded.project);
  });

  test.each(['govapp', 'kitchen-sink'])('examples/%s: generate → import → generate gives the same base', (example) => {
    const folder = join(EXAMPLES, example);
    const files = existsSync(join(folder, 'twinform.yaml')) ? readTree(folder) : undefined;
    const loaded = files && loadProject(createMemorySource(files)).value;
    if (!loaded) return; // the example is not in this checkout (or does not load); its own tests say why
    const trip = roundTrip(loaded);
    // Patches edit generated objects; the import cannot tell them from hand-written fields, so it
    // reports each patched field as a loss, and the patched objects are compared without them.
    const patched = new Set<string>();
    for (const service of loaded.services) {
      for (const patch of service.spec.patches?.kubernetes ?? []) {
        patched.add(`${service.spec.name}/${patch.kind.toLowerCase()}.yaml`);
        for (const op of patch.ops) {
          expect(losses(trip.imported.issues)).toContainEqual(
            expect.objectContaining({ pointer: expect.stringMatching(`^${op.path}`) }),
          );
        }
      }
    }
    // The config hash covers env files as written (comments, order, path); a ConfigMap keeps only
    // their KEY=value pairs, so the hash lines are compared only for env files already in that form.
    const comparable = (tree: Record<string, string>): Record<string, string> =>
      Object.fromEntries(
        Object.entries(tree)
          .filter(([path]) => !patched.has(path))
          .map(([path, content]) => [
            path,
            content.replace(/^.*(twinform-hash|twinform\.dev\/config-hash):.*\n/gm, ''),
          ]),
      );
    expect(comparable(trip.second)).toEqual(comparable(trip.first));
    const unpatched = (project: LoadedProject): LoadedProject => ({
      ...project,
      services: project.services.map((service) => ({ ...service, spec: { ...service.spec, patches: undefined } })),
    });
    expect(canonicalProject(trip.reloaded)).toEqual(canonicalProject(unpatched(loaded)));
  });

  test('env files in KEY=value form come back byte for byte, config hash included', () => {
    const loaded = load(SHOP);
    const trip = roundTrip(loaded);
    expect(trip.second['api/deployment.yaml']).toContain('twinform.dev/config-hash');
    expect(trip.second['api/deployment.yaml']).toBe(trip.first['api/deployment.yaml']);
  });

  test('property: for random valid specs, generate → import → generate is a fixed point and the spec comes back', () => {
    fc.assert(
      fc.property(loadedProjects, (generated) => {
        const loaded = loadProject(createMemorySource(projectFiles(generated))).value;
        expect(loaded).toBeDefined();
        const trip = roundTrip(loaded!);
        expect(trip.second).toEqual(trip.first);
        expect(losses(trip.imported.issues)).toEqual([]);
        expect(canonicalProject(trip.reloaded)).toEqual(canonicalProject(loaded!));
      }),
      { numRuns: 40 },
    );
  });
});
