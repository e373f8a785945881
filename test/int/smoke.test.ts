import type { Payload } from 'payload'

import { graphql, startPayload } from '../helpers/api'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload.destroy()
})

test('graphql answers', async () => {
  const res = await graphql<{ Principles: { docs: { position: number }[] } }>(
    '{ Principles { docs { position } } }',
  )
  expect(res.data?.Principles.docs.map((p) => p.position)).toEqual([1, 2, 3, 4])
})
