import type { NextFunction, Request, Response } from 'express'

import { isLocale, t } from '@/web/i18n'
import { paths } from '@/cms/documentPaths'
import { searchReadiness, searchRetryAfter } from '@/cms/search/readiness'

const resultsPage = /^\/([a-z]{2})\/search\/?$/

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * While there is no search index yet, a results page (`/de/search?q=…`) answers 503 with
 * `Retry-After` and a short page in the visitor's language, here rather than in Next: an app
 * router page cannot choose its status. The form alone (no `q`) is served as usual.
 */
export function searchUnavailable(req: Request, res: Response, next: NextFunction) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return next()
  const match = resultsPage.exec(req.path)
  const locale = match?.[1]
  if (!isLocale(locale) || !req.query.q || searchReadiness().state === 'ready') return next()
  const words = t(locale)
  const retry = req.originalUrl
  res
    .status(503)
    .set('Retry-After', String(searchRetryAfter()))
    .set('Cache-Control', 'no-store')
    .set('X-Robots-Tag', 'noindex')
    .type('html')
    .send(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<meta name="robots" content="noindex"><title>${escape(words.search)} – ${escape(words.siteName)}</title></head>` +
        `<body><main><h1>${escape(words.search)}</h1><p>${escape(words.searchUnavailable)}</p>` +
        `<p><a href="${escape(retry)}">${escape(words.searchButton)}</a> · ` +
        `<a href="${paths.home(locale)}">${escape(words.backHome)}</a></p></main></body></html>`,
    )
}
