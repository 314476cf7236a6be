// Shared jest settings: tests run against TypeScript sources (no build needed), transpiled by swc;
// type errors are caught by `npm run typecheck`, not by the test runner.
const path = require('node:path');

const packagesDir = path.join(__dirname, 'packages');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'].filter((dir) =>
    require('node:fs').existsSync(dir.replace('<rootDir>', process.cwd())),
  ),
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleNameMapper: {
    '^@twinform/(spec|compose|kubernetes|drift|scaffold)$': path.join(packagesDir, '$1/src/index.ts'),
    '^twinform$': path.join(packagesDir, 'cli/src/index.ts'),
  },
  testTimeout: 60000,
};
