import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatLocation, type Issue } from '@twinform/spec';
import { DiskProjectSource } from '../src/disk-source';
import { defaultStages, runPipeline, type PipelineResult } from '../src/pipeline';

/**
 * Golden cases: every folder under test/fixtures/golden is a project (twinform.yaml + services/)
 * with the files the whole pipeline must produce from it in expected/. Drop in a folder, get a
 * test. expected/ is written only by `node scripts/update-golden.mjs <case>`, never by a test run.
 */
const repo = path.resolve(__dirname, '../../..');
const goldenRoot = path.join(repo, 'test/fixtures/golden');

const caseNames = readdirSync(goldenRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Files under folder, relative with '/' separators, sorted like the pipeline sorts paths. */
function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((relative) => statSync(path.join(folder, relative)).isFile())
    .map((relative) => relative.split(path.sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const describeIssue = (issue: Issue): string =>
  `${formatLocation(issue) || '(project)'}: ${issue.severity}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;

it('finds golden cases in test/fixtures/golden', () => {
  expect(caseNames.length).toBeGreaterThan(0);
});

describe.each(caseNames)('golden case %s', (name) => {
  const caseDir = path.join(goldenRoot, name);
  const expectedDir = path.join(caseDir, 'expected');
  const updateCommand = `node scripts/update-golden.mjs ${name}`;
  const expectedFiles = existsSync(expectedDir) ? listFiles(expectedDir) : [];
  let result: PipelineResult;

  beforeAll(() => {
    result = runPipeline(new DiskProjectSource(caseDir), defaultStages());
  });

  it('has expected output', () => {
    if (expectedFiles.length === 0) {
      throw new Error(
        `test/fixtures/golden/${name} has no expected/ files: run \`${updateCommand}\`, ` +
          'review what it wrote, and commit it',
      );
    }
  });

  it('generates without errors', () => {
    expect(result.issues.filter((issue) => issue.severity === 'error').map(describeIssue)).toEqual([]);
  });

  it('generates exactly the expected set of files', () => {
    const actual = result.files.map((file) => file.path);
    const missing = expectedFiles.filter((file) => !actual.includes(file));
    const extra = actual.filter((file) => !expectedFiles.includes(file));
    if (missing.length > 0 || extra.length > 0) {
      throw new Error(
        [
          `the generated file set differs from test/fixtures/golden/${name}/expected:`,
          ...missing.map((file) => `  expected but not generated: ${file}`),
          ...extra.map((file) => `  generated but not expected: ${file}`),
          `if the change is intended, run \`${updateCommand}\` and review the diff`,
        ].join('\n'),
      );
    }
  });

  if (expectedFiles.length > 0) {
    it.each(expectedFiles)('generates %s as expected', (file) => {
      const generated = result.files.find((candidate) => candidate.path === file);
      if (!generated) throw new Error(`${file} was not generated (see the file set test above)`);
      const expected = readFileSync(path.join(expectedDir, file), 'utf8');
      try {
        expect(generated.content).toBe(expected);
      } catch (error) {
        (error as Error).message += `\n\nIf the change is intended, run \`${updateCommand}\` and review the diff.`;
        throw error;
      }
    });
  }
});
