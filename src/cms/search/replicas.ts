import type { Payload } from 'payload'

import { onReplicaMessage, publishToReplicas } from '@/replicas/bus'

import { refreshDocument } from './indexer'
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
  onReplicaMessage<Refresh>(SEARCH_TOPIC, ({ type, id }) => refreshDocument(payload, type, id))
}
