import type { CollectionBeforeOperationHook } from 'payload'

import { isStaffUser } from '@/access/roles'

/**
 * Read access already keeps drafts from the public. This makes the public's `draft` argument
 * (REST `?draft=true`, GraphQL `draft: true`) a no-op too: otherwise Payload queries the newest
 * versions, and a published document with a pending draft would vanish from the public's list.
 */
export const publicReadsPublished: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'read' && args.draft && !isStaffUser(req.user)) {
    return { ...args, draft: false }
  }
  return args
}
