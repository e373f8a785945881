import type { Config } from 'payload'

const component = '/cms/admin/trash/RestoreAsPublished#RestoreAsPublished'

/** The restore dialog's preset (RestoreAsPublished) for every collection with a trash and drafts. */
export function restorePreset(config: Config): Config {
  return {
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      const drafts = typeof collection.versions === 'object' && collection.versions.drafts
      if (!collection.trash || !drafts) {
        return collection
      }
      const components = collection.admin?.components ?? {}
      return {
        ...collection,
        admin: {
          ...collection.admin,
          components: {
            ...components,
            edit: {
              ...components.edit,
              beforeDocumentControls: [
                ...(components.edit?.beforeDocumentControls ?? []),
                component,
              ],
            },
          },
        },
      }
    }),
  }
}
