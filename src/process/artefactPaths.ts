/**
 * The committed generated files, relative to the repository root. A module of its own, so a test
 * can name them without loading the Payload config (src/process/generatedArtefacts.ts renders them).
 */
export const artefactPaths = {
  types: 'src/payload-types.ts',
  importMap: 'src/app/(payload)/admin/importMap.js',
  schema: 'schema.graphql',
  access: 'docs/access.md',
  operations: 'src/graphql/generated.ts',
} as const
