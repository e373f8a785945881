/**
 * The migration that gave signatories a status: staff-entered signatories keep their place
 * (approved ones show as approved), going back and forth on this file's own database copy.
 */
import type { Payload } from 'payload'

import { migrations } from '@/migrations'

import { startPayload, stopPayload } from '../helpers/api'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

type Row = Record<string, unknown>

test('down and up again: approved staff signatories stay approved, unapproved ones wait; form signatures do not survive a downgrade', async () => {
  if (payload.db.name !== 'sqlite') return
  const migration = migrations.find((m) => m.name.endsWith('_sign_declaration'))!
  const db = (payload.db as unknown as { drizzle: never }).drizzle
  const { client } = payload.db as unknown as {
    client: { execute(sql: string): Promise<{ rows: Row[] }> }
  }
  await payload.create({
    collection: 'signatories',
    data: { displayName: 'Staff waiting', kind: 'person', status: 'awaiting-moderation' },
  })
  await payload.create({
    collection: 'signatories',
    data: {
      displayName: 'From the form',
      kind: 'person',
      status: 'approved',
      source: 'form',
    } as never,
    overrideAccess: true,
  })
  const args = { db, payload, req: {} } as never

  await migration.down(args)
  const old = await client.execute('SELECT display_name, approved FROM signatories ORDER BY 1')
  expect(old.rows.map((r) => [r.display_name, Number(r.approved)])).toEqual([
    ['Fraunhofer IAIS', 1],
    ['KI Bundesverband', 1],
    ['Staff waiting', 0],
  ])

  await migration.up(args)
  const now = await client.execute('SELECT display_name, status FROM signatories ORDER BY 1')
  expect(now.rows.map((r) => [r.display_name, r.status])).toEqual([
    ['Fraunhofer IAIS', 'approved'],
    ['KI Bundesverband', 'approved'],
    ['Staff waiting', 'awaiting-moderation'],
  ])
})
