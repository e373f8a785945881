import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { personQuoteBlock } from './personQuoteBlock'

/** News bodies: the default rich text plus attributed quotes. */
export const newsEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures,
    BlocksFeature({ blocks: [personQuoteBlock] }),
  ],
})
