import escapeHtml from 'escape-html'

import type { Language } from './recipientLanguage'

/** What a mail says, in both of its parts: the plain text every client shows, and HTML. */
export type ComposedMail = { subject: string; text: string; html: string }

/** The pieces a mail is written from; each text file of `texts/` arranges them. */
export type Block =
  | { paragraph: string }
  /** A button in HTML, the bare address on its own line in plain text. */
  | { link: string; label: string }
  /** Someone's own words (an editor's note), set apart and kept as written. */
  | { quote: string }

const signature: Record<Language, string> = {
  de: 'New Wave of European AI – das Portal der Initiative',
  en: 'New Wave of European AI – the initiative’s portal',
}

function textOf(block: Block): string {
  if ('paragraph' in block) return block.paragraph
  if ('link' in block) return `${block.label}:\n${block.link}`
  return block.quote
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n')
}

function htmlOf(block: Block): string {
  if ('paragraph' in block) return `<p style="margin:0 0 16px">${escapeHtml(block.paragraph)}</p>`
  if ('link' in block) {
    const href = escapeHtml(block.link)
    return (
      `<p style="margin:0 0 16px"><a href="${href}" style="display:inline-block;padding:10px 16px;` +
      `background:#1d3b8b;color:#ffffff;text-decoration:none;border-radius:4px">` +
      `${escapeHtml(block.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#555555">${href}</p>`
    )
  }
  const lines = block.quote.split(/\r?\n/).map((line) => escapeHtml(line))
  return (
    `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid #c5cbe0;` +
    `white-space:pre-wrap">${lines.join('<br>')}</blockquote>`
  )
}

/**
 * One mail in one language, from its subject and blocks: both parts say the same, the HTML is
 * escaped throughout (titles, names and notes are typed by people), and both end with the
 * portal's signature.
 */
export function composeMail(language: Language, subject: string, blocks: Block[]): ComposedMail {
  const text = [...blocks.map(textOf), `-- \n${signature[language]}`].join('\n\n')
  const html = [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;',
    'line-height:1.5;color:#1a1a1a;background:#ffffff">',
    '<div style="max-width:600px">',
    ...blocks.map(htmlOf),
    `<p style="margin:24px 0 0;font-size:13px;color:#555555">${escapeHtml(signature[language])}</p>`,
    '</div></body></html>',
  ].join('')
  return { subject, text, html }
}
