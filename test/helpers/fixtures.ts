import type { Payload } from 'payload'

/** The ID of a seeded document, found by slug. */
export async function idBySlug(
  payload: Payload,
  collection: 'organizations' | 'people' | 'projects' | 'news' | 'events' | 'principles',
  slug: string,
): Promise<string> {
  const { docs } = await payload.find({
    collection,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
  })
  const id = docs[0]?.id
  if (!id) throw new Error(`no ${collection} with slug ${slug}`)
  return String(id)
}

/** Minimal valid data for a new document of each content collection (German locale). */
export async function minimalData(
  payload: Payload,
  unique: string,
): Promise<Record<string, Record<string, unknown>>> {
  const organization = await idBySlug(payload, 'organizations', 'fraunhofer-iais')
  return {
    news: { title: `Testmeldung ${unique}` },
    projects: { title: `Testprojekt ${unique}`, organization },
    principles: { title: `Testprinzip ${unique}`, position: 100 + Math.floor(Math.random() * 1e6) },
    events: { title: `Testveranstaltung ${unique}`, startsAt: '2026-05-04T10:00:00.000Z' },
    people: { name: `Test Person ${unique}` },
    organizations: { name: `Testorganisation ${unique}`, kind: 'startup' },
    signatories: { displayName: `Test Signatory ${unique}`, kind: 'person' },
  }
}

/** A title-like field of each collection, to change in update tests. */
export const titleField: Record<string, string> = {
  news: 'title',
  projects: 'title',
  principles: 'title',
  events: 'title',
  people: 'name',
  organizations: 'name',
  signatories: 'displayName',
}
