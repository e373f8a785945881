import type { Block } from 'payload'

import { label } from '@/cms/labels'

/** A short quote attributed to a person of the people directory (used in news bodies). */
export const personQuoteBlock: Block = {
  slug: 'personQuote',
  interfaceName: 'PersonQuoteBlock',
  graphQL: { singularName: 'PersonQuoteBlock' },
  labels: {
    singular: { de: 'Zitat', en: 'Quote' },
    plural: { de: 'Zitate', en: 'Quotes' },
  },
  fields: [
    {
      name: 'person',
      type: 'relationship',
      relationTo: 'people',
      required: true,
      label: label('Person', 'Person'),
    },
    {
      name: 'text',
      type: 'textarea',
      required: true,
      maxLength: 600,
      label: label('Zitat', 'Quote'),
    },
  ],
}
