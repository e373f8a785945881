import { REDACTED, redactUrl } from '@/observability/logging/redactUrl'

const resetToken = 'f3a9c2d4e5b6a7980112233445566778899aabbc'

test.each([
  // Payload's password-reset link, as the reset mail carries it.
  [`/admin/reset/${resetToken}`, `/admin/reset/${REDACTED}`],
  // E-mail verification links, admin and REST.
  [`/admin/users/verify/${resetToken}`, `/admin/users/verify/${REDACTED}`],
  [`/api/users/verify/${resetToken}`, `/api/users/verify/${REDACTED}`],
  // Draft previews sign their path with a token.
  [
    '/preview?path=%2Fde%2Fnews%2Fx&token=abc123',
    `/preview?path=%2Fde%2Fnews%2Fx&token=${REDACTED}`,
  ],
  // Any link that carries a token, secret or key in its query, whatever the case of the name.
  ['/de/declaration/confirm?Token=s3cr3t&x=1', `/de/declaration/confirm?Token=${REDACTED}&x=1`],
  [
    '/api/news?secret=a&apiKey=b&key=c',
    `/api/news?secret=${REDACTED}&apiKey=${REDACTED}&key=${REDACTED}`,
  ],
  // A path segment that looks like a random token, on a route nobody listed yet.
  [`/de/some/new/link/${resetToken}`, `/de/some/new/link/${REDACTED}`],
  ['/de/x/Ab3dEf6hIjKlMnOpQrStUvWxYz012345_-zz', `/de/x/${REDACTED}`],
])('%s is logged as %s', (url, logged) => {
  expect(redactUrl(url)).toBe(logged)
  expect(redactUrl(url)).not.toContain(resetToken)
})

test.each([
  '/de/news/wie-es-weitergeht-kraefte-buendeln',
  '/admin/collections/news/0b6f6c1e-3d2a-4e55-9a77-5d1c2b3a4f60',
  '/api/news?where[slug][equals]=soofi-sovereign-open-source-foundation-models-2025&limit=10',
  '/de/news?page=2&tag=workshop',
])('%s stays readable', (url) => {
  expect(redactUrl(url)).toBe(url)
})
