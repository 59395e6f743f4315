// The browser suite: one jest project, run in band by `npm run web:e2e` (tools/test.sh), against the
// system the suite starts itself (system-under-test.ts).
const { compilerOptions } = require('../../../tsconfig.base.json');

module.exports = {
  rootDir: __dirname,
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  moduleNameMapper: Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace('/', '\\/')}$`, `<rootDir>/../../../${target}`]),
  ),
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  testTimeout: 120_000,
  // The suite's own children are stopped in afterAll; a stray socket must not hold CI for minutes.
  forceExit: true,
};
