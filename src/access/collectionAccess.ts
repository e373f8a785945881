import type { CollectionConfig } from 'payload'

import { isStaff } from './isStaff'
import { publishedOrStaff } from './publishedOrStaff'

/**
 * The interim rule for versioned content: the public reads what is published, staff do the rest.
 * Versions are staff-only, so drafts never leak through the versions endpoints.
 */
export const versionedContentAccess: NonNullable<CollectionConfig['access']> = {
  read: publishedOrStaff,
  readVersions: isStaff,
  create: isStaff,
  update: isStaff,
  delete: isStaff,
}
