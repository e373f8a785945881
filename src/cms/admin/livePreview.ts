import type { CollectionConfig, RootLivePreviewConfig } from 'payload'

import { readEnvironment } from '@/core/env'
import { documentPath, previewUrl } from '@/cms/previewLinks'

type PreviewCollection = 'news' | 'projects' | 'people' | 'events'

function linkFor(collection: string, locale: string | undefined, slug: unknown): string | null {
  const path = documentPath(collection, locale, typeof slug === 'string' ? slug : null)
  return path ? previewUrl(path, readEnvironment().previewSecret) : null
}

/** The admin's "Preview" button: the document's page on the portal, drafts included. */
export function previewButton(
  collection: PreviewCollection,
): NonNullable<NonNullable<CollectionConfig['admin']>['preview']> {
  return (doc, { locale }) => linkFor(collection, locale, doc?.slug)
}

/** Live preview beside the editor for news and projects; the page refreshes on every save. */
export const livePreview: RootLivePreviewConfig = {
  collections: ['news', 'projects'],
  url: ({ collectionConfig, data, locale }) =>
    linkFor(collectionConfig?.slug ?? '', locale?.code, data?.slug) ?? '/',
  breakpoints: [
    { name: 'mobile', label: 'Mobile', width: 375, height: 667 },
    { name: 'desktop', label: 'Desktop', width: 1280, height: 800 },
  ],
}
