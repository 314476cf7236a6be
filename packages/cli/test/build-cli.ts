import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');
const MAIN = join(__dirname, '..', 'dist', 'main.js');
const VALIDATORS = join(REPO, 'packages', 'spec', 'dist', 'generated', 'validators.js');

/**
 * jest globalSetup: compile the CLI and the packages it references (tsc -b is incremental), then
 * finish the build as `npm run build` does (scripts/build-cli.mjs: generated validators into
 * packages/spec/dist, and the bundle dist/gen.cjs when esbuild is installed), so the end-to-end
 * tests run what users run. Type errors do not stop tsc from emitting JavaScript; they are reported
 * here and fail `npm run typecheck`, while a build that emits nothing fails the tests.
 */
export default function buildCli(): void {
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'packages/cli/tsconfig.build.json'], {
      cwd: REPO,
      stdio: 'pipe',
    });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    if (!existsSync(MAIN)) {
      throw new Error(`building the CLI failed (npx tsc -b packages/cli/tsconfig.build.json):\n${output}`);
    }
    process.stderr.write(`\nwarning: the CLI was built with type errors (run \`npm run typecheck\`):\n${output}\n`);
  }
  try {
    execFileSync(process.execPath, ['scripts/build-cli.mjs', '--quiet'], { cwd: REPO, stdio: 'pipe' });
  } catch (error) {
    // Like type errors: reported, and the tests run dist/main.js (a failed bundle is removed);
    // without the generated validators in packages/spec/dist nothing would run at all.
    const output = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    if (!existsSync(VALIDATORS))
      throw new Error(`finishing the CLI build failed (node scripts/build-cli.mjs):\n${output}`);
    process.stderr.write(`\nwarning: the CLI bundle was not built (node scripts/build-cli.mjs):\n${output}\n`);
  }
}
