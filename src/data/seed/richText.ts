/**
 * Seed content keeps rich text as a list of paragraphs (strings) and quotes
 * (`{ quote: <person slug>, text }`); this turns such a list into Lexical's JSON state.
 */
export type RichTextItem = string | { quote: string; text: string }

type LexicalNode = Record<string, unknown>

const textNode = (text: string): LexicalNode => ({
  type: 'text',
  text,
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const paragraph = (text: string): LexicalNode => ({
  type: 'paragraph',
  children: [textNode(text)],
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  version: 1,
})

const quoteBlock = (personId: string, text: string, index: number): LexicalNode => ({
  type: 'block',
  fields: {
    id: `seed-quote-${index}`,
    blockName: '',
    blockType: 'personQuote',
    person: personId,
    text,
  },
  format: '',
  version: 2,
})

export function toLexical(
  items: RichTextItem[],
  personId: (slug: string) => string,
): { root: LexicalNode } {
  return {
    root: {
      type: 'root',
      children: items.map((item, index) =>
        typeof item === 'string'
          ? paragraph(item)
          : quoteBlock(personId(item.quote), item.text, index),
      ),
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
    },
  }
}

/** The plain text of a Lexical state: what a reader sees, for tests and excerpts. */
export function lexicalText(state: unknown): string {
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return ''
    const n = node as { text?: unknown; children?: unknown[]; fields?: { text?: unknown } }
    if (typeof n.text === 'string') return n.text
    if (typeof n.fields?.text === 'string') return n.fields.text
    return (n.children ?? []).map(walk).join(n.children && 'root' in n ? '\n' : '')
  }
  const root = (state as { root?: unknown } | null)?.root
  return ((root as { children?: unknown[] })?.children ?? []).map(walk).join('\n')
}
