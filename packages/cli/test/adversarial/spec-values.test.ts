/**
 * Well-formed YAML with hostile or wrong values: types where strings are expected (and YAML 1.1
 * ambiguities), out-of-range numbers, names that are paths, cycles, dangling references, paths
 * leaving the project. Each: exit 1 from gen, gen validate and gen check, file:line:col, a fix,
 * nothing written.
 */
import { brokenProject, expectRefusedByEveryCommand, PROJECT_FILES, WEB, API } from './project';

const web = PROJECT_FILES[WEB]!;
const api = PROJECT_FILES[API]!;
const project = PROJECT_FILES['twinform.yaml']!;

interface ValueCase {
  name: string;
  files: Record<string, string>;
  file: string;
  line: number;
  col?: number;
  mentions?: Array<string | RegExp>;
}

const webWith = (from: string, to: string): string => {
  if (!web.includes(from)) throw new Error(`the web spec has no '${from}'`);
  return web.replace(from, to);
};

const CASES: ValueCase[] = [
  // Types, and the YAML 1.1 habits that turn strings into numbers and booleans.
  {
    name: 'name: 0644 (an octal-looking number)',
    files: { [WEB]: webWith('name: web', 'name: 0644') },
    file: WEB,
    line: 1,
    col: 7,
    mentions: ['"0644"'],
  },
  {
    name: 'image: 1e3 (a float in YAML)',
    files: { [WEB]: webWith('image: ghcr.io/acme/web:1.0.0', 'image: 1e3') },
    file: WEB,
    line: 2,
    col: 8,
    mentions: ['"1e3"'],
  },
  {
    name: 'image: yes (a boolean in YAML 1.1 habits)',
    files: { [WEB]: webWith('image: ghcr.io/acme/web:1.0.0', 'image: true') },
    file: WEB,
    line: 2,
    col: 8,
    mentions: ['string'],
  },
  {
    name: 'image: null',
    files: { [WEB]: webWith('image: ghcr.io/acme/web:1.0.0', 'image: ~') },
    file: WEB,
    line: 2,
    mentions: ['image'],
  },
  {
    name: 'a port number written as a string',
    files: { [WEB]: webWith('port: 8080', 'port: "8080"') },
    file: WEB,
    line: 5,
    col: 11,
    mentions: ['remove the quotes'],
  },
  {
    name: 'a list where a string is expected',
    files: { [WEB]: webWith('name: web', 'name: [web]') },
    file: WEB,
    line: 1,
    col: 7,
  },
  {
    name: 'a mapping where a list is expected',
    files: { [WEB]: webWith('dependsOn: [api]', 'dependsOn: { api: true }') },
    file: WEB,
    line: 11,
    col: 12,
  },
  {
    name: 'a list where a mapping is expected',
    files: { [WEB]: webWith('  API_URL: http://${api.http}', '  - API_URL=http://${api.http}') },
    file: WEB,
    line: 10,
  },
  {
    name: 'replicas: yes',
    files: { [WEB]: `${web}replicas: yes\n` },
    file: WEB,
    line: 12,
    col: 11,
  },
  {
    name: 'a misspelled field',
    files: { [WEB]: `${web}replica: 2\n` },
    file: WEB,
    line: 12,
    col: 1,
    mentions: ["did you mean 'replicas'"],
  },
  // Numbers out of range.
  {
    name: 'port 0',
    files: { [WEB]: webWith('port: 8080', 'port: 0') },
    file: WEB,
    line: 5,
    col: 11,
    mentions: ['65535'],
  },
  {
    name: 'port 65536',
    files: { [WEB]: webWith('port: 8080', 'port: 65536') },
    file: WEB,
    line: 5,
    col: 11,
    mentions: ['65535'],
  },
  { name: 'port -1', files: { [WEB]: webWith('port: 8080', 'port: -1') }, file: WEB, line: 5, col: 11 },
  { name: 'port 80.5', files: { [WEB]: webWith('port: 8080', 'port: 80.5') }, file: WEB, line: 5, col: 11 },
  {
    name: 'a port number of 30 digits',
    files: { [WEB]: webWith('port: 8080', 'port: 123456789012345678901234567890') },
    file: WEB,
    line: 5,
    col: 11,
  },
  {
    name: 'a published host port out of range',
    files: { [API]: api.replace('    port: 3000', '    port: 3000\n    expose: published\n    hostPort: 70000') },
    file: API,
    line: 7,
    col: 15,
  },
  {
    name: 'negative replicas',
    files: { [WEB]: `${web}replicas: -1\n` },
    file: WEB,
    line: 12,
    col: 11,
    mentions: ['>= 0'],
  },
  { name: 'fractional replicas', files: { [WEB]: `${web}replicas: 1.5\n` }, file: WEB, line: 12, col: 11 },
  // Names that are paths, or not DNS labels.
  {
    name: 'a service name with uppercase and underscores',
    files: { [WEB]: webWith('name: web', 'name: Web_Server') },
    file: WEB,
    line: 1,
    col: 7,
    mentions: ['web-server'],
  },
  { name: "a service name '..'", files: { [WEB]: webWith('name: web', "name: '..'") }, file: WEB, line: 1, col: 7 },
  {
    name: 'a service name with a slash',
    files: { [WEB]: webWith('name: web', 'name: ../../outside/web') },
    file: WEB,
    line: 1,
    col: 7,
  },
  {
    name: 'a service name that is an absolute path',
    files: { [WEB]: webWith('name: web', 'name: /etc/passwd') },
    file: WEB,
    line: 1,
    col: 7,
  },
  {
    name: 'a service name with a NUL byte',
    files: { [WEB]: webWith('name: web', 'name: "we\\0b"') },
    file: WEB,
    line: 1,
    col: 7,
  },
  { name: 'an empty service name', files: { [WEB]: webWith('name: web', "name: ''") }, file: WEB, line: 1, col: 7 },
  {
    name: 'a service name of 300 characters',
    files: { [WEB]: webWith('name: web', `name: ${'w'.repeat(300)}`) },
    file: WEB,
    line: 1,
    col: 7,
  },
  {
    name: 'a port name with uppercase',
    files: { [WEB]: webWith('  - name: http', '  - name: HTTP_Main') },
    file: WEB,
    line: 4,
  },
  {
    name: 'an environment name that is a path',
    files: { 'twinform.yaml': `${project}  ../../outside: {}\n` },
    file: 'twinform.yaml',
    line: 6,
    col: 3,
  },
  // Env variable names.
  {
    name: "an env variable name with '='",
    files: { [WEB]: `${web.replace('dependsOn: [api]\n', '')}  'A=B': x\ndependsOn: [api]\n` },
    file: WEB,
    line: 11,
    col: 3,
    mentions: ["'='"],
  },
  {
    name: 'an env variable name with a space',
    files: { [WEB]: `${web.replace('dependsOn: [api]\n', '')}  'MY VAR': x\ndependsOn: [api]\n` },
    file: WEB,
    line: 11,
    col: 3,
  },
  {
    name: 'an empty env variable name',
    files: { [WEB]: `${web.replace('dependsOn: [api]\n', '')}  '': x\ndependsOn: [api]\n` },
    file: WEB,
    line: 11,
    col: 3,
  },
  {
    name: 'an env variable named __proto__',
    files: { [WEB]: `${web.replace('dependsOn: [api]\n', '')}  __proto__: x\ndependsOn: [api]\n` },
    file: WEB,
    line: 11,
    col: 3,
  },
  // Dependencies.
  {
    name: 'a dependency cycle',
    files: { [API]: `${api}dependsOn: [web]\n` },
    file: API,
    line: 9,
    mentions: ['cycle', 'api', 'web'],
  },
  {
    name: 'a three-service dependency cycle',
    files: {
      [API]: `${api}dependsOn: [db]\n`,
      'services/db/service.yaml':
        'name: db\nimage: postgres:16\nports:\n  - name: pg\n    port: 5432\ndependsOn: [web]\n',
    },
    file: API,
    line: 9,
    mentions: ['cycle'],
  },
  {
    name: 'a self-dependency',
    files: { [WEB]: webWith('dependsOn: [api]', 'dependsOn: [api, web]') },
    file: WEB,
    line: 11,
    col: 18,
    mentions: ['itself'],
  },
  // References to things that do not exist.
  {
    name: 'a dependency on an undefined service',
    files: { [WEB]: webWith('dependsOn: [api]', 'dependsOn: [payments]') },
    file: WEB,
    line: 11,
    col: 13,
    mentions: ['payments'],
  },
  {
    name: 'an env reference to an undefined service',
    files: { [WEB]: webWith('${api.http}', '${ghost.http}') },
    file: WEB,
    line: 10,
    mentions: ['ghost'],
  },
  {
    name: 'an env reference to an undefined port',
    files: { [WEB]: webWith('${api.http}', '${api.grpc}') },
    file: WEB,
    line: 10,
    mentions: ['grpc'],
  },
  {
    name: 'an env value from an undefined config',
    files: { [WEB]: webWith('  API_URL: http://${api.http}', '  API_URL: { config: nowhere, key: url }') },
    file: WEB,
    line: 10,
    mentions: ['nowhere'],
  },
  {
    name: 'an env value from a secret with an invalid name',
    files: { [WEB]: webWith('  API_URL: http://${api.http}', '  API_URL: { secret: ../../etc/shadow }') },
    file: WEB,
    line: 10,
  },
  {
    name: 'a config file that does not exist',
    files: { [WEB]: `${web}configs:\n  - name: app\n    file: app.conf\n    mountPath: /etc/app.conf\n` },
    file: WEB,
    line: 14,
    mentions: ['app.conf'],
  },
  {
    name: 'a probe on an undefined port',
    files: { [API]: api.replace('port: http }', 'port: admin }') },
    file: API,
    line: 8,
    mentions: ['admin'],
  },
  // Paths that leave the project.
  {
    name: 'a config file outside the project',
    files: {
      [WEB]: `${web}configs:\n  - name: app\n    file: ../../../outside/sentinel.txt\n    mountPath: /etc/app.conf\n`,
    },
    file: WEB,
    line: 14,
    mentions: ['project'],
  },
  {
    name: 'a config file given as an absolute path',
    files: { [WEB]: `${web}configs:\n  - name: app\n    file: /etc/passwd\n    mountPath: /etc/app.conf\n` },
    file: WEB,
    line: 14,
    mentions: ['absolute'],
  },
  {
    name: 'an env file outside the project',
    files: { [WEB]: `${web}envFiles: [../../../outside/sentinel.txt]\n` },
    file: WEB,
    line: 12,
    mentions: ['project'],
  },
  {
    name: 'a build context outside the project',
    files: { [WEB]: webWith('image: ghcr.io/acme/web:1.0.0', 'build: { context: ../../../outside }') },
    file: WEB,
    line: 2,
    mentions: ['project'],
  },
  {
    name: 'a compose output path outside the project',
    files: { 'twinform.yaml': `${project}output:\n  compose: ../outside/docker-compose.yml\n` },
    file: 'twinform.yaml',
    line: 7,
    col: 12,
  },
  {
    name: 'an absolute Kubernetes output folder',
    files: { 'twinform.yaml': `${project}output:\n  kubernetes: /tmp/k8s\n` },
    file: 'twinform.yaml',
    line: 7,
    col: 15,
    mentions: ['absolute'],
  },
  {
    name: 'a service file glob that leaves the project',
    files: { 'twinform.yaml': `${project}serviceFiles: ['../outside/*.yaml']\n` },
    file: 'twinform.yaml',
    line: 6,
  },
  {
    name: 'a templates folder outside the project',
    files: { 'twinform.yaml': `${project}templates: ../outside\n` },
    file: 'twinform.yaml',
    line: 6,
  },
];

describe.each(CASES)('a spec with $name', (testCase) => {
  it('is refused by gen, gen validate and gen check with file:line:col and a fix; nothing changes', async () => {
    const box = await brokenProject(testCase.files);
    await expectRefusedByEveryCommand(box, {
      file: testCase.file,
      line: testCase.line,
      ...(testCase.col === undefined ? {} : { col: testCase.col }),
      ...(testCase.mentions === undefined ? {} : { mentions: testCase.mentions }),
    });
  });
});
