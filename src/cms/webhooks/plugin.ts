import type { CollectionConfig, Config, GlobalConfig } from 'payload'

import {
  webhookCollections,
  webhookGlobals,
  type WebhookCollection,
  type WebhookGlobal,
} from '@/operations/webhooks/events'

import { countedSignatureDeleted, signatureCountChanged } from './countHooks'
import { collectionWebhookHooks, globalWebhookHooks } from './contentHooks'

const isCollection = (slug: string): slug is WebhookCollection =>
  (webhookCollections as readonly string[]).includes(slug)
const isGlobal = (slug: string): slug is WebhookGlobal =>
  (webhookGlobals as readonly string[]).includes(slug)

const hasDrafts = (entity: CollectionConfig | GlobalConfig) =>
  typeof entity.versions === 'object' && Boolean(entity.versions?.drafts)

function withCollectionHooks(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  if (collection.slug === 'signatories') {
    return {
      ...collection,
      hooks: {
        ...hooks,
        afterChange: [...(hooks.afterChange ?? []), signatureCountChanged],
        afterDelete: [...(hooks.afterDelete ?? []), countedSignatureDeleted],
      },
    }
  }
  if (!isCollection(collection.slug)) return collection
  const { before, after, deleted } = collectionWebhookHooks(collection.slug, hasDrafts(collection))
  return {
    ...collection,
    hooks: {
      ...hooks,
      // Last, so the state read before the write is the one the other hooks leave.
      beforeChange: [...(hooks.beforeChange ?? []), before],
      afterChange: [...(hooks.afterChange ?? []), after],
      afterDelete: [...(hooks.afterDelete ?? []), deleted],
    },
  }
}

function withGlobalHooks(global: GlobalConfig): GlobalConfig {
  if (!isGlobal(global.slug)) return global
  const hooks = global.hooks ?? {}
  const { before, after } = globalWebhookHooks(global.slug, hasDrafts(global))
  return {
    ...global,
    hooks: {
      ...hooks,
      beforeChange: [...(hooks.beforeChange ?? []), before],
      afterChange: [...(hooks.afterChange ?? []), after],
    },
  }
}

/**
 * Outgoing webhooks (docs/webhooks.md): every write to what the public reads records a delivery
 * for each endpoint that subscribed to it, in the write's own transaction.
 */
export function webhooks(config: Config): Config {
  return {
    ...config,
    collections: (config.collections ?? []).map(withCollectionHooks),
    globals: (config.globals ?? []).map(withGlobalHooks),
  }
}
