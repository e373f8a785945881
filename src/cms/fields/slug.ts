import type { CollectionSlug, FieldHook, TextField, Validate } from 'payload'

import { catalogueLabel } from '@/cms/i18n/catalogueLabel'
import { translate } from '@/cms/i18n/translate'

import { heldInTrash } from './heldInTrash'
import { slugify } from './transliterate'

type SlugOverrides = Partial<
  Pick<TextField, 'label' | 'required' | 'unique' | 'index' | 'admin' | 'hooks' | 'access'>
>

/**
 * Appends -2, -3 … until no other document of the collection uses the slug, those in the trash
 * included: a trashed document keeps its slug (it may be restored), and the database's unique
 * index knows nothing of the trash.
 */
async function firstFreeSlug(
  base: string,
  collection: CollectionSlug,
  ownId: number | string | undefined,
  req: Parameters<FieldHook>[0]['req'],
): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    const taken = await req.payload.count({
      collection,
      where: {
        and: [{ slug: { equals: candidate } }, ...(ownId ? [{ id: { not_equals: ownId } }] : [])],
      },
      req,
      overrideAccess: true,
      trash: true,
    })
    if (taken.totalDocs === 0) return candidate
  }
}

/**
 * A slug must be there, and a hand-typed one must not be held by a document in the trash: the
 * database would refuse it without saying why.
 */
const validateSlug: Validate<string, unknown, unknown, TextField> = async (
  value,
  { collectionSlug, event, id, req },
) => {
  if (typeof value !== 'string' || value.trim() === '') return translate(req, 'portal:slugRequired')
  // Asked on every keystroke in the admin too; the database is asked only on save.
  if (event === 'onChange') return true
  return (await heldInTrash({ req, collectionSlug, field: 'slug', value, id }))
    ? translate(req, 'portal:slugInTrash', { slug: value })
    : true
}

/**
 * The one slug field of every collection. Generated from `from` (the German title) when left
 * empty, made unique with a numeric suffix when generated, and otherwise left as the editor set
 * it: a published slug changes only when someone changes it on purpose. A hand-typed slug is
 * normalised the same way and must be unique (the database refuses duplicates).
 */
export function slugField(from: string, overrides: SlugOverrides = {}): TextField {
  const generate: FieldHook = async ({ value, data, originalDoc, collection, req }) => {
    if (typeof value === 'string' && value.trim() !== '') return slugify(value)
    if (typeof originalDoc?.slug === 'string' && originalDoc.slug) return originalDoc.slug
    const source = data?.[from] ?? originalDoc?.[from]
    const text = typeof source === 'string' ? source : ''
    const base = slugify(text)
    if (!base || !collection) return value
    return firstFreeSlug(base, collection.slug as CollectionSlug, originalDoc?.id, req)
  }
  const field: TextField = {
    name: 'slug',
    type: 'text',
    index: true,
    unique: true,
    // Not `required`: that would make GraphQL clients send a slug the server generates anyway.
    // The hook fills it; validation still refuses a document that ends up without one.
    validate: validateSlug,
    label: { de: 'Slug', en: 'Slug' },
    ...overrides,
    admin: {
      position: 'sidebar',
      description: catalogueLabel('portal:slugDescription'),
      ...overrides.admin,
    },
    hooks: {
      ...overrides.hooks,
      beforeValidate: [generate, ...(overrides.hooks?.beforeValidate ?? [])],
    },
  }
  return field
}
