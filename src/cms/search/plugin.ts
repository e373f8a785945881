import type { CollectionConfig, Config, Endpoint, GlobalConfig } from 'payload'

import { hasRole } from '@/cms/access/roles'

import { searchQueries } from './graphqlField'
import { indexAfterChange, indexAfterDelete, indexGlobalAfterChange } from './hooks'
import { buildSearchIndex } from './indexer'
import { searchReadiness } from './readiness'
import { sourceOfCollection, sourceOfGlobal } from './sources'

/**
 * `POST /api/search/reindex` (admins): rebuilds the index from the database in the background,
 * the current index answering until the new one is complete. `npm run search:reindex` calls it.
 */
const reindexEndpoint: Endpoint = {
  path: '/search/reindex',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin')) {
      return Response.json({ message: 'Only admins rebuild the search index' }, { status: 403 })
    }
    void buildSearchIndex(req.payload)
    return Response.json({ search: searchReadiness() }, { status: 202 })
  },
}

const withCollectionHooks = (collection: CollectionConfig): CollectionConfig =>
  sourceOfCollection(collection.slug)
    ? {
        ...collection,
        hooks: {
          ...collection.hooks,
          afterChange: [...(collection.hooks?.afterChange ?? []), indexAfterChange],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), indexAfterDelete],
        },
      }
    : collection

const withGlobalHooks = (global: GlobalConfig): GlobalConfig =>
  sourceOfGlobal(global.slug)
    ? {
        ...global,
        hooks: {
          ...global.hooks,
          afterChange: [...(global.hooks?.afterChange ?? []), indexGlobalAfterChange],
        },
      }
    : global

/**
 * Full-text search (docs/search.md): the hooks that keep the index up to date, the `search`
 * GraphQL query and the reindex endpoint. The index itself is built by the server on start
 * (`buildSearchIndex`), not here: scripts and the seeder initialise Payload too and need none.
 */
export function search(config: Config): Config {
  const queries = config.graphQL?.queries
  return {
    ...config,
    collections: (config.collections ?? []).map(withCollectionHooks),
    globals: (config.globals ?? []).map(withGlobalHooks),
    endpoints: [...(config.endpoints ?? []), reindexEndpoint],
    graphQL: {
      ...config.graphQL,
      queries: (graphQL, context) => ({
        ...queries?.(graphQL, context),
        ...searchQueries(graphQL, context),
      }),
    },
  }
}
