/** The fault suite: real campaigns while workers, SMTP and Temporal fail (`npm run test:faults`). */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 600_000,
  // One fault at a time: each kills and restarts things the others would feel.
  maxWorkers: 1,
};
