import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { Payload } from 'payload'

import { afterCommit } from '@/data/adapter/afterCommit'

import { startPayload, stopPayload } from '../helpers/api'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

/** A request with its own transaction, as Payload's operations make one. */
async function transactionalRequest() {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  expect(req.transactionID).toBeTruthy()
  return req
}

const countNews = (title: string) =>
  payload
    .count({ collection: 'news', where: { title: { equals: title } } })
    .then((r) => r.totalDocs)

test('an effect runs after its transaction commits and sees the committed change', async () => {
  const req = await transactionalRequest()
  const seen: number[] = []
  await payload.create({ collection: 'news', data: { title: 'after-commit one' }, req })
  await afterCommit(req, async () => {
    seen.push(await countNews('after-commit one'))
  })
  expect(seen).toEqual([])
  await commitTransaction(req)
  // Run before the commit call returned, and reading outside the transaction found the document.
  expect(seen).toEqual([1])
})

test('an effect never runs when its transaction rolls back', async () => {
  const req = await transactionalRequest()
  let ran = false
  await payload.create({ collection: 'news', data: { title: 'after-commit rolled back' }, req })
  await afterCommit(req, () => {
    ran = true
  })
  await killTransaction(req)
  expect(ran).toBe(false)
  expect(await countNews('after-commit rolled back')).toBe(0)
})

test('without a transaction the effect runs at once', async () => {
  const req = await createLocalReq({}, payload)
  let ran = false
  await afterCommit(req, () => {
    ran = true
  })
  expect(ran).toBe(true)
})

test('an effect may write: it runs after the writer has ended its turn', async () => {
  const req = await transactionalRequest()
  await payload.create({ collection: 'news', data: { title: 'after-commit writer' }, req })
  await afterCommit(req, async () => {
    // Outside the committed transaction; on SQLite this waits for the write queue's turn, which
    // would never come if the effect ran while the committing transaction still held it.
    await payload.create({ collection: 'news', data: { title: 'after-commit follow-up' } })
  })
  await commitTransaction(req)
  expect(await countNews('after-commit follow-up')).toBe(1)
})

test('a failing effect is logged and does not fail the commit or the effects after it', async () => {
  const req = await transactionalRequest()
  const order: string[] = []
  await afterCommit(req, () => {
    order.push('first')
    throw new Error('mail server down')
  })
  await afterCommit(req, () => {
    order.push('second')
  })
  await expect(commitTransaction(req)).resolves.toBeUndefined()
  expect(order).toEqual(['first', 'second'])
})

test('effects registered from a hook run once the operation has committed, never on failure', async () => {
  const seen: string[] = []
  const hooks = payload.collections.news.config.hooks.afterChange
  const register = async ({ doc, req }: { doc: { title?: string }; req: never }) => {
    await afterCommit(req, () => {
      seen.push(String(doc.title))
    })
    return doc
  }
  // A later hook failing makes Payload roll the whole operation back.
  const failOnBoom = ({ doc }: { doc: { title?: string } }) => {
    if (doc.title === 'boom') throw new Error('boom')
    return doc
  }
  hooks.push(register as never, failOnBoom as never)
  try {
    await payload.create({ collection: 'news', data: { title: 'from a hook' } })
    expect(seen).toEqual(['from a hook'])
    await expect(payload.create({ collection: 'news', data: { title: 'boom' } })).rejects.toThrow()
    expect(seen).toEqual(['from a hook'])
    expect(await countNews('boom')).toBe(0)
  } finally {
    hooks.splice(hooks.indexOf(register as never), 2)
  }
})
