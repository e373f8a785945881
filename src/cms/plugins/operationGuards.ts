import type { Config } from 'payload'

import { refuseLargePages } from '@/cms/hooks/refuseLargePages'

/**
 * Guards every one of the portal's collections needs, whatever it holds (Payload's internal
 * collections keep their own rules): the largest page.
 */
export function operationGuards(config: Config): Config {
  return {
    ...config,
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      hooks: {
        ...collection.hooks,
        beforeOperation: [refuseLargePages, ...(collection.hooks?.beforeOperation ?? [])],
      },
    })),
  }
}
