import { join } from 'node:path';
import { toCompose } from '@twinform/compose';
import { toKubernetes } from '@twinform/kubernetes';
import { createMemorySource, loadProject, renderDocument } from '@twinform/spec';
import { planAdoption, type AdoptPlan, type EditedOutput } from '../src/adopt';
import {
  adoptInput,
  edit,
  EXAMPLES,
  fixture,
  generatedFile,
  kubectlRenderer,
  readTree,
  replaceOnce,
  type Fixture,
} from './fixtures';

const govapp = fixture(readTree(join(EXAMPLES, 'govapp')));
const FRONTEND = 'services/frontend/service.yaml';
const BACKEND = 'services/backend/service.yaml';
const COMPOSE = 'docker-compose.yml';
const DEPLOYMENT = 'k8s/base/frontend/deployment.yaml';

function plan(
  edits: EditedOutput[],
  extra: Parameters<typeof adoptInput>[2] = {},
  project: Fixture = govapp,
): AdoptPlan {
  return planAdoption(adoptInput(project, edits, extra));
}

/** Everything gen generates once the plan's spec files are written. */
function regenerate(project: Fixture, result: AdoptPlan): Map<string, string> {
  const loaded = loadProject(createMemorySource({ ...project.files, ...result.specFiles }));
  if (!loaded.value) throw new Error(JSON.stringify(loaded.errors));
  const documents = [...toCompose(loaded.value).documents, ...toKubernetes(loaded.value).documents];
  return new Map(documents.map((document) => [document.path, renderDocument(document).content]));
}

const errors = (result: AdoptPlan) => result.issues.filter((issue) => issue.severity === 'error');

/** The 1-based line of the first line containing `needle` after the line containing `after`. */
function lineAfter(text: string, after: string, needle: string): number {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.includes(after));
  return lines.findIndex((line, index) => index > start && line.includes(needle)) + 1;
}

describe('planAdoption: compose edits', () => {
  it('a changed host port becomes hostPort in the right service.yaml, inserted where the schema puts it', () => {
    const result = plan([edit(govapp, COMPOSE, ['- 3000:3000', '- 3005:3000'])]);
    expect(errors(result)).toEqual([]);
    expect(result.operations).toEqual([
      { file: FRONTEND, op: 'add', path: '/ports/0/hostPort', value: 3005, from: { file: COMPOSE, line: 64 } },
    ]);
    expect(result.specFiles[FRONTEND]).toBe(
      replaceOnce(govapp.files[FRONTEND]!, '    expose: ingress\n', '    expose: ingress\n    hostPort: 3005\n'),
    );
    expect(result.adopted).toEqual([COMPOSE]);
    // Regenerated, the compose file reads exactly as edited; Kubernetes has no host ports.
    const outputs = regenerate(govapp, result);
    expect(outputs.get(COMPOSE)).toContain('      - 3005:3000\n');
    expect(outputs.get('k8s/base/frontend/service.yaml')).toBe(generatedFile(govapp, 'k8s/base/frontend/service.yaml'));
  });

  it('a changed container port moves the port; probes, env and the proxy follow it instead of being pinned', () => {
    const result = plan([edit(govapp, COMPOSE, ['- 3000:3000', '- 3005:3005'])]);
    expect(errors(result)).toEqual([]);
    expect(result.operations.map(({ file, op, path, value }) => ({ file, op, path, value }))).toEqual([
      { file: FRONTEND, op: 'replace', path: '/ports/0/port', value: 3005 },
    ]);
    expect(result.specFiles[FRONTEND]).toBe(replaceOnce(govapp.files[FRONTEND]!, 'port: 3000', 'port: 3005'));
    const outputs = regenerate(govapp, result);
    expect(outputs.get('k8s/base/frontend/service.yaml')).toContain('      port: 3005\n      targetPort: http\n');
    expect(outputs.get('k8s/base/frontend/ingress.yaml')).toContain('                  name: http\n');
    expect(outputs.get(DEPLOYMENT)).toContain('containerPort: 3005');
    expect(outputs.get(COMPOSE)).toContain('http://127.0.0.1:3005/readyz');
  });

  it('only the container side changed: the port moves and the host port stays 3000', () => {
    const result = plan([edit(govapp, COMPOSE, ['- 3000:3000', '- 3000:3005'])]);
    expect(result.operations.map(({ op, path, value }) => [op, path, value])).toEqual([
      ['replace', '/ports/0/port', 3005],
      ['add', '/ports/0/hostPort', 3000],
    ]);
  });

  it('a value that comes from the local environment is changed there, not in the base', () => {
    const result = plan([edit(govapp, COMPOSE, ['LOG_LEVEL: debug', 'LOG_LEVEL: trace'])]);
    expect(result.operations).toEqual([
      {
        file: BACKEND,
        op: 'replace',
        path: '/environments/dev/env/LOG_LEVEL',
        value: 'trace',
        from: { file: COMPOSE, line: 11 },
      },
    ]);
  });

  it('a compose memory limit in docker units becomes the Kubernetes quantity of the same size', () => {
    const compose = generatedFile(govapp, COMPOSE);
    const frontend = compose.slice(compose.indexOf('  frontend:'), compose.indexOf('  ingress-proxy:'));
    const editedFrontend = replaceOnce(frontend, 'memory: 128M', 'memory: 256M');
    const result = plan([
      { path: COMPOSE, generated: compose, edited: compose.replace(frontend, () => editedFrontend) },
    ]);
    expect(result.operations.map(({ file, path, value }) => [file, path, value])).toEqual([
      [FRONTEND, '/resources/limits/memory', '256Mi'],
    ]);
    expect(result.operations[0]!.from).toEqual({
      file: COMPOSE,
      line: lineAfter(compose, '  frontend:', 'memory: 128M'),
    });
  });

  it('an edit of comments only changes nothing and lets gen replace the file', () => {
    const result = plan([edit(govapp, COMPOSE, ['name: govapp\n', 'name: govapp # ours\n'])]);
    expect(result.operations).toEqual([]);
    expect(result.adopted).toEqual([COMPOSE]);
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'info', file: COMPOSE })]);
  });
});

