import type { Payload } from 'payload'

import { MESSAGES_MISSED, onReplicaMessage, publishToReplicas } from '@/replicas/bus'

import { buildSearchIndex, refreshDocument } from './indexer'
import { searchState } from './state'
import type { SearchType } from './sources'

/** Bus topic: a searchable document changed in another replica; read it again. */
const SEARCH_TOPIC = 'search.refresh'

type Refresh = { type: SearchType; id: string }

/**
 * Each replica keeps its own index in memory; a change committed in one is read again by every
 * other before the writer is answered (within the bus's bound), so the next search anywhere
 * finds what the writer saw saved.
 */
export const publishSearchRefresh = (type: SearchType, id: string): Promise<void> =>
  publishToReplicas(SEARCH_TOPIC, { type, id } satisfies Refresh)

export function receiveSearchRefreshes(payload: Payload): void {
  // The writer has purged the shared caches of what the index answered; this replica need not.
  onReplicaMessage<Refresh>(SEARCH_TOPIC, ({ type, id }) =>
    refreshDocument(payload, type, String(id), { purgeShared: false }),
  )
  // Updates this process may have missed: the index is read again while the old one answers.
  onReplicaMessage(MESSAGES_MISSED, () => (searchState() ? buildSearchIndex(payload) : undefined))
}
