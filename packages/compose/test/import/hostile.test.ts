/**
 * Compose files nobody vetted: the importer answers every input with a result or a clear error,
 * never an exception, a garbled message, a JavaScript function in the spec, or a spec that
 * `gen validate` would refuse.
 */
import fc from 'fast-check';
import { createMemorySource, loadProject, renderDocument, type Issue } from '@twinform/spec';
import { toCompose } from '../../src';
import { fromCompose, loadComposeProject, type ImportResult } from '../../src/import';
import { loadedProjectOf, projectArbitrary } from './arbitraries';
import { importedFiles } from './helpers';
import { GARBLED_MESSAGE, mutateYaml, mutations } from '../../../spec/test/support/yaml-mutations';

const errors = (issues: readonly Issue[]): Issue[] => issues.filter((issue) => issue.severity === 'error');

interface Outcome {
  issues: Issue[];
  result?: ImportResult;
}

/** load + import, as `gen import compose` runs them (files from memory, with no prototype lookups). */
function importCompose(compose: string, files: Record<string, string> = {}, env: Record<string, string> = {}): Outcome {
  const loaded = loadComposeProject(['compose.yaml'], createMemorySource({ ...files, 'compose.yaml': compose }), {
    env,
  });
  if (!loaded.model) return { issues: loaded.issues };
  const result = fromCompose(loaded.model);
  return { issues: [...loaded.issues, ...result.issues], result };
}

/** Every message reads right, and an import that succeeds would write a spec that loads. */
function expectValidOrRefused(outcome: Outcome): void {
  for (const issue of outcome.issues) {
    expect(issue.message.trim()).not.toBe('');
    expect(`${issue.message} ${issue.hint ?? ''}`).not.toMatch(GARBLED_MESSAGE);
    if (issue.line !== undefined) expect(issue.line).toBeGreaterThanOrEqual(1);
    if (issue.col !== undefined) expect(issue.col).toBeGreaterThanOrEqual(1);
  }
  const { result } = outcome;
  if (!result || errors(outcome.issues).length > 0 || result.services.length === 0) return;
  for (const service of result.services) expect(JSON.stringify(service.spec)).not.toMatch(/native code/);
  expect(loadProject(createMemorySource(importedFiles(result))).errors).toEqual([]);
}

const WEB = 'services:\n  web:\n    image: nginx:1.27\n';

describe('names that mean something to JavaScript', () => {
  it.each([
    ['a service field named __proto__', `${WEB}    __proto__:\n      a: b\n`],
    ['a service field named constructor', `${WEB}    constructor: x\n`],
    ['an env_file named __proto__', `${WEB}    env_file: __proto__\n`],
    ['an env_file named toString', `${WEB}    env_file: toString\n`],
    ['an environment entry named toString without a value', `${WEB}    environment:\n      - toString\n`],
    ['an environment entry named __proto__', `${WEB}    environment:\n      __proto__: x\n`],
    ['labels named __proto__ and constructor', `${WEB}    labels:\n      __proto__: x\n      constructor: y\n`],
    ['a config and a secret named toString', `${WEB}    configs: [toString]\n    secrets: [constructor]\n`],
    ['a volume named constructor', `${WEB}    volumes: ["constructor:/data"]\n`],
    [
      'a build argument named __proto__',
      'services:\n  web:\n    build:\n      context: .\n      args: { __proto__: x }\n',
    ],
    ['a service named __proto__', 'services:\n  __proto__:\n    image: nginx:1.27\n'],
  ])('%s: a result or a clear error', (_name, compose) => {
    expectValidOrRefused(importCompose(compose));
  });

  it('${constructor} and ${toString} are unset variables, never function source text', () => {
    const outcome = importCompose(
      `${WEB.replace('nginx:1.27', 'nginx:1.27${constructor}')}    command: ["echo", "\${toString}", "\${hasOwnProperty:-fallback}"]\n`,
    );
    expectValidOrRefused(outcome);
    const spec = outcome.result!.services[0]!.spec;
    expect(spec.image).toBe('nginx:1.27');
    expect(spec.args).toEqual(['echo', '', 'fallback']);
    expect(outcome.issues.some((issue) => /Variable constructor is not set/.test(issue.message))).toBe(true);
  });
});

describe('values of the wrong shape are clear errors', () => {
  it('an include entry whose path is an empty list', () => {
    const outcome = importCompose(`include:\n  - path: []\n${WEB}`);
    expect(errors(outcome.issues)).toEqual([
      expect.objectContaining({ line: 2, col: 5, message: expect.stringMatching(/include entry/) }),
    ]);
  });

  it('a published port that is a mapping names the field and shows the value', () => {
    const outcome = importCompose(`${WEB}    ports:\n      - target: 80\n        published: { from: 8000 }\n`);
    expect(errors(outcome.issues)).toEqual([
      expect.objectContaining({
        line: 6,
        col: 20,
        message: expect.stringMatching(/ports\.published .*\{"from":8000\}/),
      }),
    ]);
  });
});

describe('the imported spec always passes gen validate', () => {
  it('leaves out what the spec loader refuses (a reservation above the limit), with a loss line', () => {
    const outcome = importCompose(
      `${WEB}    deploy:\n      resources:\n        limits: { memory: 256M }\n        reservations: { memory: 1g }\n`,
    );
    expectValidOrRefused(outcome);
    const loss = outcome.issues.find((issue) => issue.code === 'loss' && /resources/.test(issue.message));
    expect(loss).toEqual(expect.objectContaining({ severity: 'warning', file: 'compose.yaml' }));
  });

  it('property: mutated generated compose files import to a valid spec or a clear error', () => {
    fc.assert(
      fc.property(projectArbitrary(), mutations, (generated, changes) => {
        const project = loadedProjectOf(generated);
        const compose = toCompose(project);
        const file = renderDocument(compose.documents[0]!);
        const files = { ...project.assets, [file.path]: mutateYaml(file.content, changes) };
        const loaded = loadComposeProject([file.path], createMemorySource(files), { env: {} });
        if (!loaded.model) {
          expect(errors(loaded.issues).length).toBeGreaterThan(0);
          return;
        }
        const result = fromCompose(loaded.model);
        expectValidOrRefused({ issues: [...loaded.issues, ...result.issues], result });
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 80) },
    );
  });
});
