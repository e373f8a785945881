import fc from 'fast-check'

import type { RawRequest } from './send'

/** What the generators draw real values from, so requests reach real documents and routes. */
export type FuzzContext = {
  /** IDs of seeded documents by collection (the partner's own and others'). */
  ids: Record<string, string[]>
  slugs: string[]
  /** A logged-in partner's token: requests sent with it act as that partner. */
  partnerToken: string
}

const COLLECTIONS = [
  'news',
  'projects',
  'principles',
  'events',
  'people',
  'organizations',
  'signatories',
  'media',
  'users',
  'payload-preferences',
  'payload-locked-documents',
  'payload-jobs',
  'payload-migrations',
]
const GLOBALS = ['declaration', 'site']
const AUTH_ACTIONS = [
  'login',
  'logout',
  'me',
  'refresh-token',
  'forgot-password',
  'reset-password',
  'unlock',
  'first-register',
  'verify/abc',
  'access',
  'init',
]
const PAGES = [
  '',
  'news',
  'projects',
  'people',
  'organizations',
  'events',
  'declaration',
  'feed.xml',
]
const GRAPHQL_DOCUMENTS = [
  '{ Site { name } }',
  '{ News(limit: 5) { docs { id title _status } } }',
  'query ($n: Int = 0) { News(limit: $n) { docs { id } } }',
  'query ($d: Boolean = true) { News(draft: $d) { docs { id title } } }',
  '{ Projects(where: { title: { like: "%" } }) { docs { id review { note state } } } }',
  '{ Users { docs { email role } } }',
  '{ Signatories { docs { displayName status email } } }',
  '{ __schema { types { name } } }',
  'mutation { updateNewsItem(id: "ID", data: { title: "fuzzed" }) { id } }',
  'mutation { createNewsItem(data: { title: "fuzzed", _status: published }) { id } }',
  'mutation { deleteProject(id: "ID") { id } }',
  'mutation { updateProject(id: "ID", data: { title: "fuzzed" }, draft: false) { id } }',
  'mutation { updateUser(id: "ID", data: { role: admin }) { id role } }',
  'mutation { updateDeclaration(data: { title: "fuzzed" }) { title } }',
  'mutation { loginUser(email: "a@b.c", password: "x") { token } }',
  '{ ...F } fragment F on Query { ...F }',
  '{ a: Site { name } a: News { docs { id } } }',
]

const printable = (maxLength: number) =>
  fc.string({ unit: 'grapheme-ascii', maxLength }).map((s) => s.replace(/[^\x20-\x7e]/g, ''))

/** Any text, unicode included (lone surrogates too), for JSON bodies and variables. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  printable(40),
  fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', "'; DROP TABLE news; --", '%'),
)

/** Bytes written as percent-escapes: valid UTF-8 or not. */
const escapedBytes = fc
  .uint8Array({ minLength: 1, maxLength: 8 })
  .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''))

/** A path segment as a URL may carry it: safe characters, escapes, broken escapes, dots. */
const segment = (context: FuzzContext) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(...Object.values(context.ids).flat(), ...context.slugs),
    },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-zA-Z0-9._~-]{0,24}$/) },
    escapedBytes,
    fc.constantFrom('..', '.', '%2e%2e', '%2F', '%', '%z', '%E0%A4', '%C0%AF', '%00', '~', ';x=1'),
    fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponentSafely),
  )

function encodeURIComponentSafely(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    // a lone surrogate: send its code units as (invalid) escapes instead
    return [...text].map((c) => `%${c.charCodeAt(0).toString(16).slice(-2)}`).join('')
  }
}

const queryValue = (context: FuzzContext) =>
  fc.oneof(
    fc.constantFrom(
      '0',
      '1',
      '-1',
      '100',
      '101',
      '1e9',
      'NaN',
      'true',
      'false',
      'null',
      '',
      'de',
      'en',
      'xx',
    ),
    fc.integer().map(String),
    segment(context),
  )

