import {
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

/** Runs `work` in a transaction of its own and rolls it back, as a failed save would. */
export async function rolledBack(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<unknown>,
): Promise<void> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  await work(req)
  await killTransaction(req)
}
