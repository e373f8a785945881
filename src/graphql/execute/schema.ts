import { configToSchema } from '@payloadcms/graphql'
import type { GraphQLSchema } from 'graphql'
import type { SanitizedConfig } from 'payload'

import { processSlot } from '@/core/processSingleton'

const built = processSlot<Promise<GraphQLSchema>>('graphql-schema')

/**
 * Payload's GraphQL schema, built once per process (the express endpoint and Next's route share
 * it). Development builds it anew on every request, as Payload's route does, so a changed config
 * shows at once.
 */
export function schemaOf(
  config: Promise<SanitizedConfig> | SanitizedConfig,
): Promise<GraphQLSchema> {
  const known = built.get()
  if (known && process.env.NODE_ENV !== 'development') return known
  const schema = (async () => configToSchema(await config).schema)()
  schema.catch(() => {
    if (built.get() === schema) built.set(undefined)
  })
  built.set(schema)
  return schema
}
