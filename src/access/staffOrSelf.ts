import type { Access } from 'payload'

import { isStaffUser } from './roles'

/** Staff read the user list (names and roles); anyone else logged in reads only themselves. */
export const staffOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaffUser(user)) return true
  return { id: { equals: user.id } }
}
