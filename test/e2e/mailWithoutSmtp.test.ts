/**
 * Production without a mail server: the portal starts and serves, says once at start and on
 * every readiness check that it sends no mail, logs each unsent mail by subject and recipient
 * only, and tells a user who asks for a password reset that it cannot send one.
 */
import { jest } from '@jest/globals'

import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'

jest.setTimeout(120_000)

let server: ProductionServer
beforeAll(async () => {
  server = await startProductionServer({ SMTP_HOST: '' })
})
afterAll(() => server?.stop())

const warning = /No SMTP_HOST is set: the portal sends no e-mail/g

/** The messages of the server's JSON log lines. */
const logged = (): string[] =>
  server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => String((JSON.parse(line) as { msg?: unknown }).msg))

async function as(token: string, path: string, init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
  })
}

test('it is ready, and says that no mail is sent: once in the log at start, and on /readyz', async () => {
  expect(server.output().match(warning)).toHaveLength(1)
  const ready = await fetch(`${server.url}/readyz`)
  expect(ready.status).toBe(200)
  const body = (await ready.json()) as { mail: { smtp: boolean; warning: string } }
  expect(body.mail.smtp).toBe(false)
  expect(body.mail.warning).toMatch(/no e-mail is sent/)
})

test('a password reset is refused with a message saying why', async () => {
  const res = await fetch(`${server.url}/api/users/forgot-password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: server.admin.email }),
  })
  expect(res.status).toBe(503)
  expect(JSON.stringify(await res.json())).toMatch(/no mail server.*ask an administrator/i)
})

test('a submission still works; its notification is logged by subject and recipient only', async () => {
  const admin = await loginToken(server)
  const organizations = await as(admin, '/api/organizations?where[slug][equals]=fraunhofer-iais')
  const organization = ((await organizations.json()) as { docs: { id: string }[] }).docs[0]?.id
  for (const user of [
    { email: 'editor@nosmtp.example', role: 'editor' },
    { email: 'partner@nosmtp.example', role: 'partner', organization },
  ]) {
    const created = await as(admin, '/api/users', {
      method: 'POST',
      body: JSON.stringify({ ...user, name: user.role, password: 'a-password-123' }),
    })
    expect(created.status).toBe(201)
  }
  const partner = await loginToken(server, {
    email: 'partner@nosmtp.example',
    password: 'a-password-123',
  })
  const project = await as(partner, '/api/projects', {
    method: 'POST',
    body: JSON.stringify({ title: 'Ohne Post' }),
  })
  const id = ((await project.json()) as { doc: { id: string } }).doc.id
  const submitted = await as(partner, `/api/projects/${id}?draft=true`, {
    method: 'PATCH',
    body: JSON.stringify({ review: { state: 'in-review' } }),
  })
  expect(submitted.status).toBe(200)

  // The delivery runs after the commit; the queue's record shows when it is done.
  let record: { status: string; text: string | null } | undefined
  for (let i = 0; i < 200 && record?.status !== 'skipped'; i++) {
    const queue = await as(admin, '/api/mail-queue?where[to][equals]=editor@nosmtp.example')
    record = ((await queue.json()) as { docs: (typeof record)[] }).docs[0]
    if (record?.status !== 'skipped') await new Promise((resolve) => setTimeout(resolve, 50))
  }
  expect(record).toMatchObject({ status: 'skipped', text: null })
  expect(logged()).toContain(
    'E-mail not sent (no SMTP_HOST): "Zur Prüfung: Ohne Post" to editor@nosmtp.example',
  )
  // Only that: nothing of the body (the greeting, the link) is written anywhere.
  expect(server.output()).not.toContain('Guten Tag')
  expect(server.output()).not.toContain(`/admin/collections/projects/${id}`)
  expect(server.mail.received).toHaveLength(0)
})
