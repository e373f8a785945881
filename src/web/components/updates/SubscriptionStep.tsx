import type { Locale } from '@/core/locales'

import { paths } from '../../../cms/documentPaths'
import { updateWords } from '../../updateWords'

/**
 * The page a subscription mail's link opens: a button that confirms or unsubscribes (a POST),
 * never the link itself, so a mail scanner that opens links changes nothing. After the POST the
 * page says how it went (`?result=…`, without the token).
 */
export function SubscriptionStep({
  locale,
  action,
  token,
  result,
}: {
  locale: Locale
  action: 'confirm' | 'unsubscribe'
  token?: string
  result?: string
}) {
  const w = updateWords(locale)
  const confirm = action === 'confirm'
  const outcome = result ? (w.result[result] ?? w.result.invalid) : null
  return (
    <article className="container narrow section article">
      <h1>{confirm ? w.confirmTitle : w.unsubscribeTitle}</h1>
      {outcome ? (
        <p role="status" data-result={result}>
          {outcome}
        </p>
      ) : token ? (
        <form method="post" action={`/api/subscribers/${action}`}>
          <p>{confirm ? w.confirmText : w.unsubscribeText}</p>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="button">
            {confirm ? w.confirmButton : w.unsubscribeButton}
          </button>
        </form>
      ) : (
        <p role="status">{w.result.invalid}</p>
      )}
      <p>
        <a href={paths.home(locale)}>{w.back}</a>
      </p>
    </article>
  )
}
