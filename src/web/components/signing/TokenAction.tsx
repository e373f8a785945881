import type { Locale } from '@/core/locales'

import { paths } from '../../../cms/documentPaths'
import { signatureWords } from '../../signatureWords'

/**
 * The page a mail's link opens: a button that confirms or withdraws (a POST), never the link
 * itself, so a mail scanner that opens links confirms or deletes nothing. After the POST the
 * page says how it went (`?result=…`, without the token).
 */
export function TokenAction({
  locale,
  action,
  token,
  result,
}: {
  locale: Locale
  action: 'confirm' | 'withdraw'
  token?: string
  result?: string
}) {
  const w = signatureWords(locale)
  const title = action === 'confirm' ? w.confirmTitle : w.withdrawTitle
  const outcome = result ? (w.result[result] ?? w.result.invalid) : null
  return (
    <article className="container narrow section article">
      <h1>{title}</h1>
      {outcome ? (
        <p role="status" data-result={result}>
          {outcome}
        </p>
      ) : token ? (
        <form method="post" action={`/api/signatories/${action}`}>
          <p>{action === 'confirm' ? w.confirmText : w.withdrawText}</p>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="button">
            {action === 'confirm' ? w.confirmButton : w.withdrawButton}
          </button>
        </form>
      ) : (
        <p role="status">{w.result.invalid}</p>
      )}
      <p>
        <a href={paths.declaration(locale)}>{w.backToDeclaration}</a>
      </p>
    </article>
  )
}
