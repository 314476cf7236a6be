/**
 * A small committed project (two services, generated outputs in place) that each hostile case
 * copies and then breaks, so every case can also check that the generated files stay untouched.
 */
import {
  expectCleanFailure,
  expectNoChanges,
  genInProcess,
  sandbox,
  type FailureExpectation,
  type Sandbox,
} from './harness';

export const PROJECT_FILES: Record<string, string> = {
  'twinform.yaml': 'name: shop\nenvironments:\n  dev:\n    local: true\n  prod: {}\n',
  'services/web/service.yaml': [
    'name: web',
    'image: ghcr.io/acme/web:1.0.0',
    'ports:',
    '  - name: http',
    '    port: 8080',
    '    expose: ingress',
    '    ingress:',
    '      - path: /',
    'env:',
    '  API_URL: http://${api.http}',
    'dependsOn: [api]',
    '',
  ].join('\n'),
  'services/api/service.yaml': [
    'name: api',
    'image: ghcr.io/acme/api:1.0.0',
    'ports:',
    '  - name: http',
    '    port: 3000',
    'health:',
    '  readiness:',
    '    http: { path: /healthz, port: http }',
    '',
  ].join('\n'),
};

export const WEB = 'services/web/service.yaml';
export const API = 'services/api/service.yaml';

let baseline: Sandbox | undefined;

/** The project with its outputs generated once per test file; later cases copy it. */
export async function generatedBaseline(): Promise<Sandbox> {
  if (baseline) return baseline;
  const box = sandbox().write(PROJECT_FILES, 'project');
  const run = await genInProcess([], box.path('project'));
  if (run.code !== 0) throw new Error(`the baseline project does not generate:\n${run.stderr}`);
  baseline = box;
  return box;
}

/** A copy of the generated baseline with `files` written over it (project-relative). */
export async function brokenProject(files: Record<string, string | Buffer>): Promise<Sandbox> {
  const box = sandbox().copyFrom((await generatedBaseline()).path('project'), 'project');
  return box.write(files, 'project');
}

/** The commands that read the spec; each must refuse it the same way and change nothing. */
export const SPEC_COMMANDS: Array<{ name: string; args: string[] }> = [
  { name: 'gen', args: [] },
  { name: 'gen validate', args: ['validate'] },
  { name: 'gen check', args: ['check'] },
];

/** Runs every spec command on the broken project: each fails cleanly and nothing on disk changes. */
export async function expectRefusedByEveryCommand(box: Sandbox, expected: FailureExpectation): Promise<void> {
  const before = box.snapshot();
  for (const command of SPEC_COMMANDS) {
    const run = await genInProcess(command.args, box.path('project'));
    try {
      expectCleanFailure(run, expected);
      expectNoChanges(box, before);
    } catch (error) {
      (error as Error).message = `${command.name}: ${(error as Error).message}`;
      throw error;
    }
  }
}
