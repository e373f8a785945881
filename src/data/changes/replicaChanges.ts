import { MESSAGES_MISSED, onReplicaMessage, publishToReplicas } from '@/replicas/bus'

import { invalidateReadCache } from './changeLog'
import { EVERYTHING, type Change } from './readSet'

/** Bus topic: the committed changes of a write in another replica. */
const CHANGES_TOPIC = 'read-cache.changes'

/**
 * Tells the other replicas what a committed write changed, and resolves once each has recorded
 * it in its change log and dropped the answers it touched (or after the bus's bound): the write
 * is acknowledged after that, so a reader who follows it to any replica sees the change.
 */
export function publishChanges(changes: readonly Change[]): Promise<void> {
  return changes.length === 0 ? Promise.resolve() : publishToReplicas(CHANGES_TOPIC, changes)
}

/**
 * Records another replica's changes as if they were this process's own: its cached answers that
 * they touch go, and a read under way that read what they changed stores nothing.
 */
export function receiveChangesFromReplicas(): void {
  onReplicaMessage<Change[]>(CHANGES_TOPIC, (changes) => {
    if (!Array.isArray(changes)) return invalidateReadCache(EVERYTHING)
    for (const change of changes) invalidateReadCache(change)
  })
  // Changes this process may have missed: nothing cached can be trusted.
  onReplicaMessage(MESSAGES_MISSED, () => invalidateReadCache(EVERYTHING))
}
