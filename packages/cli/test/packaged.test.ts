/**
 * The published package works in a user's repository: scripts/smoke-packaged.sh packs
 * packages/cli, installs the tarball into a fresh temporary repo (no registry needed: the bundle
 * has no dependencies) and runs `npx gen`, `gen check`, `gen validate` and `gen new` there.
 * Building the bundle needs esbuild (a devDependency); without it the package cannot be published,
 * and this test says so instead of running.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');

const esbuildInstalled = ((): boolean => {
  try {
    require.resolve('esbuild', { paths: [REPO] });
    return true;
  } catch {
    return false;
  }
})();

(esbuildInstalled ? test : test.skip)(
  'npm pack → npm install in a fresh repo → npx gen, gen check, gen validate, gen new',
  () => {
    const result = spawnSync('bash', [join(REPO, 'scripts/smoke-packaged.sh')], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect({ code: result.status, tail: `${result.stdout}${result.stderr}`.slice(-3000) }).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/smoke-packaged: ok\n$/);
  },
  200_000,
);