describe('planAdoption: where specs live', () => {
  const project = fixture({
    'twinform.yaml': [
      'name: shop',
      'serviceFiles:',
      '  - apps/*/spec.yaml',
      'services:',
      '  # Defined inline.',
      '  - name: cache',
      '    image: redis:7',
      '    ports:',
      '      - name: redis',
      '        port: 6379',
      '',
    ].join('\n'),
    'apps/web/spec.yaml': [
      'name: web',
      'build:',
      '  context: .',
      'image: example/web:1',
      'ports:',
      '  - name: http # the only one',
      '    port: 8080',
      '    expose: published',
      '',
    ].join('\n'),
  });

  it('an inline service is changed inside twinform.yaml', () => {
    const result = plan([edit(project, COMPOSE, ['image: redis:7\n', 'image: redis:7.2\n'])], {}, project);
    expect(result.operations.map(({ file, path, value }) => [file, path, value])).toEqual([
      ['twinform.yaml', '/services/0/image', 'redis:7.2'],
    ]);
    expect(result.specFiles['twinform.yaml']).toBe(project.files['twinform.yaml']!.replace('redis:7\n', 'redis:7.2\n'));
  });

  it('paths are rewritten relative to the folder the spec is in', () => {
    const result = plan([edit(project, COMPOSE, ['context: ./apps/web\n', 'context: ./apps/site\n'])], {}, project);
    expect(result.operations.map(({ file, path, value }) => [file, path, value])).toEqual([
      ['apps/web/spec.yaml', '/build/context', '../site'],
    ]);
  });

  it('a service added to the compose file gets its own spec file', () => {
    const result = plan([
      edit(govapp, COMPOSE, [
        '  worker:\n',
        '  mailhog:\n    image: mailhog/mailhog:v1.0.1\n    expose:\n      - "8025"\n  worker:\n',
      ]),
    ]);
    expect(errors(result)).toEqual([]);
    expect(result.operations).toEqual([
      expect.objectContaining({ file: 'services/mailhog/service.yaml', op: 'add', path: '' }),
    ]);
    expect(result.specFiles['services/mailhog/service.yaml']).toMatch(
      /^name: mailhog\nimage: mailhog\/mailhog:v1\.0\.1\nports:\n {2}- name: p8025\n {4}port: 8025\n/,
    );
    expect(regenerate(govapp, result).get('k8s/base/mailhog/service.yaml')).toContain('port: 8025');
  });

  it('a service removed from the compose file is not deleted from the spec', () => {
    const compose = generatedFile(govapp, COMPOSE);
    const start = compose.indexOf('\n  notifications:\n') + 1;
    const end = compose.indexOf('\n  postgres:\n') + 1;
    const withoutNotifications = compose
      .slice(0, start)
      .concat(compose.slice(end))
      .replace('      notifications:\n        condition: service_healthy\n', '')
      .replace('      - notifications\n', '');
    const result = plan([{ path: COMPOSE, generated: compose, edited: withoutNotifications }]);
    expect(result.operations).toEqual([]);
    expect(errors(result)).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('service notifications was removed') }),
    );
  });
});