const queryKey = fc.oneof(
  fc.constantFrom(
    'limit',
    'page',
    'depth',
    'locale',
    'fallback-locale',
    'draft',
    'pagination',
    'sort',
    'trash',
    'autosave',
    'where[title][equals]',
    'where[slug][like]',
    'where[or][0][_status][equals]',
    'where[organization][in][]',
    'select[title]',
    'populate[people][name]',
    'joins',
    'tag',
    'principle',
    'status',
    'q',
    'query',
    'variables',
    'operationName',
    'extensions',
    'token',
    'path',
    '_rsc',
  ),
  fc.stringMatching(/^[a-z_[\]]{1,12}$/),
)

const query = (context: FuzzContext) =>
  fc
    .array(fc.tuple(queryKey, queryValue(context)), { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''))

const path = (context: FuzzContext) =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom(...COLLECTIONS), fc.option(segment(context)))
      .map(([c, s]) => (s === null ? `/api/${c}` : `/api/${c}/${s}`)),
    fc
      .tuple(
        fc.constantFrom(...Object.keys(context.ids).filter((c) => context.ids[c]!.length > 0)),
        fc.constantFrom('', '/versions'),
      )
      .chain(([c, tail]) =>
        fc.constantFrom(...context.ids[c]!).map((id) => `/api/${c}${tail}/${id}`),
      ),
    fc.constantFrom(...GLOBALS).map((g) => `/api/globals/${g}`),
    fc.constantFrom(...AUTH_ACTIONS).map((a) => `/api/users/${a}`),
    fc.constant('/api/graphql'),
    fc
      .tuple(
        fc.constantFrom('de', 'en', 'fr', 'DE', ''),
        fc.constantFrom(...PAGES),
        fc.option(segment(context)),
      )
      .map(([l, p, s]) => `/${[l, p, s].filter((x) => x !== null && x !== '').join('/')}`),
    fc.constantFrom(
      '/sitemap.xml',
      '/robots.txt',
      '/preview',
      '/preview/exit',
      '/healthz',
      '/readyz',
    ),
    fc
      .option(segment(context))
      .map((s) => (s === null ? '/admin' : `/admin/collections/news/${s}`)),
    fc.tuple(segment(context), segment(context)).map(([a, b]) => `/${a}/${b}`),
    fc.constant('/_next/static/x.js'),
  )

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=fuzz',
  'text/plain;charset=UTF-8',
  'application/graphql',
  'application/octet-stream',
  'image/png',
)

/** Present in about one request in `odds`, else absent. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, odds: number) =>
  fc.oneof({ weight: odds - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary })

const headers = (context: FuzzContext) =>
  fc
    .record({
      'Content-Type': sometimes(contentTypes, 2),
      Accept: sometimes(
        fc.constantFrom(
          '*/*',
          'application/json',
          'text/html',
          'application/graphql-response+json',
          'text/x-component',
        ),
        3,
      ),
      'Accept-Language': sometimes(fc.constantFrom('de', 'en', 'fr;q=0.8', '*', ''), 4),
      'Accept-Encoding': sometimes(fc.constantFrom('gzip', 'br', 'identity', 'x'), 4),
      Origin: sometimes(
        fc.constantFrom(
          'http://localhost:3000',
          'https://frontend.example',
          'null',
          'https://evil.example',
        ),
        5,
      ),
      // About a third of the requests act as the partner; a few carry junk credentials.
      Authorization: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 3, arbitrary: fc.constant(`JWT ${context.partnerToken}`) },
        {
          weight: 1,
          arbitrary: fc.oneof(
            fc.constantFrom('JWT junk', 'Bearer junk', 'users API-Key junk', 'Basic Zm9vOmJhcg=='),
            printable(30),
          ),
        },
      ),
      Cookie: sometimes(
        fc.oneof(
          fc.constant(`payload-token=${context.partnerToken}`),
          fc.constantFrom('payload-token=junk', '__prerender_bypass=1', 'payload-lng=xx'),
          printable(40),
        ),
        6,
      ),
      'Next-Action': sometimes(printable(20), 15),
      RSC: sometimes(fc.constant('1'), 10),
      'Next-Router-State-Tree': sometimes(printable(30), 15),
      'X-Forwarded-For': sometimes(printable(20), 15),
      'If-None-Match': sometimes(fc.constantFrom('*', '"x"', 'W/"y"'), 15),
      Range: sometimes(fc.constantFrom('bytes=0-0', 'bytes=-1', 'bytes=x'), 15),
    })
    .map((all) => {
      const present: Record<string, string> = {}
      for (const [name, value] of Object.entries(all))
        if (value !== undefined) present[name] = value
      return present
    })

