import type { FieldAccess } from 'payload'

import { organizationOf } from './fromMatrix'
import { actorOf } from './matrix'
import { relationId } from './relationId'

/**
 * Internal fields a partner may read on its own organization's documents (a project's review
 * state and the editors' note), and staff everywhere; the public never.
 */
export const ownerOrStaffField: FieldAccess = ({ req: { user }, doc }) => {
  const actor = actorOf(user)
  if (actor === 'editor' || actor === 'admin') return true
  if (actor !== 'partner') return false
  const owner = relationId((doc as { organization?: unknown } | undefined)?.organization)
  return owner !== null && owner === organizationOf(user)
}
