'use client'

import { Button, toast, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useState } from 'react'

import { translate } from '@/cms/i18n/translate'
import type { ReviewedCollection } from '@/cms/review/states'

/** Sends one review step; null when it was taken, else the server's reason. */
async function patch(
  url: string,
  body: Record<string, unknown>,
  language: string,
): Promise<string | null> {
  const response = await fetch(url, {
    method: 'PATCH',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
    body: JSON.stringify(body),
  })
  if (response.ok) return null
  const { errors } = (await response.json().catch(() => ({}))) as {
    errors?: { message?: string }[]
  }
  return errors?.[0]?.message ?? response.statusText
}

/** The note a submission is sent back with, labelled for screen readers. */
function NoteField(props: { id: string; note: string; setNote: (note: string) => void }) {
  const { i18n } = useTranslation()
  return (
    <>
      <label className="sr-only" htmlFor={props.id}>
        {translate(i18n, 'portal:reviewNote')}
      </label>
      <input
        id={props.id}
        type="text"
        value={props.note}
        placeholder={translate(i18n, 'portal:reviewNotePlaceholder')}
        onChange={(event) => props.setNote(event.target.value)}
      />
    </>
  )
}

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
      const refusal = await patch(`${api}/${collection}/${id}${query}`, body, i18n.language)
      if (refusal !== null) {
        toast.error(translate(i18n, 'portal:reviewFailed', { message: refusal }))
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
      <NoteField id={`queue-note-${collection}-${id}`} note={note} setNote={setNote} />
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
