import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { isPortalPath } from '@/cms/previewLinks'

export const dynamic = 'force-dynamic'

/** Leaves draft mode and returns to the page (a portal path only: never an open redirect). */
export async function GET(request: Request): Promise<never> {
  const path = new URL(request.url).searchParams.get('path')
  ;(await draftMode()).disable()
  redirect(isPortalPath(path) ? path : '/')
}
