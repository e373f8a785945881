import type { FieldAccess } from 'payload'

import { isStaffUser } from './roles'

/** Internal fields (approval flags, review notes) that only staff read or write. */
export const isStaffField: FieldAccess = ({ req: { user } }) => isStaffUser(user)
