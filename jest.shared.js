/**
 * What the two jest projects share, and which test files are integration tests (see jest.config.js).
 * A test file is an integration test if its path matches INTEGRATION, otherwise a unit test.
 */
const INTEGRATION = [
  '/tests/bot/.*\\.test\\.ts$',
  '/tests/graph-simulator/.*\\.test\\.ts$',
  '/tests/storage/blob-[^/]*\\.test\\.ts$',
  '/tests/storage/case-repository\\.test\\.ts$',
  '/tests/support/azurite\\.test\\.ts$',
  '\\.integration\\.test\\.ts$',
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  // Transpile only: `npm test` type-checks the whole project with tsc first, so jest need not do it per file again.
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
  testTimeout: 20000,
};

module.exports = { INTEGRATION, common };
