import { readEnvironment } from '@/core/env'
import { asLanguage } from '@/operations/mail/recipientLanguage'
import type { MailWriter, OutgoingMail } from '@/operations/mail/writtenAtSend'
import { updateMail } from '@/operations/mail/texts/subscription'

import { readUpdateTexts, type UpdateText } from './content'
import { subscriptionLinks } from './links'
import { unsubscribeToken } from './unsubscribeToken'

type Texts = Awaited<ReturnType<typeof readUpdateTexts>>

function mailboxOf(mailFrom: string): string {
  const match = /<([^>]+)>/.exec(mailFrom)
  return (match ? match[1]! : mailFrom).trim()
}

/**
 * The headers that let a mail client show "Unsubscribe" and do it in one click: RFC 2369's
 * `List-Unsubscribe` with the HTTPS URL and a mailto, RFC 8058's `List-Unsubscribe-Post`, and
 * `List-Id` so that filters can tell the list apart. Signed by DKIM when it is configured
 * (src/operations/mail/adapter.ts).
 */
export function listHeaders(serverUrl: string, token: string): Record<string, string> {
  const env = readEnvironment()
  const mailbox = env.updates.unsubscribeMailbox ?? mailboxOf(env.mailFrom)
  const host = new URL(serverUrl).hostname
  const mailto = `mailto:${mailbox}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`
  return {
    'List-Unsubscribe': `<${subscriptionLinks.oneClick(serverUrl, token)}>, <${mailto}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `New Wave of European AI <updates.${host}>`,
  }
}

/**
 * One update mail to one subscriber, written when it is sent: the queue keeps only who gets
 * which update in which language, so 10,000 recipients do not mean 10,000 stored bodies.
 */
export const updateMessage: MailWriter = async (payload, mail, memo) => {
  const updateId = idOf(mail.update)
  const subscriberId = idOf(mail.subscriber)
  if (!updateId || !subscriberId) return null
  const { serverUrl } = readEnvironment()
  // The update's texts are read once per run of deliveries, not once per mail.
  const key = `update-texts:${updateId}`
  if (!memo.has(key)) {
    const reading = readUpdateTexts(payload, updateId, serverUrl)
    // A failed read is not kept: the next mail reads again.
    reading.catch(() => memo.delete(key))
    memo.set(key, reading)
  }
  const all = await (memo.get(key) as Promise<Texts>)
  if (!all) return null
  const language = asLanguage(mail.language)
  const text: UpdateText = all[language]
  const token = unsubscribeToken(payload.secret, subscriberId)
  const composed = updateMail(language, {
    ...text,
    unsubscribe: subscriptionLinks.unsubscribePage(serverUrl, language, token),
  })
  const message: OutgoingMail = { ...composed, headers: listHeaders(serverUrl, token) }
  return message
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (value && typeof value === 'object' && 'id' in value)
    return idOf((value as { id: unknown }).id)
  return null
}
