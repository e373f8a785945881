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
import { SignatureFormDocument, SignaturePageDocument } from '@/graphql/generated'
import { DRAFT_COOKIE, openDraft, readProblems } from '@/cms/signatures/formDraft'
import type { FieldName } from '@/cms/signatures/input'

// Never prerendered, never cached (src/readCache/pageRequest.ts): each render carries its own
// signed timestamp and proof-of-work challenge.
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

/** The signing page: the form with its own stamp and challenge, and the privacy notice. */
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
  const [{ Declaration, signatureCount }, { signatureForm }] = await Promise.all([
    client.request(SignaturePageDocument, {}),
    client.request(SignatureFormDocument, {}),
  ])
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
        formToken={signatureForm.formToken}
        challenge={signatureForm.challenge}
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
