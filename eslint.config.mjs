import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import prettier from 'eslint-config-prettier'

// Next.js and TypeScript rules; Prettier owns formatting (checked by `prettier --check`).
const eslintConfig = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    ignores: [
      '.next/',
      '.server/',
      'next-env.d.ts',
      'data/',
      'media/',
      'src/payload-types.ts',
      'src/graphql/generated.ts',
      'src/app/(payload)/admin/importMap.js',
      'src/data/migrations/',
      'test-results/',
    ],
  },
]

export default eslintConfig
