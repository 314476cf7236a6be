#!/usr/bin/env node
'use strict';
// Kept small on purpose: `gen --version` must start about as fast as `node -e 0`, so it loads
// nothing. Everything else runs the bundle dist/gen.cjs (scripts/build-cli.mjs; the one file the
// published package ships) or, in a checkout where no current bundle was built, dist/main.js.
const fs = require('node:fs');
const path = require('node:path');
const { Buffer } = require('node:buffer');

const args = process.argv.slice(2);
const packageDir = path.join(__dirname, '..');
const bundle = path.join(packageDir, 'dist', 'gen.cjs');

const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

/**
 * In a checkout (src/ exists) `tsc -b` may have rebuilt the packages after the bundle was made; the
 * bundle is used only when it is at least as new as every package's last build.
 */
function bundleIsCurrent(bundleTime) {
  if (!fs.existsSync(path.join(packageDir, 'src'))) return true;
  const packagesDir = path.join(packageDir, '..');
  for (const name of fs.readdirSync(packagesDir)) {
    const built = mtime(path.join(packagesDir, name, 'dist', '.tsbuildinfo'));
    if (built !== undefined && built > bundleTime) return false;
  }
  return true;
}

/**
 * Runs the bundle through V8's code cache: compiling a megabyte of JavaScript, and later every
 * function it calls, is a good part of a short run. The cache sits next to the bundle and is
 * keyed by the bundle's size and time (V8 itself only checks the length); where it cannot be
 * read or written, the bundle simply runs without it.
 */
function loadBundle(bundleStat) {
  const Module = require('node:module');
  const vm = require('node:vm');
  const cacheFile = path.join(packageDir, 'dist', '.gen.cjs.v8cache');
  const key = `${bundleStat.size}:${bundleStat.mtimeMs}:${process.version}:${process.arch}\n`;
  let cachedData;
  try {
    const cache = fs.readFileSync(cacheFile);
    const keyLength = cache.indexOf(10) + 1;
    if (keyLength > 0 && cache.toString('latin1', 0, keyLength) === key) cachedData = cache.subarray(keyLength);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const bundleModule = new Module(bundle, module);
  bundleModule.filename = bundle;
  bundleModule.paths = Module._nodeModulePaths(path.dirname(bundle));
  const bundleRequire = Module.createRequire(bundle);
  script
    .runInThisContext()
    .call(bundleModule.exports, bundleModule.exports, bundleRequire, bundleModule, bundle, path.dirname(bundle));
  const saveCache = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    try {
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, Buffer.concat([Buffer.from(key, 'latin1'), script.createCachedData()]));
      fs.renameSync(temporary, cacheFile);
    } catch {
      // a read-only installation runs without the cache
    }
  };
  return { main: bundleModule.exports.main, saveCache };
}

function entry() {
  let bundleStat;
  try {
    bundleStat = fs.statSync(bundle);
  } catch {
    bundleStat = undefined;
  }
  if (bundleStat && bundleIsCurrent(bundleStat.mtimeMs)) return loadBundle(bundleStat);
  return { main: require('../dist/main.js').main, saveCache: () => {} };
}

if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  const { main, saveCache } = entry();
  main(args).then((code) => {
    process.exitCode = code;
    saveCache();
  });
}
