/**
 * DKIM (RFC 8058 wants List-Unsubscribe and List-Unsubscribe-Post signed): with the three DKIM
 * settings, a mail reaches the SMTP server with a DKIM-Signature whose signed headers include
 * both.
 */
import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { readEnvironment } from '@/core/env'
import { emailAdapter, whileDelivering } from '@/operations/mail/adapter'

import { startSmtpSink } from '../helpers/smtpSink'

test('DKIM settings sign every mail, the list headers included', async () => {
  const sink = await startSmtpSink()
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  const env = readEnvironment({
    ...process.env,
    ...sink.env,
    DKIM_DOMAIN: 'example.org',
    DKIM_SELECTOR: 'portal',
    DKIM_PRIVATE_KEY: privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString()
      .replace(/\n/g, '\\n'),
  })
  const logger = { warn: () => undefined, info: () => undefined }
  const adapter = emailAdapter(env)({ payload: { logger } as unknown as Payload })
  try {
    await whileDelivering(() =>
      adapter.sendEmail({
        to: 'reader@example.org',
        subject: 'Signed',
        text: 'Hello',
        headers: {
          'List-Unsubscribe': '<https://portal.example/api/subscribers/unsubscribe?token=t>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      }),
    )
    const mail = await sink.waitFor((m) => m.subject === 'Signed')
    const signature = mail.headers['dkim-signature'] ?? ''
    expect(signature).toMatch(/\bd=example\.org;/)
    expect(signature).toMatch(/\bs=portal;/)
    const signed = (/\bh=([^;]+);/.exec(signature)?.[1] ?? '')
      .replace(/\s/g, '')
      .toLowerCase()
      .split(':')
    expect(signed).toEqual(
      expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'from', 'subject']),
    )
  } finally {
    await sink.close()
  }
})

test('DKIM settings come all three or not at all', () => {
  expect(() => readEnvironment({ ...process.env, DKIM_DOMAIN: 'example.org' })).toThrow(
    /DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY are set together/,
  )
})
