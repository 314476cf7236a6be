import { errorsOf, load, loadWeb, onlyError } from './helpers';

const web = (body: string): string => `name: web\nimage: nginx:1.27\n${body}`;

describe('schema errors read like instructions', () => {
  test("a misspelled key gets a did-you-mean: 'imgae' → 'image'", () => {
    expect(onlyError(loadWeb('name: web\nimgae: nginx:1.27\nbuild: {}\n'))).toBe(
      "services/web/service.yaml:2:1 unknown field 'imgae' (hint: did you mean 'image'?)",
    );
  });

  test('did-you-mean works at any depth, against the keys allowed there', () => {
    const spec = web('ports:\n  - name: http\n    port: 80\n    expsoe: published\n');
    expect(onlyError(loadWeb(spec))).toBe(
      "services/web/service.yaml:6:5 ports[0]: unknown field 'expsoe' (hint: did you mean 'expose'?)",
    );
  });

  test('compose spellings are recognised (depends_on → dependsOn, environment → env)', () => {
    const errors = errorsOf(loadWeb(web('depends_on: [backend]\nenvironment:\n  A: b\n')));
    expect(errors).toEqual([
      "services/web/service.yaml:3:1 unknown field 'depends_on' (hint: did you mean 'dependsOn'?)",
      "services/web/service.yaml:4:1 unknown field 'environment' (hint: twinform calls it env (a map of variables); 'environments' holds per-environment overrides)",
    ]);
  });

  test('an unknown key without a close match lists the allowed keys', () => {
    expect(onlyError(loadWeb(web('user:\n  uid: 1000\n  shell: bash\n')))).toBe(
      "services/web/service.yaml:5:3 user: unknown field 'shell' (hint: allowed fields here: uid, gid)",
    );
  });

  test('a wrong type names expected and found, and how to write it', () => {
    expect(onlyError(loadWeb(web('ports:\n  - name: http\n    port: "80"\n')))).toBe(
      'services/web/service.yaml:5:11 ports[0].port: expected an integer, found the string "80" (hint: remove the quotes: 80)',
    );
    expect(onlyError(loadWeb(web('replicas: [2]\n')))).toBe(
      'services/web/service.yaml:3:11 replicas: expected an integer, found a list (hint: Number of instances (Kubernetes replicas, compose deploy.replicas))',
    );
  });

  test('YAML 1.1 habits: 0644 must be quoted, yes is not a boolean', () => {
    expect(
      onlyError(loadWeb(web('configs:\n  - name: app\n    content: x\n    mountPath: /etc/app\n    mode: 0644\n'))),
    ).toBe(
      'services/web/service.yaml:7:11 configs[0].mode: expected a string, found the number 644 (hint: put the value in quotes: "0644" (unquoted, YAML reads 0644 as the number 644))',
    );
    expect(onlyError(loadWeb(web('security:\n  readOnlyRootFilesystem: yes\n')))).toBe(
      'services/web/service.yaml:4:27 security.readOnlyRootFilesystem: expected a boolean, found the string "yes" (hint: write true or false (YAML 1.2 reads yes as a string))',
    );
  });

  test('an enum lists the allowed values and suggests the closest', () => {
    expect(onlyError(loadWeb(web('ports:\n  - name: dns\n    port: 53\n    protocol: udp\n')))).toBe(
      'services/web/service.yaml:6:15 ports[0].protocol: expected one of TCP, UDP, found the string "udp" (hint: did you mean \'UDP\'?)',
    );
    expect(onlyError(loadWeb(web('workload: cron\n')))).toContain(
      'services/web/service.yaml:3:11 workload: expected one of service, stateful, job, cronjob, daemon, found the string "cron"',
    );
  });

  test('numbers out of range give the range', () => {
    expect(onlyError(loadWeb(web('ports:\n  - name: http\n    port: 70000\n')))).toBe(
      'services/web/service.yaml:5:11 ports[0].port: expected a number from 1 to 65535, found 70000 (hint: Port number the container listens on)',
    );
    expect(onlyError(loadWeb(web('replicas: -1\n')))).toContain(
      'services/web/service.yaml:3:11 replicas: expected a number >= 0, found -1',
    );
  });

  test('a missing required field points at the object that needs it', () => {
    expect(onlyError(loadWeb(web('ports:\n  - name: http\n    expose: published\n')))).toBe(
      "services/web/service.yaml:4:5 ports[0]: missing required field 'port' (hint: add port: … (Port number the container listens on))",
    );
    expect(onlyError(loadWeb('image: nginx:1.27\n'))).toBe(
      "services/web/service.yaml:1:1 missing required field 'name' (hint: add name: backend (Service name: a DNS-1035 label (lowercase letters, digits and '-', starting with a letter, at most 52 characters)))",
    );
  });

  test('env values: one message instead of five anyOf branches', () => {
    expect(onlyError(loadWeb(web('env:\n  PORTS: [80, 443]\n')))).toBe(
      'services/web/service.yaml:4:10 env.PORTS: expected a string, number, boolean, {secret} or {config,key}, found a list (hint: A literal (numbers and booleans are written as strings), a reference to a secret key, or a reference to a config entry.)',
    );
    expect(onlyError(loadWeb(web('env:\n  EMPTY:\n')))).toBe(
      "services/web/service.yaml:4:3 env.EMPTY: expected a string, number, boolean, {secret} or {config,key}, found an empty value (null) (hint: write a value after the colon (quote '' for an empty string), or remove the line)",
    );
  });

  test('env values: a mapping is checked against the alternative it resembles', () => {
    expect(onlyError(loadWeb(web('env:\n  DB_PASSWORD: { secret: db, kye: password }\n')))).toBe(
      "services/web/service.yaml:4:30 env.DB_PASSWORD: unknown field 'kye' (hint: did you mean 'key'?)",
    );
    expect(onlyError(loadWeb(web('env:\n  DB_PASSWORD: { secrt: db }\n')))).toBe(
      "services/web/service.yaml:4:16 env.DB_PASSWORD: expected a string, number, boolean, {secret} or {config,key}, found a mapping with 'secrt' (hint: did you mean 'secret' instead of 'secrt'?)",
    );
    expect(onlyError(loadWeb(web('env:\n  LEVEL: { config: app }\n')))).toBe(
      "services/web/service.yaml:4:10 env.LEVEL: missing required field 'key' (hint: add key: … (Key in that env file))",
    );
  });

  test('dependsOn entries: string or {service}, with did-you-mean inside the mapping', () => {
    expect(onlyError(loadWeb(web('dependsOn:\n  - servce: backend\n')))).toBe(
      "services/web/service.yaml:4:5 dependsOn[0]: unknown field 'servce' (hint: did you mean 'service'?)",
    );
    expect(onlyError(loadWeb(web('dependsOn:\n  - 3\n')))).toBe(
      'services/web/service.yaml:4:5 dependsOn[0]: expected a string or {service}, found the number 3',
    );
  });

  test('a YAML merge key is explained', () => {
    const spec = 'name: web\nx-defaults: &defaults\n  image: nginx:1.27\n<<: *defaults\n';
    expect(errorsOf(loadWeb(spec))).toEqual([
      "services/web/service.yaml:2:1 unknown field 'x-defaults' (hint: allowed fields here: name, description, workload, image, build, command, args, workingDir, user, ports, env, envFiles, configs, secrets, volumes, health, resources, replicas, autoscaling, disruption, rollout, terminationGracePeriodSeconds, job, schedule, dependsOn, allowFrom, labels, annotations, security, external, patches, environments)",
      "services/web/service.yaml:4:1 unknown field '<<' (hint: YAML merge keys (<<) are not supported: write the fields out (environments: covers per-environment differences))",
    ]);
  });

  test('inline services report paths inside twinform.yaml', () => {
    const result = load({ 'twinform.yaml': 'name: shop\nservices:\n  - name: redis\n    imgae: redis:7\n' });
    expect(onlyError(result)).toBe(
      "twinform.yaml:4:5 services[0]: unknown field 'imgae' (hint: did you mean 'image'?)",
    );
  });

  test('project file errors have positions and did-you-means too', () => {
    expect(onlyError(load({ 'twinform.yaml': 'name: shop\nenvironmnets:\n  dev: {}\n' }))).toBe(
      "twinform.yaml:2:1 unknown field 'environmnets' (hint: did you mean 'environments'?)",
    );
    expect(onlyError(load({ 'twinform.yaml': 'name: shop\nenvironments:\n  dev: { locl: true }\n' }))).toBe(
      "twinform.yaml:3:10 environments.dev: unknown field 'locl' (hint: did you mean 'local'?)",
    );
  });
});
