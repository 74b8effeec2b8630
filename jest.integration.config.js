/**
 * Integration tests: the bot over HTTP on /api/messages, storage on Azurite, Graph against the simulator, bot
 * processes (these need `npm run build` first). The global setup starts one Azurite for the run.
 * `npm run test:integration`.
 * @type {import('jest').Config}
 */
const { INTEGRATION, common } = require('./jest.shared');

module.exports = {
  ...common,
  displayName: 'integration',
  testRegex: INTEGRATION,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
};
