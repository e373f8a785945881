import config from '@payload-config'
import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { isPortalPath, verifyPreview } from '@/cms/previewLinks'
import { readEnvironment } from '@/core/env'

export const dynamic = 'force-dynamic'

const refuse = (status: number, message: string) =>
  new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/**
 * Opens a draft preview: a signed link from the admin, for a signed-in user. Turns on Next's
 * draft mode (a cookie) and sends the visitor to the page, which then renders drafts the user
 * may read, under a visible preview banner.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const path = url.searchParams.get('path')
  if (!isPortalPath(path)) return refuse(400, 'Preview needs a portal path such as /de/news/…')
  if (!verifyPreview(path, url.searchParams.get('token'), readEnvironment().previewSecret)) {
    return refuse(403, 'This preview link is not valid. Open the preview from the admin.')
  }
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: request.headers })
  if (!user) {
    const back = `${url.pathname}${url.search}`
    return new Response(null, {
      status: 307,
      headers: { Location: `/admin/login?redirect=${encodeURIComponent(back)}` },
    })
  }
  ;(await draftMode()).enable()
  redirect(path)
}
