/** The words of the page a person sees when the portal asks them to come back, per language. */
const WORDS = {
  de: {
    busyTitle: 'Gerade sind sehr viele Menschen hier',
    limitedTitle: 'Zu viele Anfragen',
    busy: 'Das Portal ist im Moment ausgelastet.',
    limited: 'Von Ihrer Verbindung kamen gerade sehr viele Anfragen.',
    again: (seconds: number) =>
      `Bitte versuchen Sie es in ${seconds} Sekunden noch einmal; diese Seite lädt dann von selbst neu.`,
    kept: 'Ihre Angaben im Formular sind gespeichert und stehen gleich wieder darin.',
    now: 'Jetzt erneut versuchen',
  },
  en: {
    busyTitle: 'A great many people are here right now',
    limitedTitle: 'Too many requests',
    busy: 'The portal is busy at the moment.',
    limited: 'Your connection has just sent a great many requests.',
    again: (seconds: number) =>
      `Please try again in ${seconds} seconds; this page reloads by itself then.`,
    kept: 'What you typed into the form is kept and will be filled in again.',
    now: 'Try again now',
  },
}

export type PageLanguage = keyof typeof WORDS

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

export type TryAgain = {
  language: PageLanguage
  /** 503: the portal is saturated; 429: this client is over its own limit. */
  status: 429 | 503
  retryAfterSeconds: number
  /** Where the page goes after `Retry-After`: the same page, or the form that was sent. */
  next: string
  /** Whether a form's values were kept for that page (a signer's, without JavaScript). */
  keptForm: boolean
}

/**
 * A whole HTML page, with no script and nothing fetched: it must work in any browser, and the
 * portal sends it when it has no time to spare. It reloads itself (`<meta http-equiv=refresh>`)
 * once `Retry-After` has passed.
 */
export function tryAgainPage(page: TryAgain): string {
  const w = WORDS[page.language]
  const title = page.status === 503 ? w.busyTitle : w.limitedTitle
  const next = escape(page.next)
  return [
    '<!doctype html>',
    `<html lang="${page.language}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="${page.retryAfterSeconds}; url=${next}">`,
    `<title>${escape(title)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">',
    `<main><h1>${escape(title)}</h1>`,
    `<p>${escape(page.status === 503 ? w.busy : w.limited)} ${escape(w.again(page.retryAfterSeconds))}</p>`,
    page.keptForm ? `<p>${escape(w.kept)}</p>` : '',
    `<p><a href="${next}">${escape(w.now)}</a></p></main>`,
    '</body></html>',
  ].join('\n')
}
