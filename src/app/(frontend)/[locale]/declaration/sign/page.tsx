import config from '@payload-config'
import type { Metadata } from 'next'
import { cookies } from 'next/headers'
import { getPayload } from 'payload'

import { portalApi } from '@/web/api'
import { SignForm } from '@/web/components/signing/SignForm'
import { pageLocale, single, type LocaleParams, type SearchParams } from '@/web/page'
import { paths } from '@/cms/documentPaths'
import { pageMetadata } from '@/web/seo'
import { signatureWords } from '@/web/signatureWords'
import { SignaturePageDocument } from '@/graphql/generated'
import { CHALLENGE_PLACEHOLDER, FORM_TOKEN_PLACEHOLDER } from '@/cms/signatures/formPlaceholders'
import { DRAFT_COOKIE, openDraft, readProblems } from '@/cms/signatures/formDraft'
import type { FieldName } from '@/cms/signatures/input'

// Rendered per request by Next, but the same for every visitor: the read cache keeps it, and the
// edge writes each answer's own stamp and challenge over the placeholders (src/edge/formFill.ts).
export const dynamic = 'force-dynamic'

const FIELDS: readonly FieldName[] = [
  'name',
  'email',
  'kind',
  'organization',
  'roleTitle',
  'sector',
  'country',
  'display',
]

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  return pageMetadata({
    locale,
    path: '/declaration/sign',
    title: signatureWords(locale).signTitle,
  })
}

/** The signing page: the form (its stamp and challenge filled in per answer) and the privacy notice. */
export default async function SignPage({ params, searchParams }: LocaleParams & SearchParams) {
  const locale = await pageLocale(params)
  const w = signatureWords(locale)
  const query = await searchParams
  const error = single(query.error)?.slice(0, 40)
  const problems = readProblems(single(query.fields), FIELDS)
  // What was typed into a refused form without JavaScript (sealed in a cookie, never the URL).
  const draft = error
    ? openDraft((await getPayload({ config })).secret, (await cookies()).get(DRAFT_COOKIE)?.value)
    : null
  const { client } = await portalApi(locale)
  const { Declaration, signatureCount } = await client.request(SignaturePageDocument, {})
  return (
    <article className="container narrow section article">
      <header>
        <h1>{w.signTitle}</h1>
        <p className="lead">{w.signLead}</p>
        <p className="meta">
          <a href={paths.declaration(locale)}>{Declaration?.title}</a> · {w.count(signatureCount)}
        </p>
      </header>
      <SignForm
        locale={locale}
        formToken={FORM_TOKEN_PLACEHOLDER}
        challenge={CHALLENGE_PLACEHOLDER}
        error={error}
        problems={problems}
        values={draft ?? {}}
      />
      {Declaration?.privacyNotice ? (
        <section aria-labelledby="privacy" className="privacy">
          <h2 id="privacy">{w.privacy}</h2>
          {Declaration.privacyNotice.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </section>
      ) : null}
    </article>
  )
}
