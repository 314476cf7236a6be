module.exports = {
  ...require('../../jest.preset.js'),
  // The end-to-end tests run the built CLI (bin/gen.js → dist/); build it once per run.
  globalSetup: '<rootDir>/test/build-cli.ts',
};
