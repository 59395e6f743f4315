// npm run test:security: every route of every running service attacked directly and through the
// gateway, and one test per attack of issue 9. Real Kafka, PostgreSQL and Redis, like the integration suite.
const base = require('../../jest.config.js').projects.find((p) => p.displayName === 'integration');

module.exports = {
  ...base,
  displayName: 'security',
  rootDir: require('node:path').resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/tools/security/**/*.security-spec.ts'],
  // @nestjs/bull-shared ships ES modules only; everything else in node_modules is CommonJS.
  transform: { ...base.transform, '^.+/@nestjs/bull-shared/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }] },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/bull-shared/)'],
};
