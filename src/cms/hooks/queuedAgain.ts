import {
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type PayloadRequest,
} from 'payload'

type Status = string | null | undefined

/**
 * The one change an admin may make to a record the server keeps (a mail, a webhook delivery):
 * setting its status back to `queued`, which sends it again. Everything else about the record
 * is the server's (its fields refuse updates themselves); a status change other than the one
 * allowed is refused with `refusal`. `queueAgain` runs in the same transaction.
 */
export function queuedAgainByAdmin(options: {
  /** The statuses a record may be queued again from. */
  from: (status: Status) => boolean
  refusal: string
  queueAgain: (req: PayloadRequest, id: string) => Promise<void>
}): { beforeChange: CollectionBeforeChangeHook; afterChange: CollectionAfterChangeHook } {
  const isAgain = (before: Status, after: Status) =>
    after === 'queued' && before !== 'queued' && options.from(before)
  return {
    beforeChange: ({ data, operation, originalDoc, req }) => {
      // Records are made within someone's request; the server records outcomes as the system.
      if (operation !== 'update' || !req.user) return data
      const before = originalDoc?.status as Status
      const after = (data.status as Status) ?? before
      if (after !== before && !isAgain(before, after)) {
        throw new ValidationError({ errors: [{ path: 'status', message: options.refusal }] })
      }
      return data
    },
    afterChange: async ({ doc, previousDoc, req }) => {
      if (req.user && isAgain(previousDoc?.status as Status, doc.status as Status)) {
        await options.queueAgain(req, String(doc.id))
      }
      return doc
    },
  }
}
