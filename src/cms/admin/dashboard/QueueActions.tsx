'use client'

import { Button, toast, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useState } from 'react'

import { translate } from '@/cms/i18n/translate'
import type { ReviewedCollection } from '@/cms/review/states'

/**
 * Approve or send back one submission from the dashboard's queue, over the same REST route as
 * the document's own actions; the server's review rules decide.
 */
export function QueueActions({ collection, id }: { collection: ReviewedCollection; id: string }) {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { i18n } = useTranslation()
  const router = useRouter()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  const step = async (query: string, body: Record<string, unknown>, done: 'approved' | 'sent') => {
    setBusy(true)
    try {
      const response = await fetch(`${api}/${collection}/${id}${query}`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': i18n.language },
        body: JSON.stringify(body),
      })
      if (!response.ok) {
        const { errors } = (await response.json().catch(() => ({}))) as {
          errors?: { message?: string }[]
        }
        toast.error(
          translate(i18n, 'portal:reviewFailed', {
            message: errors?.[0]?.message ?? response.statusText,
          }),
        )
        return
      }
      toast.success(
        translate(i18n, done === 'approved' ? 'portal:reviewApproved' : 'portal:reviewSentBack'),
      )
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  const noteId = `queue-note-${collection}-${id}`
  return (
    <div className="portal-dashboard__actions">
      <Button
        buttonStyle="primary"
        size="small"
        disabled={busy}
        className="queue-approve"
        onClick={() => void step('', { _status: 'published' }, 'approved')}
      >
        {translate(i18n, 'portal:reviewApprove')}
      </Button>
      <label className="sr-only" htmlFor={noteId}>
        {translate(i18n, 'portal:reviewNote')}
      </label>
      <input
        id={noteId}
        type="text"
        value={note}
        placeholder={translate(i18n, 'portal:reviewNotePlaceholder')}
        onChange={(event) => setNote(event.target.value)}
      />
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={busy || note.trim() === ''}
        className="queue-send-back"
        onClick={() =>
          void step('?draft=true', { review: { state: 'changes-requested', note } }, 'sent')
        }
      >
        {translate(i18n, 'portal:reviewSendBack')}
      </Button>
    </div>
  )
}
