import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { PUBLIC_READS_UNCHANGED } from '@/data/changes/invalidation'

/**
 * Runs `work` in a transaction of its own request: a signature, its used form and its mail
 * commit together or not at all. `unseen` marks writes the public cannot see (a pending
 * signature), which leave the read cache alone (src/data/changes/invalidation.ts).
 */
export async function inTransaction<T>(
  payload: Payload,
  unseen: boolean,
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> {
  const req = await createLocalReq({ context: { [PUBLIC_READS_UNCHANGED]: unseen } }, payload)
  const started = await initTransaction(req)
  try {
    const result = await work(req)
    if (started) await commitTransaction(req)
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    throw error
  }
}
