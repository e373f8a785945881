'use client'

import { useConfig, useDocumentInfo, useLocale } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { Review, ReviewState } from '@/cms/review/states'

import { reviewChangedEvent } from './useReviewActions'

export type HistoryEntry = {
  id: string
  from: ReviewState
  to: ReviewState
  actorName?: string | null
  note?: string | null
  createdAt: string
}

export type ReviewInfo = {
  review: Review | null
  history: HistoryEntry[]
  /** Payload's version view comparing the newest draft with the published version, if both exist. */
  compareHref: string | null
  published: boolean
}

const json = async <T>(url: string): Promise<T | null> => {
  const response = await fetch(url, { credentials: 'include' })
  return response.ok ? ((await response.json()) as T) : null
}

type Versions = { docs: { id: string; version?: { _status?: string } }[] }

/**
 * The open document's review trail, its history and where to compare its draft with what is
 * published, read over REST with the user's own access; read again after every review step.
 */
export function useReview(): ReviewInfo | null {
  const {
    config: {
      routes: { admin, api },
    },
  } = useConfig()
  const { id, collectionSlug } = useDocumentInfo()
  const { code: locale } = useLocale()
  const [info, setInfo] = useState<ReviewInfo | null>(null)
  const [round, setRound] = useState(0)

  useEffect(() => {
    const again = () => setRound((n) => n + 1)
    window.addEventListener(reviewChangedEvent, again)
    return () => window.removeEventListener(reviewChangedEvent, again)
  }, [])

  useEffect(() => {
    if (!id || !collectionSlug) return
    let current = true
    const base = `${api}/${collectionSlug}`
    const versions = (where: string) =>
      json<Versions>(
        `${base}/versions?where[parent][equals]=${id}${where}&sort=-updatedAt&limit=1&depth=0&select[version][_status]=true`,
      )
    void Promise.all([
      // The owner too: who may read the review trail depends on it.
      json<{ review?: Review }>(
        `${base}/${id}?draft=true&depth=0&locale=${locale}&select[review]=true&select[organization]=true`,
      ),
      json<{ docs: HistoryEntry[] }>(
        `${api}/review-history?where[documentCollection][equals]=${collectionSlug}&where[documentId][equals]=${id}&sort=-createdAt&limit=20&depth=0`,
      ),
      versions(''),
      versions('&where[version._status][equals]=published'),
    ]).then(([doc, history, latest, published]) => {
      if (!current) return
      const newest = latest?.docs[0]
      const live = published?.docs[0]
      setInfo({
        review: doc?.review ?? null,
        history: history?.docs ?? [],
        published: Boolean(live),
        compareHref:
          newest && live && newest.id !== live.id
            ? `${admin}/collections/${collectionSlug}/${id}/versions/${newest.id}?versionFrom=${live.id}`
            : null,
      })
    })
    return () => {
      current = false
    }
  }, [admin, api, collectionSlug, id, locale, round])

  return info
}
