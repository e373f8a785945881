import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  GlobalAfterChangeHook,
  GlobalBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import { isLocale, locales, type Locale } from '@/core/locales'
import { tagsOfChange } from '@/data/changes/cacheTags'
import type { WebhookCollection, WebhookGlobal } from '@/operations/webhooks/events'
import { anyoneListensTo, recordContentChange } from '@/operations/webhooks/queue'

import { affectedPaths } from './affectedPaths'
import { ABSENT, contentEvent, stateOf, type PublicState } from './contentEvent'

const allLocales: Locale[] = locales.map(({ code }) => code)

/** The locales a write changed: the one it wrote in, or all of them. */
const changedLocales = (req: PayloadRequest, event: string): Locale[] =>
  event === 'update' && isLocale(req.locale ?? undefined) ? [req.locale as Locale] : allLocales

const beforeKey = (source: string, id: unknown) => `webhooks:before:${source}:${String(id)}`

/**
 * What decides the public state: only these columns are read, so the database need not join a
 * document's locales and relationships.
 */
const STATE_COLUMNS = { _status: true, deletedAt: true, updatedAt: true } as const

/** The main-table row of a document, in the write's transaction (drafts live in versions). */
async function mainRow(req: PayloadRequest, collection: CollectionSlug, id: unknown) {
  return (await req.payload.db.findOne({
    collection,
    where: { id: { equals: id } },
    select: STATE_COLUMNS,
    req,
  })) as Record<string, unknown> | null
}

/**
 * Hooks that record a webhook delivery for every public change of a collection's documents
 * (src/operations/webhooks/): the state before a write is read from the main table and kept on
 * the request, the state after it is read in the same transaction, and the difference is the
 * event.
 */
export function collectionWebhookHooks(source: WebhookCollection, drafts: boolean) {
  const before: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
    if (!(await anyoneListensTo(req, source))) return data
    if (operation === 'update' && originalDoc?.id !== undefined) {
      req.context[beforeKey(source, originalDoc.id)] = stateOf(
        await mainRow(req, source, originalDoc.id),
        drafts,
      )
    }
    return data
  }
  const after: CollectionAfterChangeHook = async ({ doc, req }) => {
    if (!(await anyoneListensTo(req, source))) return doc
    const was = (req.context[beforeKey(source, doc.id)] as PublicState | undefined) ?? ABSENT
    delete req.context[beforeKey(source, doc.id)]
    const now = stateOf(await mainRow(req, source, doc.id), drafts)
    const event = contentEvent(was, now)
    if (!event) return doc
    const locales = changedLocales(req, event)
    const slug = typeof doc.slug === 'string' ? doc.slug : null
    await recordContentChange(req, {
      event,
      source,
      kind: 'collection',
      id: String(doc.id),
      slug,
      locales,
      public: { before: was.public, after: now.public },
      tags: tagsOfChange({ kind: 'documents', collection: source, ids: [String(doc.id)] }),
      paths: affectedPaths(source, locales, slug),
    })
    return doc
  }
  const deleted: CollectionAfterDeleteHook = async ({ doc, req }) => {
    if (!(await anyoneListensTo(req, source))) return
    const slug = typeof doc.slug === 'string' ? doc.slug : null
    await recordContentChange(req, {
      event: 'delete',
      source,
      kind: 'collection',
      id: String(doc.id),
      slug,
      locales: allLocales,
      public: { before: stateOf(doc, drafts).public, after: false },
      // A real delete may remove rows of other collections that pointed at it (the shared-cache
      // purge removes everything, docs/caching.md): `all` says so.
      tags: [
        ...tagsOfChange({ kind: 'documents', collection: source, ids: [String(doc.id)] }),
        ...tagsOfChange({ kind: 'everything' }),
      ],
      paths: affectedPaths(source, allLocales, slug),
    })
  }
  return { before, after, deleted }
}

/** The same for a global: publishing, unpublishing and updating what the public reads. */
export function globalWebhookHooks(source: WebhookGlobal, drafts: boolean) {
  const key = beforeKey(source, 'global')
  const row = async (req: PayloadRequest) =>
    (await req.payload.db.findGlobal({ slug: source, select: STATE_COLUMNS, req })) as Record<
      string,
      unknown
    > | null
  const before: GlobalBeforeChangeHook = async ({ data, req }) => {
    if (!(await anyoneListensTo(req, source))) return data
    const found = await row(req)
    req.context[key] = found?.id !== undefined || found?.updatedAt ? stateOf(found, drafts) : ABSENT
    return data
  }
  const after: GlobalAfterChangeHook = async ({ doc, req }) => {
    if (!(await anyoneListensTo(req, source))) return doc
    const was = (req.context[key] as PublicState | undefined) ?? ABSENT
    delete req.context[key]
    const now = stateOf(await row(req), drafts)
    const event = contentEvent(was, now)
    if (!event) return doc
    const locales = changedLocales(req, event)
    await recordContentChange(req, {
      event,
      source,
      kind: 'global',
      locales,
      public: { before: was.public, after: now.public },
      tags: tagsOfChange({ kind: 'global', global: source }),
      paths: affectedPaths(source, locales),
    })
    return doc
  }
  return { before, after }
}
