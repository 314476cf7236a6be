import { createMemorySource, loadProject } from '@twinform/spec';
import type { ProjectSource } from '@twinform/spec';
import { BACKEND, PROJECT_FILE, errorsOf, load, onlyError, onlyWarning } from './helpers';

const WEB = `name: web
build:
  context: .
ports:
  - name: http
    port: 3000
    expose: ingress
    ingress:
      - host: shop.example.com
        path: /
env:
  API_URL: http://\${backend.http}
  LOG_LEVEL: { config: app, key: LOG_LEVEL }
envFiles: [config/app.env]
configs:
  - name: nginx
    file: nginx.conf
    mountPath: /etc/nginx/conf.d/default.conf
dependsOn:
  - { service: backend, condition: healthy }
`;

describe('loadProject', () => {
  test('loads a valid project: services sorted by name, referenced files as assets', () => {
    const result = load({
      'services/web/service.yaml': WEB,
      'services/web/nginx.conf': 'server {}\n',
      'services/web/config/app.env': 'LOG_LEVEL=info\n',
      'services/backend/service.yaml': BACKEND,
      'services/backend/README.md': 'not a spec',
    });
    expect(errorsOf(result)).toEqual([]);
    expect(result.warnings).toEqual([]);
    const project = result.value!;
    expect(project.projectFile).toBe('twinform.yaml');
    expect(project.project.name).toBe('shop');
    expect(project.services.map((service) => [service.spec.name, service.file, service.dir, service.pointer])).toEqual([
      ['backend', 'services/backend/service.yaml', 'services/backend', ''],
      ['web', 'services/web/service.yaml', 'services/web', ''],
    ]);
    expect(project.assets).toEqual({
      'services/web/config/app.env': 'LOG_LEVEL=info\n',
      'services/web/nginx.conf': 'server {}\n',
    });
  });

  test('inline services in twinform.yaml load next to service files, pointing into the project file', () => {
    const result = load({
      'twinform.yaml': `${PROJECT_FILE}services:\n  - name: redis\n    image: redis:7.4-alpine\n`,
      'services/backend/service.yaml': BACKEND,
    });
    expect(errorsOf(result)).toEqual([]);
    expect(
      result.value?.services.map((service) => [service.spec.name, service.file, service.dir, service.pointer]),
    ).toEqual([
      ['backend', 'services/backend/service.yaml', 'services/backend', ''],
      ['redis', 'twinform.yaml', '', '/services/0'],
    ]);
  });

  test('serviceFiles globs replace the default and resolve against the project file folder', () => {
    const files = {
      'app/twinform.yaml': 'name: shop\nserviceFiles: ["specs/*.yaml"]\n',
      'app/specs/backend.yaml': BACKEND,
      'app/services/ignored/service.yaml': 'name: ignored\n',
    };
    const result = loadProject(createMemorySource(files), 'app/twinform.yaml');
    expect(errorsOf(result)).toEqual([]);
    expect(result.value?.services.map((service) => [service.file, service.dir])).toEqual([
      ['app/specs/backend.yaml', 'app/specs'],
    ]);
  });

  test('entries the globs reach but the source does not follow are reported: an error when they may hide a spec', () => {
    const memory = createMemorySource({ 'twinform.yaml': PROJECT_FILE, 'services/backend/service.yaml': BACKEND });
    const source: ProjectSource = {
      ...memory,
      globWithRefusals: (patterns) => ({
        files: memory.glob(patterns),
        refused: [
          { path: 'services/evil', reason: 'services/evil is a link out', hint: 'remove it', blocking: true },
          { path: 'services/alias', reason: 'services/alias is skipped', hint: 'list it', blocking: false },
        ],
      }),
    };
    const result = loadProject(source);
    expect(result.value).toBeUndefined();
    expect(errorsOf(result)).toEqual(['services/evil services/evil is a link out (hint: remove it)']);
    expect(result.warnings).toEqual([expect.objectContaining({ file: 'services/alias', code: 'io' })]);
  });

  test('a missing project file is an error naming the file and what to do', () => {
    const result = loadProject(createMemorySource({}));
    expect(onlyError(result)).toBe(
      'twinform.yaml cannot read the project file twinform.yaml: no such file (hint: run gen inside a twinform project (a folder with twinform.yaml, or below it), or pass --root DIR)',
    );
    expect(result.value).toBeUndefined();
  });

  test('a project without services is a warning, not an error', () => {
    const result = load({});
    expect(result.errors).toEqual([]);
    expect(onlyWarning(result)).toContain('twinform.yaml no services found (serviceFiles: services/*/service.yaml)');
    expect(result.value?.services).toEqual([]);
  });

  test('value is withheld whenever there is an error', () => {
    const result = load({ 'services/backend/service.yaml': BACKEND.replace('port: 3001', 'port: 0') });
    expect(result.errors).toHaveLength(1);
    expect(result.value).toBeUndefined();
  });

  test('a source that throws or returns garbage gives an io error, never an exception', () => {
    const throwing: ProjectSource = {
      readFile: (path) => {
        if (path === 'twinform.yaml') return { ok: true, content: 'name: shop\n' };
        throw new Error('EACCES: permission denied');
      },
      glob: () => ['services/backend/service.yaml'],
    };
    expect(onlyError(loadProject(throwing))).toBe(
      'services/backend/service.yaml cannot read services/backend/service.yaml: EACCES: permission denied (hint: check that the file exists, is readable and is not a link leading out of the project)',
    );
    const globThrows: ProjectSource = {
      readFile: () => ({ ok: true, content: 'name: shop\n' }),
      glob: () => {
        throw new Error('ELOOP');
      },
    };
    expect(onlyError(loadProject(globThrows))).toContain('cannot list service files (services/*/service.yaml): ELOOP');
    const garbage = { readFile: () => null, glob: () => null } as unknown as ProjectSource;
    expect(onlyError(loadProject(garbage))).toContain('cannot read the project file twinform.yaml: unreadable');
  });

  test('a glob result outside the project is refused', () => {
    const source: ProjectSource = {
      readFile: (path) =>
        path === 'twinform.yaml' ? { ok: true, content: 'name: shop\n' } : { ok: true, content: BACKEND },
      glob: () => ['../elsewhere/service.yaml'],
    };
    expect(onlyError(loadProject(source))).toContain("service file '../elsewhere/service.yaml' is outside the project");
  });
});
