import type { Payload } from 'payload'

import { rest, startPayload, stopPayload } from '../helpers/api'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

test('a news item scheduled for publishing goes live when the job runner reaches it', async () => {
  const draft = await payload.create({
    collection: 'news',
    draft: true,
    data: { title: 'Geplante Meldung', _status: 'draft' },
  })
  expect((await rest('GET', `/news/${draft.id}`)).status).toBe(404)

  // What the admin's "schedule publish" does: a job for the schedulePublish task.
  const waitUntil = new Date(Date.now() + 500)
  await payload.jobs.queue({
    task: 'schedulePublish',
    waitUntil,
    input: { type: 'publish', doc: { relationTo: 'news', value: String(draft.id) } },
  })
  // Not before its time.
  await payload.jobs.run()
  expect((await rest('GET', `/news/${draft.id}`)).status).toBe(404)

  await new Promise((resolve) => setTimeout(resolve, 700))
  await payload.jobs.run()
  const live = await rest('GET', `/news/${draft.id}`)
  expect(live.status).toBe(200)
  expect(live.body._status).toBe('published')
  expect(live.body.publishedAt).toBeTruthy()
})

test('the job queue is not public', async () => {
  expect((await rest('GET', '/payload-jobs')).status).toBe(403)
})
