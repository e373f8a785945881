'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * In the admin's live preview the page sits in an iframe. When the editor's draft is saved
 * (autosave included), the admin posts a `payload-document-event` message; the page then
 * re-renders on the server with the new draft. The admin is served by this same server, so
 * messages from any other origin are ignored.
 */
export function LivePreviewRefresh() {
  const router = useRouter()
  useEffect(() => {
    const adminOrigin = window.location.origin
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== adminOrigin) return
      const data = event.data as { type?: string } | null
      if (data?.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    // Tell the admin a preview is listening (it waits for this before it sends events).
    if (window.parent !== window) {
      window.parent.postMessage({ type: 'payload-live-preview', ready: true }, adminOrigin)
    }
    return () => window.removeEventListener('message', onMessage)
  }, [router])
  return null
}
