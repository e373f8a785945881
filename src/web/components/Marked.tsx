import type { Locale } from '@/core/locales'

type Highlighted = {
  text: string
  language: string
  highlights: { start: number; length: number }[]
}

/**
 * Text with its search matches in `<mark>`. Text shown through the locale fallback (German on
 * an English page) carries its own `lang`, so screen readers pronounce it right.
 */
export function Marked({
  value,
  locale,
  as: Element = 'span',
  className,
}: {
  value: Highlighted
  locale: Locale
  as?: 'span' | 'p'
  className?: string
}) {
  const pieces: React.ReactNode[] = []
  let at = 0
  for (const { start, length } of [...value.highlights].sort((a, b) => a.start - b.start)) {
    if (start < at) continue
    if (start > at) pieces.push(value.text.slice(at, start))
    pieces.push(<mark key={start}>{value.text.slice(start, start + length)}</mark>)
    at = start + length
  }
  if (at < value.text.length) pieces.push(value.text.slice(at))
  return (
    <Element className={className} lang={value.language !== locale ? value.language : undefined}>
      {pieces}
    </Element>
  )
}