describe('planAdoption: Kubernetes edits', () => {
  it('a changed container port in the Deployment moves the spec port', () => {
    const result = plan([edit(govapp, DEPLOYMENT, ['containerPort: 3000', 'containerPort: 3006'])]);
    expect(result.operations).toEqual([
      { file: FRONTEND, op: 'replace', path: '/ports/0/port', value: 3006, from: { file: DEPLOYMENT, line: 64 } },
    ]);
  });

  it('replicas and a new env variable land in the service spec', () => {
    const result = plan([
      edit(
        govapp,
        DEPLOYMENT,
        ['replicas: 1', 'replicas: 2'],
        [
          '              value: "3000"\n',
          '              value: "3000"\n            - name: DEBUG\n              value: "1"\n',
        ],
      ),
    ]);
    expect(result.operations.map(({ op, path, value }) => [op, path, value])).toEqual([
      ['add', '/env/DEBUG', '1'],
      ['replace', '/replicas', 2],
    ]);
    expect(result.specFiles[FRONTEND]).toContain('replicas: 2\n');
  });

  it('a Service port that differs from the container port cannot be represented: reported with file:line and why', () => {
    const result = plan([edit(govapp, 'k8s/base/frontend/service.yaml', ['port: 3000', 'port: 3006'])]);
    expect(result.operations).toEqual([]);
    expect(result.leftAlone).toEqual(['k8s/base/frontend/service.yaml']);
    expect(errors(result)).toEqual([
      expect.objectContaining({
        file: 'k8s/base/frontend/service.yaml',
        line: 21,
        message: expect.stringMatching(
          /^spec\.ports\[http\]\.port changed from 3000 to 3006: the spec cannot represent this edit: .*one number per port/,
        ),
      }),
    ]);
  });

  it('a sidecar container is reported, and the edit is left alone', () => {
    const result = plan([
      edit(govapp, DEPLOYMENT, [
        '      containers:\n',
        '      containers:\n        - name: sidecar\n          image: busybox\n',
      ]),
    ]);
    expect(result.specFiles).toEqual({});
    expect(errors(result)).toEqual([
      expect.objectContaining({ file: DEPLOYMENT, line: 60, message: expect.stringContaining('sidecar') }),
    ]);
  });
});

describe('planAdoption: what it refuses', () => {
  it('an unrepresentable compose field is reported at its line with the import’s reason', () => {
    const result = plan([
      edit(govapp, COMPOSE, [
        '  frontend:\n    image: ghcr.io/govapp/frontend:1.0.0\n',
        '  frontend:\n    image: ghcr.io/govapp/frontend:1.0.0\n    ulimits:\n      nofile: 1024\n',
      ]),
    ]);
    expect(result.operations).toEqual([]);
    expect(result.leftAlone).toEqual([COMPOSE]);
    expect(errors(result)).toEqual([
      expect.objectContaining({ file: COMPOSE, line: 58, message: expect.stringContaining('ulimits') }),
    ]);
  });

  it('edits of the same field with different values on both sides are a conflict naming both, and nothing is adopted', () => {
    const result = plan([
      edit(govapp, COMPOSE, ['- 3000:3000', '- 3005:3005']),
      edit(govapp, DEPLOYMENT, ['containerPort: 3000', 'containerPort: 3006']),
    ]);
    expect(result.operations).toEqual([]);
    expect(result.specFiles).toEqual({});
    expect(result.adopted).toEqual([]);
    expect(result.leftAlone).toEqual([COMPOSE, DEPLOYMENT]);
    expect(result.conflicts).toEqual([
      {
        file: FRONTEND,
        path: '/ports/0/port',
        edits: [
          { file: COMPOSE, line: 64, value: 3005 },
          { file: DEPLOYMENT, line: 64, value: 3006 },
        ],
        message: `${FRONTEND} /ports/0/port: ${COMPOSE}:64 says 3005, ${DEPLOYMENT}:64 says 3006`,
      },
    ]);
  });

  it('the same change made on both sides is adopted once', () => {
    const result = plan([
      edit(govapp, COMPOSE, ['- 3000:3000', '- 3005:3005']),
      edit(govapp, DEPLOYMENT, ['containerPort: 3000', 'containerPort: 3005']),
      edit(govapp, 'k8s/base/frontend/service.yaml', ['port: 3000', 'port: 3005']),
    ]);
    expect(result.conflicts).toEqual([]);
    expect(errors(result)).toEqual([]);
    expect(result.operations.map(({ path, value }) => [path, value])).toEqual([['/ports/0/port', 3005]]);
    expect(result.adopted).toEqual([COMPOSE, DEPLOYMENT, 'k8s/base/frontend/service.yaml']);
  });

  it('a file generated from an earlier spec is refused: its edit cannot be told from the spec change', () => {
    const stale = fixture({
      ...govapp.files,
      [FRONTEND]: replaceOnce(govapp.files[FRONTEND]!, 'replicas: 1', 'replicas: 2'),
    });
    const before = edit(govapp, COMPOSE, ['- 3000:3000', '- 3005:3000']);
    const result = plan([{ ...before, generated: generatedFile(stale, COMPOSE) }], {}, stale);
    expect(result.operations).toEqual([]);
    expect(errors(result)).toEqual([
      expect.objectContaining({ file: COMPOSE, message: expect.stringContaining('earlier spec') }),
    ]);
  });

  it('an edit that would make the spec invalid is reported at the edit, and nothing is written', () => {
    // backend's NOTIFICATIONS_URL names the port ${notifications.http}: it cannot go.
    const result = plan([edit(govapp, COMPOSE, ['    expose:\n      - "3002"\n', ''])]);
    expect(result.operations).toEqual([]);
    expect(result.specFiles).toEqual({});
    expect(result.leftAlone).toEqual([COMPOSE]);
    expect(errors(result)).toContainEqual(
      expect.objectContaining({
        file: COMPOSE,
        line: expect.any(Number),
        message:
          "the edit cannot be adopted: it would make services/backend/service.yaml invalid: env.NOTIFICATIONS_URL: NOTIFICATIONS_URL refers to ${notifications.http}, but service 'notifications' has no port named 'http'",
      }),
    );
  });
});

