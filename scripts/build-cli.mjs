#!/usr/bin/env node
// The build steps after `tsc -b` (`npm run build` runs both; so do the CLI tests' globalSetup and
// the CLI package's `prepack`):
// 1. copy the generated validators (plain JavaScript, which tsc does not copy) into packages/spec/dist;
// 2. copy schemas/ and templates/ into packages/cli/ (git-ignored), so the published package has them;
// 3. bundle the CLI with esbuild into packages/cli/dist/gen.cjs: every @twinform/* package and every
//    third-party module in one file, so a user's repo installs one package with no dependencies and
//    `gen` starts without resolving hundreds of files. bin/gen.js uses the bundle when it is current.
//
// Usage: node scripts/build-cli.mjs [--require-bundle] [--quiet]
// Without esbuild installed the bundle is skipped (and a stale one removed) unless --require-bundle.
// esbuild is a devDependency of the repository; the published package needs nothing at run time.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = join(repoRoot, 'packages/cli');
export const bundleFile = join(cliDir, 'dist/gen.cjs');
const WORKSPACE_PACKAGES = ['spec', 'compose', 'kubernetes', 'drift', 'scaffold'];

/**
 * Writes a file only when its bytes change, through a temporary file and a rename: tests may run
 * `gen` from these files while another build runs, and must never read half a file.
 */
function writeIfChanged(target, content, mode = 0o644) {
  mkdirSync(dirname(target), { recursive: true });
  try {
    if (readFileSync(target).equals(content) && (statSync(target).mode & 0o777) === (mode & 0o777)) return false;
  } catch {
    // missing: written below
  }
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode });
  chmodSync(temporary, mode & 0o777); // the umask may have cleared bits (templates keep executable scripts)
  renameSync(temporary, target);
  return true;
}

/** Makes `to` hold exactly the files of `from` (recursively), touching only what differs. */
function syncFolder(from, to) {
  const wanted = new Set();
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    wanted.add(entry.name);
    if (entry.isDirectory()) syncFolder(join(from, entry.name), join(to, entry.name));
    else if (entry.isFile()) {
      const source = join(from, entry.name);
      writeIfChanged(join(to, entry.name), readFileSync(source), statSync(source).mode);
    }
  }
  for (const entry of existsSync(to) ? readdirSync(to) : []) {
    if (!wanted.has(entry)) rmSync(join(to, entry), { recursive: true, force: true });
  }
}

function copyGeneratedValidators() {
  const from = join(repoRoot, 'packages/spec/src/generated');
  const to = join(repoRoot, 'packages/spec/dist/generated');
  for (const file of ['validators.js', 'validators.d.ts'])
    writeIfChanged(join(to, file), readFileSync(join(from, file)));
}

function copyAssets() {
  for (const folder of ['schemas', 'templates']) syncFolder(join(repoRoot, folder), join(cliDir, folder));
}

function loadEsbuild() {
  try {
    return createRequire(import.meta.url)('esbuild');
  } catch {
    return undefined;
  }
}

/** `@twinform/<name>` resolves to the package's TypeScript sources: the bundle never depends on a stale dist/. */
const workspaceSources = {
  name: 'twinform-workspace-sources',
  setup(build) {
    const pattern = new RegExp(`^@twinform/(${WORKSPACE_PACKAGES.join('|')})$`);
    build.onResolve({ filter: pattern }, (args) => ({
      path: join(repoRoot, 'packages', args.path.slice('@twinform/'.length), 'src/index.ts'),
    }));
  },
};

/**
 * `__dirname` in a source file means the folder tsc would have compiled it into. In the bundle
 * every file lives in packages/cli/dist/, so packages/<p>/src/<sub>/x.ts gets dist/<sub>: the
 * layout the CLI's own code assumes (commands/new.ts finds templates/ at `__dirname/../..`), and the
 * one its assets are copied next to (schemas/, templates/).
 */
const bundleDirname = {
  name: 'twinform-bundle-dirname',
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!/\b__dirname\b/.test(source)) return undefined;
      const srcDir = args.path.slice(0, args.path.lastIndexOf(`${sep}src${sep}`) + 5);
      const sub = relative(srcDir, dirname(args.path)).split(sep).join('/');
      const prologue = `const __dirname = require('node:path').join(__twinformBundleDir, ${JSON.stringify(sub)});\n`;
      return { contents: prologue + source, loader: 'ts' };
    });
  },
};

async function bundle(esbuild) {
  const result = await esbuild.build({
    entryPoints: [join(cliDir, 'src/main.ts')],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Whitespace and syntax only: names stay readable in the stack traces DEBUG=twinform prints.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    // ES modules among the dependencies (fdir) call createRequire(import.meta.url); in CommonJS
    // output that would be undefined, so it becomes the bundle's own URL.
    define: { 'import.meta.url': '__twinformBundleUrl' },
    banner: {
      js: '"use strict";\nconst __twinformBundleDir = __dirname;\nconst __twinformBundleUrl = require("node:url").pathToFileURL(__filename).href;',
    },
    plugins: [workspaceSources, bundleDirname],
    logLevel: 'silent',
    write: false,
  });
  for (const warning of result.warnings) {
    // handlebars registers a require.extensions hook for .hbs files, which twinform does not use.
    if (warning.text.includes('require.extensions')) continue;
    process.stderr.write(`build-cli: warning: ${warning.text} (${warning.location?.file ?? ''})\n`);
  }
  const [output] = result.outputFiles;
  if (!writeIfChanged(bundleFile, output.contents)) {
    // Unchanged bytes, but newer than the tsc build that just ran: bin/gen.js compares the times.
    const now = new Date();
    utimesSync(bundleFile, now, now);
  }
}

export async function buildCli({ requireBundle = false } = {}) {
  copyGeneratedValidators();
  copyAssets();
  const esbuild = loadEsbuild();
  if (!esbuild) {
    // A bundle left from an earlier build would be stale: bin/gen.js then uses dist/main.js.
    rmSync(bundleFile, { force: true });
    const message = 'esbuild is not installed: packages/cli/dist/gen.cjs (the published CLI) was not built';
    if (requireBundle) throw new Error(message);
    process.stderr.write(`build-cli: note: ${message}; gen runs from dist/main.js\n`);
    return undefined;
  }
  try {
    await bundle(esbuild);
  } catch (error) {
    rmSync(bundleFile, { force: true }); // never leave a bundle older than the sources behind
    throw error;
  }
  return bundleFile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const built = await buildCli({ requireBundle: process.argv.includes('--require-bundle') });
    if (built && !process.argv.includes('--quiet')) {
      const size = statSync(built).size;
      process.stdout.write(`build-cli: ${relative(repoRoot, built)} (${(size / 1024).toFixed(0)} KiB)\n`);
    }
  } catch (error) {
    process.stderr.write(`build-cli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
