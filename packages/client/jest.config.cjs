// Unit and component tests: jsdom, TypeScript/TSX compiled by SWC with React's automatic runtime.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/src/test/jsdomEnvironment.cjs',
  // Resolve packages' CommonJS builds rather than their browser ESM ones.
  testEnvironmentOptions: { customExportConditions: ['require', 'default'] },
  roots: ['<rootDir>/src', '<rootDir>/codegen'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, decorators: false },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: { '\\.css$': 'identity-obj-proxy' },
  // Both cores (jest's default keeps one for itself, which sits idle here).
  maxWorkers: 2,
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
};
