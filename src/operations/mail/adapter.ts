import { AsyncLocalStorage } from 'node:async_hooks'

import nodemailer, { type Transporter } from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

import type { Environment } from '@/core/env'

import { keepInOutbox, type LoggedEmail } from './outbox'
import { processSingleton } from '@/core/processSingleton'

/**
 * How the adapter delivers: over SMTP; into the log and the bounded outbox (outside production
 * without SMTP, so development and the integration tests see every mail); or not at all
 * (production without SMTP: the server still runs, and says so).
 */
export type MailTransportKind = 'smtp' | 'log' | 'none'

/**
 * Never wait minutes for a mail server: nodemailer's defaults (2 minutes to connect, 10 of
 * silence) would keep a delivery job busy that long. A delivery that times out is retried.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

/**
 * The headers a DKIM signature covers: nodemailer's default list (RFC 4871's, List-Unsubscribe
 * among them) and List-Unsubscribe-Post, which RFC 8058 wants signed too and nodemailer leaves out.
 */
const DKIM_SIGNED_HEADERS =
  'From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:' +
  'Content-Transfer-Encoding:List-Id:List-Unsubscribe:List-Unsubscribe-Post'

function parseFrom(mailFrom: string): { address: string; name: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(mailFrom)
  return match ? { name: match[1] ?? '', address: match[2] ?? '' } : { name: '', address: mailFrom }
}

const recipients = (to: SendEmailOptions['to']): string =>
  (Array.isArray(to) ? to : [to])
    .map((entry) => (typeof entry === 'string' ? entry : entry?.address))
    .filter(Boolean)
    .join(', ')

/** Shared through globalThis, as the job and the adapter may live in different module worlds. */
const delivering = () => processSingleton('email-delivering', () => new AsyncLocalStorage<true>())

/** Runs a delivery: the only place where the adapter's `sendEmail` may be called. */
export function whileDelivering<T>(deliver: () => Promise<T>): Promise<T> {
  return delivering().run(true, deliver)
}

/**
 * Payload's e-mail adapter on nodemailer: the transport that the delivery job
 * (`deliverMail.ts`) uses. Everything else queues mail with `queueMail` (`queue.ts`), inside the
 * transaction of the change that causes it; calling `sendEmail` from anywhere else throws, so no
 * code can slip back into sending from inside a save. Payload's own mails (password reset) are
 * turned off and queued by our hooks instead.
 *
 * (We do not use @payloadcms/email-nodemailer: the registry has no 3.90.2 of it, and Payload
 * refuses to start with a package of another version.)
 */
export function emailAdapter(env: Environment): EmailAdapter {
  const from = parseFrom(env.mailFrom)
  const defaultFrom = from.name ? `${from.name} <${from.address}>` : from.address
  const smtp = env.smtp
  const kind: MailTransportKind = smtp ? 'smtp' : env.production ? 'none' : 'log'
  let transport: Transporter | undefined

  return ({ payload }) => {
    if (kind === 'none') {
      payload.logger.warn(
        'No SMTP_HOST is set: the portal sends no e-mail (password resets, review ' +
          'notifications). Each unsent mail is logged with its subject and recipient. Set ' +
          'SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS and MAIL_FROM to send mail.',
      )
    }
    return {
      name: kind,
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      sendEmail: async (message) => {
        if (!delivering().getStore()) {
          throw new Error(
            'Mail is queued with queueMail(req, …) (src/operations/mail/queue.ts) and sent after the ' +
              'commit by the deliverMail job; sendEmail is for that job only.',
          )
        }
        const to = recipients(message.to)
        if (kind === 'none') {
          payload.logger.warn(`E-mail not sent (no SMTP_HOST): "${message.subject}" to ${to}`)
          return { sent: false }
        }
        transport ??= smtp
          ? nodemailer.createTransport({
              host: smtp.host,
              port: smtp.port,
              secure: smtp.port === 465,
              auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
              ...SMTP_TIMEOUTS,
              // A few connections kept open and reused, as many as deliveries run at once
              // (deliverMail.ts): an update to thousands pays the greeting (and TLS) a few times,
              // not once per mail.
              pool: true,
              maxConnections: 3,
              ...(env.dkim ? { dkim: { ...env.dkim, headerFieldNames: DKIM_SIGNED_HEADERS } } : {}),
            })
          : nodemailer.createTransport({ jsonTransport: true })
        const info = await transport.sendMail({ ...message, from: message.from ?? defaultFrom })
        if (kind === 'log') {
          const email = JSON.parse((info as { message: string }).message) as LoggedEmail
          keepInOutbox(email)
          payload.logger.info({
            msg: `E-mail not sent (no SMTP_HOST, development): "${email.subject}" to ${to}`,
            email: { subject: email.subject, to: email.to, text: email.text },
          })
        }
        return { sent: true, messageId: (info as { messageId?: string }).messageId }
      },
    }
  }
}