const renderOverlay = kubectlRenderer();
const withKubectl = renderOverlay ? describe : describe.skip;

describe('planAdoption: overlay edits', () => {
  it('without kubectl an overlay edit is reported, not guessed', () => {
    const result = plan([
      edit(govapp, 'k8s/overlays/prod/frontend-deployment.patch.yaml', ['value: 256Mi', 'value: 300Mi']),
    ]);
    expect(result.leftAlone).toEqual(['k8s/overlays/prod/frontend-deployment.patch.yaml']);
    expect(errors(result)).toEqual([expect.objectContaining({ message: expect.stringContaining('kubectl') })]);
  });

  withKubectl('with kubectl', () => {
    it('an overlay patch edit lands in environments.<env> of the service', () => {
      const result = plan(
        [edit(govapp, 'k8s/overlays/prod/frontend-deployment.patch.yaml', ['value: 256Mi', 'value: 300Mi'])],
        {
          renderOverlay: renderOverlay!,
        },
      );
      expect(errors(result)).toEqual([]);
      expect(result.operations).toEqual([
        {
          file: FRONTEND,
          op: 'replace',
          path: '/environments/prod/resources/limits/memory',
          value: '300Mi',
          from: { file: 'k8s/overlays/prod/frontend-deployment.patch.yaml', line: 5 },
        },
      ]);
      expect(result.specFiles[FRONTEND]).toBe(
        replaceOnce(
          govapp.files[FRONTEND]!,
          'limits: { cpu: 500m, memory: 256Mi }',
          'limits: { cpu: 500m, memory: 300Mi }',
        ),
      );
    });

    it('an overlay replica count edit in kustomization.yaml becomes environments.prod.replicas', () => {
      const result = plan(
        [
          edit(govapp, 'k8s/overlays/prod/kustomization.yaml', [
            '  - name: frontend\n    count: 3',
            '  - name: frontend\n    count: 4',
          ]),
        ],
        { renderOverlay: renderOverlay! },
      );
      expect(result.operations.map(({ path, value }) => [path, value])).toEqual([['/environments/prod/replicas', 4]]);
    });

    it('an overlay field the spec cannot hold is reported at the overlay file', () => {
      const result = plan(
        [
          edit(govapp, 'k8s/overlays/prod/frontend-deployment.patch.yaml', [
            '- op: replace\n  path: /spec/template/spec/containers/0/resources/limits/memory',
            '- op: add\n  path: /spec/template/spec/hostNetwork\n  value: true\n- op: replace\n  path: /spec/template/spec/containers/0/resources/limits/memory',
          ]),
        ],
        { renderOverlay: renderOverlay! },
      );
      expect(result.operations).toEqual([]);
      expect(errors(result)).toEqual([
        expect.objectContaining({
          file: 'k8s/overlays/prod/frontend-deployment.patch.yaml',
          line: 3,
          message: expect.stringContaining('hostNetwork'),
        }),
      ]);
    });
  });
});
