/**
 * Unit tests: no Azurite, no Graph simulator, no listening bot, no child process – domain, cards, app (in-memory
 * store), config, the in-memory storage contract, manifest, deploy files. No global setup. `npm run test:unit`.
 * A unit test that needs Azurite fails at once: TEST_STORAGE_CONNECTION_STRING is not set.
 * @type {import('jest').Config}
 */
const { INTEGRATION, common } = require('./jest.shared');

module.exports = {
  ...common,
  displayName: 'unit',
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...INTEGRATION],
};
