import config from '@payload-config'
import type { Payload } from 'payload'

import { hiddenInAdmin } from '@/access/fromMatrix'
import type { EntitySlug } from '@/access/matrix'
import { projectsInReview, ReviewQueue, reviewQueueHref } from '@/components/admin/ReviewQueue'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { idBySlug } from '../helpers/fixtures'
import { createUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

test('a partner sees in the admin only what it can work on', async () => {
  const sanitized = await config
  const visible = (role: string) =>
    [...sanitized.collections, ...sanitized.globals]
      .filter((entity) => {
        const hidden = entity.admin?.hidden
        return !(typeof hidden === 'function' ? hidden({ user: { role } as never }) : hidden)
      })
      .map((entity) => entity.slug)
      .filter((slug) => !slug.startsWith('payload-'))
  expect(visible('partner').sort()).toEqual([
    'media',
    'organizations',
    'people',
    'projects',
    'users',
  ])
  expect(visible('editor').sort()).toEqual([
    'declaration',
    'events',
    'media',
    'news',
    'organizations',
    'people',
    'principles',
    'projects',
    'signatories',
    'site',
    'users',
  ])
  expect(hiddenInAdmin('news' as EntitySlug)({ user: { role: 'partner' } })).toBe(true)
})

test('editors see the review queue count on the dashboard; partners do not', async () => {
  const partner = await createUser(payload, 'partner', {
    organization: await idBySlug(payload, 'organizations', 'bmwe'),
  })
  const editor = await createUser(payload, 'editor')
  expect(await projectsInReview(payload)).toBe(0)
  const project = await rest('POST', '/projects', {
    token: partner.token,
    body: { title: 'Wartet' },
  })
  const id = (project.body.doc as { id: string }).id
  await rest('PATCH', `/projects/${id}`, {
    token: partner.token,
    body: { review: { state: 'in-review' } },
  })
  expect(await projectsInReview(payload)).toBe(1)

  const forEditor = await ReviewQueue({
    payload,
    user: { ...editor.user, collection: 'users' } as never,
  })
  expect(JSON.stringify(forEditor)).toContain('1 project(s) waiting for review')
  expect(JSON.stringify(forEditor)).toContain(reviewQueueHref.replace(/&/g, '&'))
  expect(
    await ReviewQueue({ payload, user: { ...partner.user, collection: 'users' } as never }),
  ).toBeNull()

  // The queue's link filters the admin list the same way the REST API does.
  const queue = await rest('GET', '/projects?draft=true&where[review.state][equals]=in-review', {
    token: editor.token,
  })
  expect((queue.body.docs as { id: string }[]).map((d) => d.id)).toEqual([id])
})
