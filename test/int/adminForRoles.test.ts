import config from '@payload-config'
import type { Payload } from 'payload'

import { hiddenInAdmin } from '@/cms/access/fromMatrix'
import type { EntitySlug } from '@/cms/access/matrix'
import { dashboardData } from '@/cms/admin/dashboard/data'
import { submissionsInReview } from '@/cms/admin/dashboard/submissions'
import { reviewListFilter, reviewListHref } from '@/cms/review/listFilter'

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
    'updates',
    'users',
  ])
  // Subscribers' addresses are the admins' alone; editors send updates without seeing them.
  expect(visible('admin')).toContain('subscribers')
  // The review history is read inside each document's review panel, not as a list of its own.
  expect(visible('admin')).not.toContain('review-history')
  expect(hiddenInAdmin('news' as EntitySlug)({ user: { role: 'partner' } })).toBe(true)
})

test('editors see what waits for review on the dashboard, in their language; partners do not', async () => {
  const partner = await createUser(payload, 'partner', {
    organization: await idBySlug(payload, 'organizations', 'bmwe'),
  })
  const editor = await createUser(payload, 'editor')
  expect(await submissionsInReview(payload)).toEqual([])
  const project = await rest('POST', '/projects', {
    token: partner.token,
    body: { title: 'Wartet' },
  })
  const id = (project.body.doc as { id: string }).id
  await rest('PATCH', `/projects/${id}`, {
    token: partner.token,
    body: { review: { state: 'in-review' } },
  })
  const person = await rest('POST', '/people', {
    token: partner.token,
    body: { name: 'Wartende Person', review: { state: 'in-review' } },
  })
  const personId = (person.body.doc as { id: string }).id
  const queued = await submissionsInReview(payload)
  expect(queued.map((item) => [item.collection, item.id])).toEqual([
    ['projects', id],
    ['people', personId],
  ])

  // A news draft scheduled for publishing, and the editor's recent change.
  const news = await payload.create({
    collection: 'news',
    data: { title: 'Geplante Meldung', _status: 'draft' },
    draft: true,
  })
  const at = new Date(Date.now() + 86_400_000).toISOString()
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'news', value: String(news.id) } },
    waitUntil: new Date(at),
  })
  const data = await dashboardData(payload, { ...editor.user, collection: 'users' } as never)
  expect(data?.queue.map((item) => item.title)).toEqual(['Wartet', 'Wartende Person'])
  // Never published: nothing to compare with.
  expect(data?.queue[0]?.compareHref).toBeNull()
  expect(data?.scheduled).toEqual([
    expect.objectContaining({ type: 'publish', collection: 'news', title: 'Geplante Meldung', at }),
  ])
  expect(data?.recent[0]).toMatchObject({ collection: 'news', title: 'Geplante Meldung' })
  expect(await dashboardData(payload, { ...partner.user, collection: 'users' } as never)).toBeNull()

  // The queue's links open the admin list narrowed by its base filter, not by a `where` that
  // Payload's filter panel cannot show (the review group is not a form field).
  expect(reviewListHref('projects')).toBe('/admin/collections/projects?review=in-review')
  const asked = (query: Record<string, unknown>) =>
    reviewListFilter({ req: { query } as never, limit: 10, page: 1, sort: '' })
  expect(await asked({})).toBeNull()
  expect(await asked({ review: 'anything' })).toBeNull()
  const where = await asked({ review: 'in-review' })
  const queue = await payload.find({ collection: 'projects', draft: true, where: where! })
  expect(queue.docs.map((d) => d.id)).toEqual([id])
})
