/**
 * The test pyramid as two jest projects: `unit` (jest.unit.config.js, no services, seconds) and `integration`
 * (jest.integration.config.js, Azurite, simulator, HTTP). Plain `jest` runs both; `npm test` runs unit first,
 * then integration, each with its own config so that `npm run test:unit -- tests/domain` filters as usual.
 * @type {import('jest').Config}
 */
module.exports = {
  projects: ['<rootDir>/jest.unit.config.js', '<rootDir>/jest.integration.config.js'],
};
