import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * Typed document nodes for the operations in src/graphql/operations, from the committed schema.
 * `npm run generate` writes src/graphql/generated.ts; a test fails when it drifts.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'src/graphql/operations/*.graphql',
  generates: {
    'src/graphql/generated.ts': {
      // typescript-operations emits the enums and inputs the operations use by itself.
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        onlyOperationTypes: true,
        // Payload's names differ only in case in places (NewsItem_where, …): keep them as they are.
        namingConvention: 'keep',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', JSON: 'unknown', EmailAddress: 'string' },
      },
    },
  },
}

export default config
