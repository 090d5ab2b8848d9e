// Browser end-to-end tests: the real compiled server serving the built SPA, driven by Chromium.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  testTimeout: 60_000,
  // Two files at a time, each with its own server, database and Chromium (the walk of every page
  // is split in two files so its halves run side by side).
  maxWorkers: 2,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
};
