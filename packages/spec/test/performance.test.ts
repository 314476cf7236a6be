import { createMemorySource, loadProject } from '@twinform/spec';

/** A realistic service: ingress, references, a secret, a dependency, probes, resources and an override. */
function serviceSpec(index: number, count: number): string {
  const name = `svc-${index}`;
  const dependency = index > 0 ? `dependsOn:\n  - svc-${index - 1}\n` : '';
  return `name: ${name}
image: registry.example.com/${name}:1.0.${index}
ports:
  - name: http
    port: 8080
    expose: ingress
    ingress:
      - host: ${name}.example.com
        path: /
env:
  LOG_LEVEL: info
  NEXT_URL: http://\${svc-${(index + 1) % count}.http}
  DB_PASSWORD: { secret: db-${index} }
${dependency}health:
  readiness:
    http: { port: http, path: /healthz }
resources:
  requests: { cpu: 100m, memory: 128Mi }
  limits: { cpu: 500m, memory: 256Mi }
environments:
  prod:
    replicas: 3
`;
}

test('a project of 1,000 services loads well under a second', () => {
  const count = 1000;
  const files: Record<string, string> = {
    'twinform.yaml': 'name: big\nenvironments:\n  dev: { local: true }\n  prod: {}\n',
  };
  for (let index = 0; index < count; index += 1)
    files[`services/svc-${index}/service.yaml`] = serviceSpec(index, count);
  // Compiling the validators happens once per process; it is not part of loading a project.
  loadProject(createMemorySource({ 'twinform.yaml': 'name: warm\n' }));

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = loadProject(createMemorySource(files));
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  expect(result.errors).toEqual([]);
  expect(result.value?.services).toHaveLength(count);
  // CPU time, because wall time on a shared CI machine measures the neighbours too.
  expect({ cpuMs: Math.round(cpuMs), under: cpuMs < 1000 }).toEqual({ cpuMs: Math.round(cpuMs), under: true });
  expect(wall).toBeGreaterThan(0);
});
