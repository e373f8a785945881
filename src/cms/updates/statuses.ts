/**
 * An update's life: a `draft` the editor works on; `scheduled` for its `sendAt`; `sending` once
 * the send began (now, or at its time); `sent` when every recorded mail was tried. Editors move
 * a draft to `scheduled` or `sending` and a scheduled one back to `draft`; the rest is the server's.
 */
export const updateStatuses = ['draft', 'scheduled', 'sending', 'sent'] as const
export type UpdateStatus = (typeof updateStatuses)[number]

export const updateStatusLabels: Record<UpdateStatus, { de: string; en: string }> = {
  draft: { de: 'Entwurf', en: 'draft' },
  scheduled: { de: 'geplant', en: 'scheduled' },
  sending: { de: 'Versand (jetzt)', en: 'sending (now)' },
  sent: { de: 'gesendet', en: 'sent' },
}

/** The changes an editor may make to the status; anything else is the server's. */
export const editorMoves: Record<UpdateStatus, readonly UpdateStatus[]> = {
  draft: ['scheduled', 'sending'],
  scheduled: ['draft', 'sending'],
  sending: [],
  sent: [],
}
