'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

/** The checkbox of Payload's restore dialog (RestoreButton, 3.90.2). */
const checkboxSelector = '#restore-as-published'

/**
 * Presets the restore dialog's "restore as published" from the status the document had when it
 * went into the trash, so a published item comes back published unless the editor unticks it.
 * Payload's dialog always starts unticked, and a published news item came back as a draft whose
 * page stayed 404. Trashing leaves the document's own `_status` as it was, so that is read.
 */
export function RestoreAsPublished() {
  const { id, collectionSlug, isTrashed } = useDocumentInfo()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [wasPublished, setWasPublished] = useState(false)

  useEffect(() => {
    if (!isTrashed || !id || !collectionSlug) return
    const controller = new AbortController()
    fetch(`${api}/${collectionSlug}/${id}?trash=true&depth=0&select[_status]=true`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: { _status?: string } | null) => setWasPublished(doc?._status === 'published'))
      .catch(() => undefined)
    return () => controller.abort()
  }, [api, collectionSlug, id, isTrashed])

  useEffect(() => {
    if (!wasPublished) return
    // The dialog mounts its checkbox each time it opens: tick it then, once.
    const preset = () => {
      const box = document.querySelector<HTMLInputElement>(checkboxSelector)
      if (box && !box.dataset.preset) {
        box.dataset.preset = 'true'
        if (!box.checked) box.click()
      }
    }
    const observer = new MutationObserver(preset)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [wasPublished])

  return null
}
