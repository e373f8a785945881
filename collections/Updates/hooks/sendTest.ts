import type { CollectionBeforeChangeHook } from 'payload'

import { languages } from '@/operations/mail/recipientLanguage'
import { queueMail } from '@/operations/mail/queue'
import { updateMail } from '@/operations/mail/texts/subscription'

type Localized = Record<string, string | null | undefined> | string | null | undefined

/**
 * "Send a test to me when saving": the update as subscribers will read it, in both languages, to
 * the editor's own address, through the mail queue like any mail. The box is never kept ticked.
 * The texts are those being saved, so the test shows what the editor sees.
 */
export const sendTestToEditor: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!data.sendTest) return data
  const user = req.user as { email?: string } | null
  if (user?.email) {
    const current = req.locale
    const stored = originalDoc?.id
      ? await req.payload.findByID({
          collection: 'updates',
          id: originalDoc.id,
          locale: 'all',
          depth: 0,
          overrideAccess: true,
          req,
        })
      : null
    for (const language of languages) {
      const pick = (field: 'subject' | 'body'): string => {
        if (language === current && typeof data[field] === 'string') return data[field]
        const value = stored?.[field] as Localized
        const text = typeof value === 'string' ? value : (value?.[language] ?? value?.de)
        return text || (typeof data[field] === 'string' ? data[field] : '')
      }
      const subject = pick('subject')
      if (!subject) continue
      const mail = updateMail(language, {
        subject: `[Test] ${subject}`,
        body: pick('body'),
        unsubscribe: null,
        readMore: null,
      })
      await queueMail(req, { to: user.email, kind: 'update-test', language, ...mail })
    }
  }
  return { ...data, sendTest: false }
}
