import type { CollectionSlug, Payload } from 'payload'

import { lexicalText } from '@/data/seed/richText'
import { seed } from '@/data/seed/seed'

import { graphql, startPayload, stopPayload } from '../helpers/api'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

const collections: CollectionSlug[] = [
  'organizations',
  'people',
  'principles',
  'projects',
  'events',
  'signatories',
  'news',
]

async function snapshot() {
  const state: Record<string, string[]> = {}
  for (const collection of collections) {
    const { docs } = await payload.find({
      collection,
      limit: 100,
      depth: 0,
      draft: true,
      sort: 'createdAt',
    })
    state[collection] = docs.map(
      (d) => `${d.id}@${String((d as { updatedAt?: string }).updatedAt)}`,
    )
  }
  const declaration = await payload.findGlobal({ slug: 'declaration', depth: 0 })
  const site = await payload.findGlobal({ slug: 'site', depth: 0 })
  state.globals = [String(declaration.updatedAt), String(site.updatedAt)]
  return state
}

test('the seeded database holds the initiative as the announcement describes it', async () => {
  const { data } = await graphql<{
    Declaration: {
      title: string
      place: string
      signedOn: string
      initiators: { name: string }[]
      principles: { position: number }[]
    }
    Projects: { docs: { title: string; funding: { funder: { shortName: string } } }[] }
    Events: {
      docs: {
        participants: { count: number }
        hosts: { name: string }[]
        speakers: unknown[] | null
      }[]
    }
    People: { totalDocs: number }
    Organizations: { docs: { shortName: string; kind: string }[] }
    News: { totalDocs: number }
  }>(`
    {
      Declaration {
        title
        place
        signedOn
        initiators {
          name
        }
        principles {
          position
        }
      }
      Projects {
        docs {
          title
          funding {
            funder {
              shortName
            }
          }
        }
      }
      Events {
        docs {
          participants {
            count
          }
          hosts {
            name
          }
          speakers {
            id
          }
        }
      }
      People {
        totalDocs
      }
      Organizations(sort: "name") {
        docs {
          shortName
          kind
        }
      }
      News {
        totalDocs
      }
    }
  `)
  expect(data?.Declaration.title).toBe('New Wave of European AI')
  expect(data?.Declaration.place).toBe('Berlin')
  expect(data?.Declaration.signedOn.slice(0, 10)).toBe('2025-11-17')
  expect(data?.Declaration.initiators.map((p) => p.name)).toEqual([
    'Jörg Bienert',
    'Nicolas Flores-Herr',
  ])
  expect(data?.Declaration.principles.map((p) => p.position)).toEqual([1, 2, 3, 4])
  expect(data?.Projects.docs[0]?.title).toMatch(/^SOOFI/)
  expect(data?.Projects.docs[0]?.funding.funder.shortName).toBe('BMWE')
  expect(data?.Events.docs[0]?.participants.count).toBe(80)
  expect(data?.Events.docs[0]?.hosts.map((h) => h.name)).toEqual([
    'Jörg Bienert',
    'Nicolas Flores-Herr',
  ])
  // No speakers are invented.
  expect(data?.Events.docs[0]?.speakers ?? []).toEqual([])
  expect(data?.People.totalDocs).toBe(3)
  expect(data?.News.totalDocs).toBe(3)
  // GraphQL enum names cannot hold hyphens: Payload exposes public-funder as public_funder.
  expect(data?.Organizations.docs.map((o) => o.kind).sort()).toEqual([
    'association',
    'public_funder',
    'research',
  ])
})

test('news quotes are short and attributed to a person', async () => {
  const { docs } = await payload.find({
    collection: 'news',
    depth: 1,
    locale: 'de',
    where: { slug: { equals: 'erklaerung-new-wave-of-european-ai-unterzeichnet' } },
  })
  const body = docs[0]?.body as {
    root: { children: { type: string; fields?: { person: { name: string }; text: string } }[] }
  }
  const quote = body.root.children.find((node) => node.type === 'block')
  expect(quote?.fields?.person.name).toBe('Jörg Bienert')
  expect(quote?.fields?.text.length).toBeLessThan(200)
  expect(lexicalText(body)).toContain('17. November 2025')
})

test('running the seed again changes nothing', async () => {
  const before = await snapshot()
  const report = await seed(payload, { log: () => undefined })
  expect(Object.values(report.created).every((n) => n === 0)).toBe(true)
  expect(await snapshot()).toEqual(before)
})

test('an editor’s change survives a re-seed, and a deleted item is recreated', async () => {
  const { docs } = await payload.find({
    collection: 'principles',
    where: { position: { equals: 1 } },
    limit: 1,
  })
  await payload.update({
    collection: 'principles',
    id: docs[0]!.id,
    locale: 'de',
    data: { title: 'Von der Redaktion geändert' },
  })
  const person = await payload.find({
    collection: 'people',
    where: { slug: { equals: 'karsten-wildberger' } },
  })
  await payload.delete({ collection: 'people', id: person.docs[0]!.id })

  const report = await seed(payload, { log: () => undefined })
  expect(report.created.people).toBe(1)
  expect(report.created.principles).toBe(0)
  const after = await payload.findByID({ collection: 'principles', id: docs[0]!.id, locale: 'de' })
  expect(after.title).toBe('Von der Redaktion geändert')
  const recreated = await payload.find({
    collection: 'people',
    where: { slug: { equals: 'karsten-wildberger' } },
    locale: 'en',
  })
  expect(recreated.docs[0]?.roleTitle).toBe('Federal Minister for Digital Affairs')
})
