import type { Payload } from 'payload'

/**
 * The public count: confirmed, approved signatures, counted-only ones included. Pages, the
 * `signatureCount` GraphQL field and the webhooks' count messages all read it here.
 */
export async function signatureCount(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'signatories',
    where: { status: { equals: 'approved' } },
    overrideAccess: true,
  })
  return totalDocs
}
