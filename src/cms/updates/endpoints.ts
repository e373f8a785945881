import type { Endpoint } from 'payload'

import { actorOf } from '@/cms/access/matrix'
import { readEnvironment } from '@/core/env'
import { asLanguage } from '@/operations/mail/recipientLanguage'
import { updateMail } from '@/operations/mail/texts/subscription'

import { readUpdateTexts } from './content'
import { subscriptionLinks } from './links'

/**
 * The admin's "Preview" of an update: the HTML mail a subscriber of `?locale=` would get, with a
 * sample unsubscribe link. Staff only, like the update itself.
 */
const preview: Endpoint = {
  path: '/:id/preview',
  method: 'get',
  handler: async (req) => {
    const actor = actorOf(req.user as { role?: string } | null)
    if (actor !== 'editor' && actor !== 'admin') {
      return Response.json(
        { errors: [{ message: 'Sign in as an editor to preview updates.' }] },
        { status: 403 },
      )
    }
    const { serverUrl } = readEnvironment()
    const id = String(req.routeParams?.id ?? '')
    const texts = /^[A-Za-z0-9-]{1,40}$/.test(id)
      ? await readUpdateTexts(req.payload, id, serverUrl)
      : null
    if (!texts) return Response.json({ errors: [{ message: 'No such update.' }] }, { status: 404 })
    const language = asLanguage(req.searchParams.get('locale'))
    const mail = updateMail(language, {
      ...texts[language],
      unsubscribe: subscriptionLinks.unsubscribePage(serverUrl, language, 'preview'),
    })
    return new Response(mail.html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  },
}

export const updateEndpoints: Endpoint[] = [preview]
