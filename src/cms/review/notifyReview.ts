import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { relationId } from '@/cms/access/relationId'
import { queueMailToUser, usersWithRole } from '@/operations/mail/queue'
import type { Language } from '@/operations/mail/recipientLanguage'
import { changesRequestedMail } from '@/operations/mail/texts/changesRequested'
import type { ReviewedKind } from '@/operations/mail/texts/reviewedDocument'
import { reviewSubmittedMail } from '@/operations/mail/texts/reviewSubmitted'

type Review = { state?: string | null; note?: string | null; submittedBy?: unknown }

/** The field that names a document of each kind: a project's title (localized), a person's name. */
const TITLE_FIELD: Record<ReviewedKind, 'title' | 'name'> = { projects: 'title', people: 'name' }

/** The document's title in each language (the German one where a translation is missing). */
async function titlesOf(
  req: PayloadRequest,
  kind: ReviewedKind,
  id: string | number,
  fallback: string,
) {
  const field = TITLE_FIELD[kind]
  const doc = (await req.payload.findByID({
    collection: kind,
    id,
    locale: 'all',
    draft: true,
    depth: 0,
    overrideAccess: true,
    select: { [field]: true },
    req,
  })) as unknown as Record<string, unknown>
  const value = doc[field]
  // A name is not localized: the same in every language.
  const titles = (typeof value === 'string' ? { de: value, en: value } : (value ?? {})) as Partial<
    Record<Language, string | null>
  >
  return (language: Language) => titles[language] || titles.de || fallback
}

type Titles = Awaited<ReturnType<typeof titlesOf>>

/** What every mail of a review transition says: which document, and where to edit it. */
type TransitionMail = { req: PayloadRequest; kind: ReviewedKind; title: Titles; link: string }

/** Every editor hears that a document was submitted for review. */
async function notifyEditors({ req, kind, title, link }: TransitionMail): Promise<void> {
  const submitterName = (req.user as { name?: string } | null)?.name
  for (const editor of await usersWithRole(req, 'editor')) {
    await queueMailToUser(req, editor, 'review-submitted', (language) =>
      reviewSubmittedMail(language, {
        editorName: editor.name,
        kind,
        title: title(language),
        submitterName,
        link,
      }),
    )
  }
}

/** The submitter hears that changes were requested, with the editor's note. */
async function notifySubmitter(
  { req, kind, title, link }: TransitionMail,
  review: Review | undefined,
): Promise<void> {
  const submitterId = relationId(review?.submittedBy)
  if (!submitterId) return
  const submitter = await req.payload.findByID({
    collection: 'users',
    id: submitterId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  // A submitter whose account was deleted since has nobody to hear it.
  if (!submitter) return
  await queueMailToUser(req, submitter, 'changes-requested', (language) =>
    changesRequestedMail(language, {
      partnerName: submitter.name,
      kind,
      title: title(language),
      note: review?.note ?? '',
      link,
    }),
  )
}

/**
 * Mail on review transitions of partners' projects and people: editors hear of submissions, the
 * submitter of requested changes, each in their own language. The mails are queued in the save's transaction (so a save that
 * fails sends nothing) and sent after the commit: the save never waits for a mail server.
 */
export const notifyReview: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  const kind = collection.slug as ReviewedKind
  const review = doc.review as Review | undefined
  const state = review?.state
  if (!state || state === (previousDoc?.review as Review | undefined)?.state) return doc
  if (state !== 'in-review' && state !== 'changes-requested') return doc

  const link = `${req.payload.config.serverURL}/admin/collections/${kind}/${doc.id}`
  const title = await titlesOf(req, kind, doc.id, String(doc.slug ?? doc.id))
  const mail = { req, kind, title, link }
  if (state === 'in-review') await notifyEditors(mail)
  else await notifySubmitter(mail, review)
  return doc
}