/** Data a document write might carry, with what a role may not do mixed in. */
const documentData = (context: FuzzContext) =>
  fc.record(
    {
      title: anyText,
      name: anyText,
      slug: anyText,
      _status: fc.constantFrom('published', 'draft', 'x'),
      organization: fc.constantFrom(...(context.ids.organizations ?? ['x']), 'x', ''),
      role: fc.constantFrom('admin', 'editor', 'partner', 'root'),
      email: fc.constantFrom('admin@test.example', 'x', 'a@b.c'),
      password: anyText,
      review: fc.record({ state: fc.constantFrom('approved', 'in-review', 'x'), note: anyText }),
      status: fc.constantFrom('approved', 'rejected', 'x'),
      position: fc.oneof(fc.integer(), fc.double()),
      body: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: [] },
  )

const multipart = (context: FuzzContext) =>
  fc
    .tuple(
      fc.uint8Array({ maxLength: 256 }),
      fc.oneof(printable(20), fc.constantFrom('x.png', '../../etc/passwd', 'a.svg', 'x.pdf')),
      fc.constantFrom('image/png', 'image/svg+xml', 'application/pdf', 'text/html', 'x/y'),
      fc.option(documentData(context).map((d) => JSON.stringify(d))),
    )
    .map(([bytes, filename, type, data]) => {
      const boundary = 'fuzzboundary'
      const parts = [
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename.replace(/"/g, '')}"\r\nContent-Type: ${type}\r\n\r\n`,
      ]
      const tail = [
        data === null
          ? ''
          : `\r\n--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${data}`,
        `\r\n--${boundary}--\r\n`,
      ]
      return {
        contentType: `multipart/form-data; boundary=${boundary}`,
        body: Buffer.concat([
          Buffer.from(parts[0]!),
          Buffer.from(bytes),
          Buffer.from(tail.join('')),
        ]),
      }
    })

const body = (context: FuzzContext) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: documentData(context).map((d) => ({ body: Buffer.from(JSON.stringify(d)) })),
    },
    {
      weight: 3,
      arbitrary: fc
        .record(
          {
            query: fc.oneof(
              fc
                .constantFrom(...GRAPHQL_DOCUMENTS)
                .chain((q) =>
                  fc
                    .constantFrom(...Object.values(context.ids).flat(), 'x')
                    .map((id) => q.replace('"ID"', JSON.stringify(id))),
                ),
              anyText,
            ),
            variables: fc.oneof(
              fc.jsonValue({ maxDepth: 2 }),
              fc.record({ n: fc.integer(), d: fc.boolean() }),
            ),
            operationName: fc.option(anyText),
          },
          { requiredKeys: ['query'] },
        )
        .map((g) => ({ body: Buffer.from(JSON.stringify(g)), contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .jsonValue({ maxDepth: 3 })
        .map((v) => ({ body: Buffer.from(JSON.stringify(v)) })),
    },
    { weight: 1, arbitrary: anyText.map((t) => ({ body: Buffer.from(t) })) },
    { weight: 1, arbitrary: multipart(context) },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 512 }).map((b) => ({ body: Buffer.from(b) })),
    },
  )

/** One hostile request: a method, a target, headers and maybe a body. */
export function requests(context: FuzzContext): fc.Arbitrary<RawRequest> {
  return fc
    .record({
      method: fc.constantFrom(
        'GET',
        'GET',
        'GET',
        'POST',
        'POST',
        'PATCH',
        'PUT',
        'DELETE',
        'OPTIONS',
        'HEAD',
      ),
      target: fc.tuple(path(context), query(context)).map(([p, q]) => `${p}${q}`),
      headers: headers(context),
      body: fc.option(body(context), { freq: 2 }),
    })
    .map(({ method, target, headers: given, body: sent }) => {
      const withBody = sent !== null && method !== 'GET' && method !== 'HEAD'
      const requestHeaders: Record<string, string> = { ...given }
      if (withBody && 'contentType' in sent && sent.contentType) {
        requestHeaders['Content-Type'] = sent.contentType
      }
      return { method, target, headers: requestHeaders, body: withBody ? sent.body : undefined }
    })
}
