import type { Access } from 'payload'

import { hasRole } from './roles'

export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')

/** Field-level variant: only admins may set fields such as a user's role. */
