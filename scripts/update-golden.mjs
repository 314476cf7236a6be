#!/usr/bin/env node
// Regenerates test/fixtures/golden/<case>/expected/ through the same in-memory pipeline that
// packages/cli/test/golden.test.ts runs. Run it on purpose, then review the diff before committing:
// the tests never write expected files.
//
//   node scripts/update-golden.mjs              every case
//   node scripts/update-golden.mjs CASE...      only these cases
//
// It builds the packages first (tsc -b is incremental), because it runs the compiled pipeline.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const goldenRoot = join(repo, 'test', 'fixtures', 'golden');

const allCases = readdirSync(goldenRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !allCases.includes(name));
if (unknown.length > 0) {
  console.error(`unknown golden case(s): ${unknown.join(', ')}\nknown cases: ${allCases.join(', ')}`);
  process.exit(2);
}
const cases = requested.length > 0 ? requested : allCases;

try {
  execFileSync(join(repo, 'node_modules', '.bin', 'tsc'), ['-b', 'packages/cli/tsconfig.build.json'], {
    cwd: repo,
    stdio: 'inherit',
  });
} catch {
  console.error('the build failed (see above): fix it, then run this script again');
  process.exit(1);
}
const { DiskProjectSource, defaultStages, runPipeline } = createRequire(import.meta.url)(
  '../packages/cli/dist/index.js',
);

const formatIssue = (issue) =>
  `  ${[issue.file, issue.line, issue.col].filter((part) => part !== undefined).join(':') || '(project)'}: ` +
  `${issue.severity}: ${issue.message}${issue.hint ? `\n    hint: ${issue.hint}` : ''}`;

let failed = 0;
for (const name of cases) {
  const caseDir = join(goldenRoot, name);
  const expectedDir = join(caseDir, 'expected');
  const result = runPipeline(new DiskProjectSource(caseDir), defaultStages());
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  const others = result.issues.filter((issue) => issue.severity !== 'error');
  if (errors.length > 0) {
    failed += 1;
    console.error(`${name}: not updated, the pipeline reports errors:\n${errors.map(formatIssue).join('\n')}`);
    continue;
  }
  const changed = result.files.filter((file) => {
    const target = join(expectedDir, file.path);
    return !existsSync(target) || readFileSync(target, 'utf8') !== file.content;
  }).length;
  const previous = existsSync(expectedDir)
    ? readdirSync(expectedDir, { recursive: true, encoding: 'utf8' }).map((path) => path.split('\\').join('/'))
    : [];
  const removed = previous.filter(
    (path) => !result.files.some((file) => file.path === path || file.path.startsWith(`${path}/`)),
  ).length;
  // Replace the folder as a whole, so files the pipeline no longer produces disappear too.
  rmSync(expectedDir, { recursive: true, force: true });
  for (const file of result.files) {
    const target = join(expectedDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  console.log(`${name}: ${result.files.length} files in expected/ (${changed} new or changed, ${removed} removed)`);
  if (others.length > 0) console.log(others.map(formatIssue).join('\n'));
}
if (failed > 0) process.exit(1);
