/**
 * Browser end-to-end tests (tests/e2e/*.e2e.ts): the whole local stack driven through the Playground in Chromium.
 * Run with `npm run test:e2e` (builds first; one test file at a time).
 * @type {import('jest').Config}
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 240000,
};
