// Lint: TypeScript rules plus Nx module boundaries. Tags on every project.json say what a project
// is (type:app | type:domain | type:infra | type:util | type:testing); the constraints below keep
// apps from importing apps and keep domain libraries free of frameworks and I/O.
const tseslint = require('typescript-eslint');
const nx = require('@nx/eslint-plugin');

const frameworkImports = [
  '@nestjs/*', 'typeorm', 'kafkajs', 'bullmq', 'ioredis', 'pg', 'express', 'pino', 'pino-http',
  'prom-client', 'exceljs', 'csv-parse', 'node:fs', 'fs', 'node:net', 'net', 'node:http', 'http',
];

module.exports = tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', '.kafka/**', '.run/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:util', 'type:testing'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:util'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:util', 'type:testing'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs', 'bullmq', 'ioredis', 'pg'] },
          ],
        },
      ],
    },
  },
);
