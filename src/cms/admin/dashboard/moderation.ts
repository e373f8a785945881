import type { Payload } from 'payload'

/** The admin list of signatures waiting for the editors' decision. */
export const moderationListHref =
  '/admin/collections/signatories?where%5Bstatus%5D%5Bequals%5D=awaiting-moderation'

/** How many confirmed signatures wait for the editors. */
export async function signaturesAwaitingModeration(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'signatories',
    where: { status: { equals: 'awaiting-moderation' } },
    overrideAccess: true,
  })
  return totalDocs
}
