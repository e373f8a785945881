import { preferredLocale } from '@/web/i18n'
import { localizedLink, switchLocale } from '@/cms/documentPaths'
import { documentPath, isPortalPath, previewUrl, verifyPreview } from '@/cms/previewLinks'
import { xml } from '@/web/xml'

describe('the visitor’s language from Accept-Language', () => {
  test.each([
    [null, 'de'],
    ['', 'de'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8,de;q=0.7', 'en'],
    ['fr, de;q=0.5, en;q=0.4', 'de'],
    ['en;q=0, de', 'de'],
    ['*', 'de'],
    ['garbage;;;q=abc', 'de'],
  ])('%p → %s', (header, locale) => {
    expect(preferredLocale(header)).toBe(locale)
  })
})

test('CMS navigation links get the locale; absolute links stay; the switch swaps the locale', () => {
  expect(localizedLink('en', '/news')).toBe('/en/news')
  expect(localizedLink('de', 'projects')).toBe('/de/projects')
  expect(localizedLink('de', '/')).toBe('/de')
  expect(localizedLink('en', 'https://example.org/x')).toBe('https://example.org/x')
  expect(switchLocale('/de/news/some-slug', 'en')).toBe('/en/news/some-slug')
  expect(switchLocale('/de', 'en')).toBe('/en')
})

describe('preview links', () => {
  const secret = 'a-secret'

  test('are signed for one path with the secret', () => {
    const url = new URL(previewUrl('/de/news/x', secret), 'http://portal.example')
    const path = url.searchParams.get('path') as string
    expect(path).toBe('/de/news/x')
    expect(verifyPreview(path, url.searchParams.get('token'), secret)).toBe(true)
    expect(verifyPreview('/de/news/y', url.searchParams.get('token'), secret)).toBe(false)
    expect(verifyPreview(path, url.searchParams.get('token'), 'another-secret')).toBe(false)
    expect(verifyPreview(path, null, secret)).toBe(false)
    expect(verifyPreview(path, 'short', secret)).toBe(false)
  })

  test.each([
    ['/de', true],
    ['/en/news/x', true],
    ['/de?x=1', true],
    ['//evil.example/de', false],
    ['https://evil.example/de', false],
    ['/\\evil.example', false],
    ['/fr/news', false],
    ['/admin', false],
    ['', false],
    [null, false],
  ])('only portal paths may be targets: %p → %p', (path, ok) => {
    expect(isPortalPath(path)).toBe(ok)
  })

  test('documents map to their pages; collections without pages to none', () => {
    expect(documentPath('news', 'en', 'a b')).toBe('/en/news/a%20b')
    expect(documentPath('projects', undefined, 'soofi')).toBe('/de/projects/soofi')
    expect(documentPath('principles', 'de', 'x')).toBeNull()
    expect(documentPath('news', 'de', null)).toBeNull()
  })
})

test('XML text is escaped and stripped of characters XML does not allow', () => {
  expect(xml(`<a href="x">Tom & 'Jerry'</a>\u0001`)).toBe(
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
  )
  expect(xml(null)).toBe('')
  expect(xml(3)).toBe('3')
})
