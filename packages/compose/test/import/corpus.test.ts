/**
 * A fast subset of the real-world corpus (../shared/corpus): import, load the specs with the spec
 * loader, generate both outputs, and check them with the shared validator. The whole corpus runs
 * in `npm run corpus` (scripts/corpus-report.mjs). Skipped when ../shared is not there.
 */
import { join } from 'node:path';
import type { ComposeSource, LoadComposeOptions } from '../../src/import';
import { fromCompose, loadComposeProject } from '../../src/import';
import { CORPUS, folderSource, generateFrom, hasCorpus, hasValidator, importedFiles, validate } from './helpers';

const describeCorpus = hasCorpus ? describe : describe.skip;

function importSample(folder: string, file: string, options: Partial<LoadComposeOptions> = {}, source?: ComposeSource) {
  const loaded = loadComposeProject([file], source ?? folderSource(join(CORPUS, folder)), { env: {}, ...options });
  expect(loaded.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  const result = fromCompose(loaded.model!);
  expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  return { loaded, result };
}

/** Reads the sample folder, plus files the sample expects to be created at run time. */
function withExtraFiles(folder: string, extra: Record<string, string>): ComposeSource {
  const disk = folderSource(join(CORPUS, folder));
  return {
    readFile: (path) => (extra[path] !== undefined ? { ok: true, content: extra[path]! } : disk.readFile(path)),
  };
}

describeCorpus('corpus subset', () => {
  it.each([
    ['awesome-compose/nginx-golang-mysql', 'compose.yaml', true],
    ['awesome-compose/react-java-mysql', 'compose.yaml', true],
    ['awesome-compose/prometheus-grafana', 'compose.yaml', false],
    ['awesome-compose/wordpress-mysql', 'compose.yaml', false],
    ['awesome-compose/elasticsearch-logstash-kibana', 'compose.yaml', false],
    ['paired/example-voting-app', 'compose.yaml', true],
  ])('%s imports, loads and generates valid outputs', (folder, file, runValidator) => {
    const { result } = importSample(folder, file);
    const generated = generateFrom(importedFiles(result));
    expect(generated.errors).toEqual([]);
    expect(Object.keys(generated.files)).toContain('docker-compose.yml');
    if (runValidator && hasValidator) expect(validate(generated.files)).toBe('');
  });

  it('netbox: a whole service anchored and merged into two others, an aliased healthcheck, ${VAR-default}', () => {
    const { result } = importSample('compose-extra/netbox-docker', 'docker-compose.yml');
    const byName = new Map(result.services.map((service) => [service.spec.name, service]));
    const netbox = byName.get('netbox')!.spec;
    const worker = byName.get('netbox-worker')!.spec;
    expect(netbox.image).toBe('docker.io/netboxcommunity/netbox:v4.1-3.0.2');
    expect(worker.image).toBe(netbox.image);
    expect(worker.envFiles).toEqual(['netbox.env']);
    expect(worker.args).toEqual(['/opt/netbox/venv/bin/python', '/opt/netbox/netbox/manage.py', 'rqworker']);
    expect(worker.dependsOn).toEqual([{ service: 'netbox', condition: 'healthy' }]);
    expect(worker.volumes?.map((volume) => volume.mountPath)).toEqual(
      netbox.volumes?.map((volume) => volume.mountPath),
    );
    expect(byName.get('redis-cache')!.spec.health).toEqual(byName.get('redis')!.spec.health);
    expect(netbox.volumes?.[0]).toEqual({
      name: 'config',
      mountPath: '/etc/netbox/config',
      type: 'bind',
      source: '../../configuration',
      readOnly: true,
    });
    // The named user and the SELinux relabel option cannot be carried; each has a line at the anchor.
    expect(result.issues.filter((issue) => issue.pointer === '/services/netbox/user')).toEqual([
      expect.objectContaining({ file: 'docker-compose.yml', line: 9 }),
    ]);
    expect(
      result.issues.some(
        (issue) => issue.pointer === '/services/netbox/volumes' && issue.message.includes('mount option z'),
      ),
    ).toBe(true);
    const generated = generateFrom(importedFiles(result));
    expect(generated.errors).toEqual([]);
    if (hasValidator) expect(validate(generated.files)).toBe('');
  });

  it('airflow: x- anchors, merge keys inside environment and depends_on, profiles, completed dependencies', () => {
    // The sample's .env is created by its users (and not in the corpus); compose refuses to run without it.
    const { loaded, result } = importSample(
      'compose-extra/airflow',
      'docker-compose.yaml',
      {},
      withExtraFiles('compose-extra/airflow', { '.env': 'AIRFLOW_UID=50000\n' }),
    );
    expect(loaded.model!.services.map((service) => service.name)).toEqual([
      'airflow-apiserver',
      'airflow-dag-processor',
      'airflow-init',
      'airflow-scheduler',
      'airflow-triggerer',
      'airflow-worker',
      'postgres',
      'redis',
    ]);
    expect(loaded.issues.filter((issue) => issue.message.includes('profiles')).map((issue) => issue.message)).toEqual([
      'Service airflow-cli is not imported: its profiles (debug) are not enabled.',
      'Service flower is not imported: its profiles (flower) are not enabled.',
    ]);
    const byName = new Map(result.services.map((service) => [service.spec.name, service.spec]));
    const worker = byName.get('airflow-worker')!;
    expect(worker.image).toBe('apache/airflow:|version|');
    expect(worker.user).toEqual({ uid: 50000, gid: 0 });
    expect(worker.env).toEqual(
      expect.objectContaining({ AIRFLOW__CORE__EXECUTOR: 'CeleryExecutor', DUMB_INIT_SETSID: '0' }),
    );
    expect(worker.dependsOn).toEqual([
      { service: 'redis', condition: 'healthy' },
      { service: 'postgres', condition: 'healthy' },
      { service: 'airflow-apiserver', condition: 'healthy' },
      { service: 'airflow-init', condition: 'completed' },
    ]);
    expect(byName.get('airflow-init')!.workload).toBe('job');
    expect(byName.get('airflow-dag-processor')!.health?.readiness?.exec?.command).toEqual([
      'sh',
      '-c',
      'airflow jobs check --job-type DagProcessorJob --hostname "${HOSTNAME}"',
    ]);
    const generated = generateFrom(importedFiles(result));
    expect(generated.errors).toEqual([]);
  });

  it('authentik: a missing required variable names the variable and the line', () => {
    const loaded = loadComposeProject(['docker-compose.yml'], folderSource(join(CORPUS, 'compose-extra/authentik')), {
      env: {},
    });
    expect(loaded.model).toBeUndefined();
    expect(loaded.issues.filter((issue) => issue.severity === 'error')[0]).toEqual(
      expect.objectContaining({
        file: 'docker-compose.yml',
        line: 17,
        message: expect.stringContaining('Required variable PG_PASS is not set'),
      }),
    );
  });
});
