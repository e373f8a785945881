import type { Access } from 'payload'

import { isStaffUser } from './roles'

/**
 * Staff read everything; everyone else reads published documents only. This is the access rule,
 * not the `draft` argument: a public `draft=true` request still gets this constraint.
 */
export const publishedOrStaff: Access = ({ req: { user } }) =>
  isStaffUser(user) ? true : { _status: { equals: 'published' } }
