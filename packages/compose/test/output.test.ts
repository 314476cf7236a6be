import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { toCompose } from '@twinform/compose';
import { renderDocument, toYaml, type LoadedProject } from '@twinform/spec';
import { errorsOf, projectOf, yamlOf } from './fixtures';
import { govApp, kitchenSink } from './kitchen-sink';

const VALIDATOR = '/work/shared/tools/validate/dist/validate.mjs';

/** Deep-freezes the input so any mutation by the generator throws. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}

const projects: Array<[string, () => LoadedProject]> = [
  ['govapp', govApp],
  ['kitchen-sink', kitchenSink],
  [
    'kitchen-sink in prod as local environment',
    () => {
      const project = kitchenSink();
      project.project = { ...project.project, environments: { dev: {}, prod: { local: true } } };
      return project;
    },
  ],
  [
    'compose file in a subfolder',
    () => ({ ...govApp(), project: { ...govApp().project, output: { compose: 'deploy/compose.yaml' } } }),
  ],
  ['a single image', () => projectOf([{ name: 'hello', image: 'hello-world:latest' }])],
];

describe.each(projects)('%s', (_name, makeProject) => {
  it('generates without errors, from a frozen input', () => {
    const result = toCompose(frozen(makeProject()));
    expect(errorsOf(result)).toEqual([]);
  });

  it('is byte-deterministic', () => {
    const first = toCompose(makeProject());
    const second = toCompose(makeProject());
    expect(yamlOf(second)).toBe(yamlOf(first));
    expect(second.issues).toEqual(first.issues);
    expect(second.gitignore).toEqual(first.gitignore);
  });
});

const describeWithValidator = existsSync(VALIDATOR) ? describe : describe.skip;

describeWithValidator('shared validator', () => {
  it('accepts every generated compose document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinform-compose-'));
    try {
      const files = projects.flatMap(([name, makeProject], index) =>
        toCompose(makeProject()).documents.map((document) => {
          const file = join(dir, `case-${index}`, document.path);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, renderDocument(document).content);
          return [name, file] as const;
        }),
      );
      for (const [name, file] of files) {
        const run = spawnSync(process.execPath, [VALIDATOR, '--compose', file], { encoding: 'utf8' });
        expect({ name, status: run.status, output: `${run.stdout}${run.stderr}` }).toEqual({
          name,
          status: 0,
          output: expect.stringContaining('1 documents valid, 0 invalid'),
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('secrets', () => {
  it('never writes a secret value, even when the loader has it at hand', () => {
    const project = kitchenSink();
    const secretValues = ['s3cr3t-db-password', 'jwt-signing-key-value', 'BEGIN CERTIFICATE ca'];
    project.assets = {
      ...project.assets,
      'secrets/db': secretValues[0] as string,
      'secrets/jwt-key': secretValues[1] as string,
      'secrets/db.ca.crt': secretValues[2] as string,
      '.env': `DB_PASSWORD=${secretValues[0]}\n`,
    };
    const result = toCompose(project);
    const everything = `${yamlOf(result)}${JSON.stringify(result.issues)}`;
    for (const value of secretValues) expect(everything).not.toContain(value);
    expect(toYaml(result.documents[0]?.value)).toContain('DB_PASSWORD: "${DB_PASSWORD:?secret db key password');
    expect(result.gitignore).toEqual(['.env', 'secrets/']);
  });
});
