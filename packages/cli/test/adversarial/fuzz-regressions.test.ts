/**
 * Every crash `npm run fuzz` found, as the smallest input that still shows it (see
 * docs/robustness.md). Each must now end in a result or a clear error: exit 0 with a report and
 * an imported spec that validates, or exit 1 with a message naming the file; never a stack
 * trace, an internal error or JavaScript's "[object Object]".
 */
import { expectCleanFailure, expectNoChanges, genInProcess, sandbox, type Run } from './harness';

interface Regression {
  name: string;
  /** What the fuzzer (or the probing behind this suite) saw. */
  found: string;
  command: 'compose' | 'k8s';
  input: string;
}

const REGRESSIONS: Regression[] = [
  {
    name: 'a compose service key named __proto__',
    found: "TypeError: Cannot read properties of undefined (reading 'charAt') in the compose importer",
    command: 'compose',
    input: 'services:\n  web:\n    image: nginx:1.27\n    __proto__:\n      a: b\n',
  },
  {
    name: '10,000 nested ${VAR:-...} defaults in a compose value',
    found: 'RangeError: Maximum call stack size exceeded in the interpolation of the compose importer',
    command: 'compose',
    input: `services:\n  web:\n    image: ${'${A:-'.repeat(10_000)}nginx${'}'.repeat(10_000)}\n`,
  },
  {
    name: 'an include entry whose path is an empty list',
    found:
      'TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string (compose loader, applyIncludes)',
    command: 'compose',
    input: 'include:\n  - path: []\nservices:\n  web:\n    image: nginx:1.27\n',
  },
  {
    name: 'an env_file named __proto__',
    found: 'TypeError: content.replace is not a function (compose importer, parseDotenv)',
    command: 'compose',
    input: 'services:\n  web:\n    image: nginx:1.27\n    env_file: __proto__\n',
  },
  {
    name: 'an environment entry named toString without a value',
    found: 'TypeError: value.matchAll is not a function (compose importer, envText)',
    command: 'compose',
    input: 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - toString\n',
  },
  {
    name: 'a manifest of kind toString',
    found: 'Error: Tag not resolved for Function value (a function from an object lookup reached the imported spec)',
    command: 'k8s',
    input:
      'apiVersion: apps/v1\nkind: toString\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n      containers: [{ name: web, image: nginx:1.27 }]\n',
  },
  {
    name: 'a published port that is a mapping',
    found: "'compose picks a host port from the range [object Object]' from the compose importer (and exit 0)",
    command: 'compose',
    input:
      'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: { from: 8000 }\n',
  },
  {
    name: 'a resource limit that is a mapping',
    found: "'limits of gpu ([object Object]) is not supported' from the Kubernetes importer",
    command: 'k8s',
    input:
      'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: p\n      image: busybox:1.37\n      resources:\n        limits:\n          gpu: { count: 1 }\n',
  },
  {
    name: 'a Service targetPort that is a mapping',
    found: "'targetPort [object Object] is no port number' from the Kubernetes importer",
    command: 'k8s',
    input:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  selector: { matchLabels: { app: api } }\n  template:\n    metadata: { labels: { app: api } }\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1\n          ports: [{ containerPort: 8080, name: http }]\n---\napiVersion: v1\nkind: Service\nmetadata: { name: api }\nspec:\n  selector: { app: api }\n  ports:\n    - port: 80\n      targetPort: { name: http }\n',
  },
  {
    name: 'an autoscaler whose target kind is a mapping',
    found: "'the autoscaler targets [object Object] ...' from the Kubernetes importer",
    command: 'k8s',
    input:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec:\n  selector: { matchLabels: { app: api } }\n  template:\n    metadata: { labels: { app: api } }\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: api }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: { name: Deployment }, name: api }\n  minReplicas: 1\n  maxReplicas: 3\n',
  },
  {
    name: 'a service mem_limit that is a mapping',
    found:
      "'services.foo.mem_limit: [object Object] is not a size.' from the compose importer (npm run fuzz, seed 20240611)",
    command: 'compose',
    input: 'services:\n  foo:\n    image: nginx:1.27\n    mem_limit: { k: 512m }\n',
  },
];

