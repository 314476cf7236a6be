import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DiskProjectSource } from '../src/disk-source';
import { managedFiles } from '../src/managed';
import { locateProject } from '../src/project';
import { makeProject, removeProject } from './helpers';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

function project(files: Record<string, string>): string {
  const root = makeProject(files);
  roots.push(root);
  return root;
}

describe('locateProject', () => {
  it('finds twinform.yaml from a nested folder upward', () => {
    const root = project({ 'twinform.yaml': 'name: x\n', 'services/api/src/main.ts': '' });
    expect(locateProject(join(root, 'services/api/src'), undefined)).toEqual({ ok: true, root });
  });

  it('uses --root relative to the working folder, and explains when it is wrong', () => {
    const root = project({ 'app/twinform.yaml': 'name: x\n', 'other/readme': '' });
    expect(locateProject(root, 'app')).toEqual({ ok: true, root: join(root, 'app') });
    expect(locateProject(root, 'other')).toMatchObject({
      ok: false,
      issue: { severity: 'error', message: '--root other: the folder has no twinform.yaml' },
    });
    expect(locateProject(root, 'missing')).toMatchObject({
      ok: false,
      issue: { message: '--root missing: no such folder' },
    });
  });

  it('reports a missing project file with a hint', () => {
    const root = project({ 'readme.md': '' });
    const location = locateProject(root, undefined);
    expect(location.ok).toBe(false);
    if (!location.ok) {
      expect(location.issue.message).toMatch(/^no twinform\.yaml found in .* or any folder above it$/);
      expect(location.issue.hint).toContain('--root DIR');
    }
  });
});

describe('DiskProjectSource', () => {
  function sourceWithOutsideLinks() {
    const outside = project({ 'secret.yaml': 'password: x\n', 'more/service.yaml': 'name: evil\n' });
    const root = project({
      'twinform.yaml': 'name: x\n',
      'services/api/service.yaml': 'name: api\n',
      'services/api/config.json': '{}',
    });
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'services/api/linked.yaml'));
    symlinkSync(join(outside, 'more'), join(root, 'services/evil'));
    return new DiskProjectSource(root);
  }

  it('reads project files', () => {
    const source = sourceWithOutsideLinks();
    expect(source.readFile('services/api/service.yaml')).toEqual({ ok: true, content: 'name: api\n' });
    expect(source.root).toBe(realpathSync(source.root));
  });

  it.each([
    ['/etc/passwd', 'absolute paths are not allowed'],
    ['services/../../x', "'..' is not allowed"],
    ['..\\x', "'..' is not allowed"],
    ['services/api/linked.yaml', 'symbolic link that leads outside the project folder'],
    ['services/evil/service.yaml', 'symbolic link that leads outside the project folder'],
    ['services/none.yaml', 'services/none.yaml does not exist'],
    ['services/api', 'services/api is a folder, not a file'],
  ])('refuses %s with a reason', (path, reason) => {
    const read = sourceWithOutsideLinks().readFile(path);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toContain(reason);
  });

  it('globs inside the project without following symbolic links, sorted', () => {
    const source = sourceWithOutsideLinks();
    mkdirSync(join(source.root, 'services/web'));
    expect(source.glob(['services/*/service.yaml'])).toEqual(['services/api/service.yaml']);
    expect(source.glob(['services/api/*'])).toEqual(['services/api/config.json', 'services/api/service.yaml']);
    expect(source.glob(['../*/secret.yaml', '/etc/*'])).toEqual([]);
  });

  it('names every symbolic link the service globs reach, and where it leads', () => {
    const source = sourceWithOutsideLinks();
    mkdirSync(join(source.root, 'apps/web'), { recursive: true });
    symlinkSync(join(source.root, 'apps/web'), join(source.root, 'services/web'));
    symlinkSync(join(source.root, 'gone'), join(source.root, 'services/dangling'));
    const outside = realpathSync(join(source.root, 'services/evil'));
    for (const patterns of [['services/*/service.yaml'], ['services/**/service.yaml']]) {
      const { files, refused } = source.globWithRefusals(patterns);
      expect(files).toEqual(['services/api/service.yaml']);
      expect(refused).toEqual([
        expect.objectContaining({
          path: 'services/dangling',
          reason: `services/dangling is a symbolic link to ${join(source.root, 'gone')}, which does not exist (or cannot be read)`,
          blocking: true,
        }),
        expect.objectContaining({
          path: 'services/evil',
          reason: `services/evil is a symbolic link that leads outside the project folder (to ${outside}): gen reads no spec through it`,
          hint: 'replace the link with the real folder inside the project, or remove it',
          blocking: true,
        }),
        expect.objectContaining({ path: 'services/web', blocking: false }),
      ]);
    }
    // The file-level link in services/api is reached only by patterns that could match it.
    expect(source.globWithRefusals(['services/api/*.yaml']).refused.map((entry) => entry.path)).toEqual([
      'services/api/linked.yaml',
    ]);
    expect(source.globWithRefusals(['services/api/service.yaml']).refused).toEqual([]);
  });

  it('names the link a refused read goes through', () => {
    const read = sourceWithOutsideLinks().readFile('services/evil/service.yaml');
    expect(read).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^services\/evil\/service\.yaml: services\/evil is a symbolic link that leads outside the project folder \(to \/.+\/more\)$/,
      ),
      hint: 'gen reads nothing outside the project: replace the link with a copy of what it points to, or remove it',
    });
  });

  it('lists the files gen owns: the compose file and everything under the Kubernetes folder', () => {
    const root = project({
      'twinform.yaml': 'name: x\n',
      'docker-compose.yml': '',
      'k8s/base/a/deployment.yaml': '',
      'k8s/overlays/dev/.hidden': '',
      'services/a/service.yaml': '',
    });
    const source = new DiskProjectSource(root);
    expect(managedFiles(source, { composeFile: 'docker-compose.yml', kubernetesDir: 'k8s' })).toEqual([
      'docker-compose.yml',
      'k8s/base/a/deployment.yaml',
      'k8s/overlays/dev/.hidden',
    ]);
    expect(managedFiles(source, { composeFile: 'compose.yaml', kubernetesDir: 'deploy/k8s' })).toEqual([]);
    expect(managedFiles(source, { composeFile: '../x.yml', kubernetesDir: '../' })).toEqual([]);
  });
});
