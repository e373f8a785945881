import type { CollectionSlug, FieldHook, TextField } from 'payload'

import { slugify } from './transliterate'

type SlugOverrides = Partial<
  Pick<TextField, 'label' | 'required' | 'unique' | 'index' | 'admin' | 'hooks' | 'access'>
>

/** Appends -2, -3 … until no other document of the collection uses the slug. */
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
    })
    if (taken.totalDocs === 0) return candidate
  }
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
    validate: (value: unknown) =>
      typeof value === 'string' && value.trim() !== ''
        ? true
        : 'A slug is needed: give one, or a title to make it from',
    ...overrides,
    admin: {
      position: 'sidebar',
      description:
        'Wird aus dem deutschen Titel erzeugt, wenn leer. / Generated from the German title when empty.',
      ...overrides.admin,
    },
    hooks: {
      ...overrides.hooks,
      beforeValidate: [generate, ...(overrides.hooks?.beforeValidate ?? [])],
    },
  }
  return field
}
