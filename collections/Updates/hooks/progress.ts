import type { FieldHook } from 'payload'

const statusesOf = { sent: ['sent', 'skipped'], waiting: ['queued'], failed: ['failed'] } as const

/**
 * A send's progress, counted from its recorded mail by status when an editor opens the update
 * (an index on the queue's update and status makes each count a range read). Only for the one
 * document being edited: a list of updates shows recipients and dates, not counts.
 */
export const countProgress =
  (kind: keyof typeof statusesOf): FieldHook =>
  async ({ originalDoc, req, findMany }) => {
    if (findMany || !originalDoc?.id || !originalDoc.startedAt) return 0
    const { totalDocs } = await req.payload.count({
      collection: 'mail-queue',
      where: {
        and: [{ update: { equals: originalDoc.id } }, { status: { in: [...statusesOf[kind]] } }],
      },
      overrideAccess: true,
      req,
    })
    return totalDocs
  }