const NO_CRASH = [
  /\n\s+at .+:\d+:\d+/,
  /internal error/i,
  /\b(TypeError|RangeError)\b/,
  /\[object Object\]/,
  /Maximum call stack/,
];

/** A result (exit 0, a clean report, a spec that validates) or a clear error (exit 1, file named). */
async function expectResultOrCleanError(run: Run, file: string, validate: () => Promise<Run>): Promise<void> {
  if (run.code === 0) {
    for (const pattern of NO_CRASH) expect(run.stderr + run.stdout).not.toMatch(pattern);
    const validation = await validate();
    if (validation.code !== 0) throw new Error(`the import succeeded but its spec is not valid:\n${validation.stderr}`);
    return;
  }
  expectCleanFailure(run, { file });
}

describe('fuzz regression: ${constructor} and ${toString} in a compose file', () => {
  // Found while reducing the toString crash: variables were looked up in a plain object, so these
  // names resolved to JavaScript functions and their source text was imported as the image tag.
  it('are unset variables (empty, as in docker compose), never function source text', async () => {
    const box = sandbox().write({
      'in/compose.yaml':
        'services:\n  web:\n    image: nginx:1.27${constructor}\n    command: ["echo", "${toString}", "${hasOwnProperty:-fallback}"]\n',
    });
    const run = await genInProcess(['import', 'compose', 'in/compose.yaml', '--out', 'out'], box.root);
    expect(run.code).toBe(0);
    const spec = box.read('out/services/web/service.yaml');
    expect(spec).not.toContain('[native code]');
    expect(spec).toMatch(/image: nginx:1\.27\n/);
    expect(spec).toContain('fallback');
  });
});

describe('fuzz regression: patches of the whole generated object (path "")', () => {
  // A valid spec crashed `gen` in the Kubernetes overlay builder ("Cannot read properties of
  // undefined (reading 'name')"), and turned the compose service into a string (exit 0).
  const patched = (patches: string): Record<string, string> => ({
    'project/twinform.yaml': 'name: shop\n',
    'project/services/api/service.yaml': `name: api\nimage: ghcr.io/acme/api:1.0.0\nuser: { uid: 1000 }\npatches:\n${patches}`,
  });
  it.each([
    [
      'kubernetes add',
      '  kubernetes:\n    - kind: Deployment\n      ops:\n        - op: add\n          path: ""\n          value: high\n',
    ],
    [
      'kubernetes remove',
      '  kubernetes:\n    - kind: Deployment\n      ops:\n        - op: remove\n          path: ""\n',
    ],
    ['compose add', '  compose:\n    - op: add\n      path: ""\n      value: high\n'],
    ['compose remove', '  compose:\n    - op: remove\n      path: ""\n'],
  ])('%s: exit 1 naming the service file, nothing written', async (_name, patches) => {
    const box = sandbox().write(patched(patches));
    const before = box.snapshot();
    const run = await genInProcess([], box.path('project'));
    expectCleanFailure(run, { file: 'services/api/service.yaml', mentions: ['patch'] });
    expectNoChanges(box, before);
  });
});

describe.each(REGRESSIONS)('fuzz regression: $name', ({ found, command, input }) => {
  it(`ends in a result or a clear error (was: ${found})`, async () => {
    const file = command === 'compose' ? 'in/compose.yaml' : 'in/app.yaml';
    const box = sandbox().write({ [file]: input });
    const before = box.snapshot();
    const args = command === 'compose' ? ['import', 'compose', file] : ['import', 'k8s', 'in'];
    const run = await genInProcess([...args, '--out', 'out'], box.root);
    await expectResultOrCleanError(run, file, () => genInProcess(['validate', '--root', 'out'], box.root));
    if (run.code !== 0) expectNoChanges(box, before);
  });
});
