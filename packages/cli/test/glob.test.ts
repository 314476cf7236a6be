import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { DiskProjectSource } from '../src/disk-source';
import { makeProject, removeProject } from './helpers';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

/** The fast folder-by-folder matcher finds exactly what tinyglobby finds for the patterns it takes. */
describe('DiskProjectSource.glob on plain and wildcard segments', () => {
  const root = makeProject({
    'twinform.yaml': '',
    'services/api/service.yaml': '',
    'services/api/service.yml': '',
    'services/web/service.yaml': '',
    'services/.hidden/service.yaml': '',
    'services/node_modules/service.yaml': '',
    'services/a1/service.yaml': '',
    'services/ab/service.yaml': '',
    'services/deep/nested/service.yaml': '',
    'services/file.yaml': '',
    'services/(odd)+name/service.yaml': '',
    '.config/service.yaml': '',
    'apps/x/service.yaml': '',
  });
  roots.push(root);
  mkdirSync(join(root, 'services/empty'));
  symlinkSync(join(root, 'services/api'), join(root, 'services/linked'));
  symlinkSync(join(root, 'services/api/service.yaml'), join(root, 'services/web/link.yaml'));
  const write = (path: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  };
  write('services/api/config/app.json');
  const source = new DiskProjectSource(root);

  it.each([
    ['services/*/service.yaml'],
    ['services/*/service.y*ml'],
    ['services/*'],
    ['services/a?/service.yaml'],
    ['services/(odd)+name/service.yaml'],
    ['*/x/service.yaml'],
    ['services/*/*'],
    ['.config/service.yaml'],
    ['*/service.yaml'],
    ['services/web/*'],
    ['missing/*/service.yaml'],
    ['./services/*/service.yaml'],
    ['services/api/service.yaml', 'services/*/service.yaml'],
  ])('%s', (...patterns) => {
    const expected = globSync(patterns, {
      cwd: root,
      onlyFiles: true,
      followSymbolicLinks: false,
      expandDirectories: false,
      ignore: ['**/node_modules/**', '**/.git/**'],
    }).sort();
    expect(source.glob(patterns)).toEqual(expected);
  });
});
