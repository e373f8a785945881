import type { CollectionBeforeChangeHook } from 'payload'

/** Stamps `publishedAt` the first time a document is published, unless an editor set a date. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
