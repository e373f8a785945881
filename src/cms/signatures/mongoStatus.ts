import type { Payload } from 'payload'

/**
 * MongoDB has no migrations here (they are SQLite's, see src/process/bootstrap.ts): this does for it
 * what `src/data/migrations/*_sign_declaration.ts` does for SQLite, on every start and idempotently.
 * Signatories from before signatures had a status get one: approved ones `approved`, the others
 * `awaiting-moderation`; the old `approved` flag goes.
 */
export async function giveOldSignatoriesAStatus(payload: Payload): Promise<void> {
  if (payload.db.name !== 'mongoose') return
  const { connection } = payload.db as unknown as {
    connection: {
      collection(name: string): {
        updateMany(filter: object, update: object[]): Promise<{ modifiedCount: number }>
      }
    }
  }
  const { modifiedCount } = await connection
    .collection('signatories')
    .updateMany({ status: { $exists: false } }, [
      {
        $set: {
          status: { $cond: [{ $eq: ['$approved', true] }, 'approved', 'awaiting-moderation'] },
          source: 'staff',
        },
      },
      { $unset: 'approved' },
    ])
  if (modifiedCount > 0) {
    payload.logger.info(`gave ${modifiedCount} signatories from before the signing flow a status`)
  }
}
