import type { SanitizedConfig } from 'payload'

import { collectionAccess } from './fromMatrix'

/**
 * Payload adds `payload-migrations` itself and offers no override for its access, which lets any
 * logged-in user read it through the local API. This applies the matrix rule (staff only) to the
 * sanitized config before Payload starts.
 */
export function restrictInternalCollections(config: SanitizedConfig): SanitizedConfig {
  const migrations = config.collections.find((c) => c.slug === 'payload-migrations')
  if (migrations) {
    const { read, create, update, delete: remove } = collectionAccess('payload-migrations')
    Object.assign(migrations.access, { read, create, update, delete: remove })
  }
  return config
}
