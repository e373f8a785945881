import nodemailer, { type Transporter } from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

import type { Environment } from '@/env'

import { outbox, type LoggedEmail } from './outbox'

function parseFrom(mailFrom: string): { address: string; name: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(mailFrom)
  return match ? { name: match[1] ?? '', address: match[2] ?? '' } : { name: '', address: mailFrom }
}

function formatFrom(from: SendEmailOptions['from'], fallback: string): string {
  if (!from) return fallback
  if (typeof from === 'string') return from
  if (Array.isArray(from)) return formatFrom(from[0], fallback)
  return from.name ? `${from.name} <${from.address}>` : from.address
}

/**
 * Payload's e-mail adapter on nodemailer. With SMTP_HOST set, messages go out over SMTP. Without
 * it, nodemailer's JSON transport composes each message and we write it to the log and the
 * in-memory outbox instead, so password resets and review notifications are visible in
 * development and tests without a mail server.
 *
 * (We do not use @payloadcms/email-nodemailer: the registry has no 3.90.2 of it, and Payload
 * refuses to start with a package of another version.)
 */
export function emailAdapter(env: Environment): EmailAdapter {
  const from = parseFrom(env.mailFrom)
  const defaultFrom = from.name ? `${from.name} <${from.address}>` : from.address
  const smtp = env.smtp
  const transport: Transporter = smtp
    ? nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.port === 465,
        auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
      })
    : nodemailer.createTransport({ jsonTransport: true })

  return ({ payload }) => ({
    name: smtp ? 'smtp' : 'log',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    sendEmail: async (message) => {
      const info = await transport.sendMail({
        ...message,
        from: formatFrom(message.from, defaultFrom),
      })
      if (!smtp) {
        const email = JSON.parse((info as { message: string }).message) as LoggedEmail
        outbox().push(email)
        payload.logger.info({
          msg: `E-mail not sent (no SMTP_HOST): "${email.subject}" to ${email.to?.map((t) => t.address).join(', ')}`,
          email: { subject: email.subject, to: email.to, text: email.text },
        })
      }
      return info
    },
  })
}
