import { isWriteTurnEnvelope, WRITE_TURN_CHANNEL, type WriteTurnEnvelope } from './envelopes'
import { isClusterWorker } from './identity'
import { processSingleton } from '@/core/processSingleton'

type Pending = Map<number, () => void>

/** This worker's requests for the turn that the supervisor has not granted yet. */
const pending = () =>
  processSingleton('write-turn-requests', () => {
    const requests: Pending = new Map()
    process.on('message', (value: unknown) => {
      if (!isWriteTurnEnvelope(value) || value.kind !== 'granted') return
      requests.get(value.id)?.()
      requests.delete(value.id)
    })
    return { requests, next: 0 }
  })

const send = (envelope: WriteTurnEnvelope) => process.send?.(envelope)

const noTurnToEnd = () => {}

/**
 * Long enough for any legitimate transaction of the portal (a bulk edit, a chunk of
 * seed:large), short enough that a transaction nobody ends does not stop all saves for good.
 */
export const WRITE_TURN_LIMIT_MS = 60_000

/**
 * SQLite's one writer, taken in turn by the workers of a supervisor: the supervisor grants the
 * turn to one worker at a time, in the order they asked, and takes it back from a worker that
 * dies (src/process/cluster/relay.ts). Inside a worker, writes first take the process's own turn
 * (src/data/adapter/sqliteWriteQueue.ts), so at most one request per worker waits here.
 *
 * Without it, a worker's `BEGIN` while another worker writes fails at once with SQLITE_BUSY
 * (transactions' connections have no busy timeout), and a busy timeout would block
 * the waiting worker's event loop. A lone process has the turn always.
 */
export function crossProcessWriteTurn(): Promise<() => void> {
  if (!isClusterWorker()) return Promise.resolve(noTurnToEnd)
  const state = pending()
  const id = ++state.next
  return new Promise((resolve) => {
    state.requests.set(id, () => {
      let ended = false
      resolve(() => {
        if (ended) return
        ended = true
        send({ channel: WRITE_TURN_CHANNEL, kind: 'release', id })
      })
    })
    send({ channel: WRITE_TURN_CHANNEL, kind: 'acquire', id })
  })
}
