import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const prismaOnlyInLibDb = {
  patterns: [
    { group: ['**/generated/prisma', '**/generated/prisma/*'], message: 'Only lib/db talks to the Prisma client: add a repository verb there.' },
    { group: ['@prisma/client', '@prisma/client/*', '@prisma/adapter-pg'], message: 'Only lib/db talks to the Prisma client: add a repository verb there.' },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'lib/db/generated/**', '.lifeboat/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    rules: {
      'no-restricted-imports': ['error', prismaOnlyInLibDb],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['lib/db/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['lib/domain/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...prismaOnlyInLibDb.patterns,
          { group: ['node:fs', 'node:net', 'node:http', 'node:https', 'node:child_process', 'fs', 'net', 'http', 'https', 'child_process', 'pg', 'ioredis', '@azure/*', '@qdrant/*', '@/lib/db/*', '@/lib/adapters/*'], message: 'lib/domain is pure: no I/O.' },
        ],
      }],
    },
  },
];
export default config;
