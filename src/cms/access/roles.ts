import type { User } from '@/payload-types'

export const roles = ['admin', 'editor', 'partner'] as const
export type Role = (typeof roles)[number]

type MaybeUser = Pick<User, 'role'> | null | undefined

export const hasRole = (user: MaybeUser, ...allowed: Role[]): boolean =>
  Boolean(user && allowed.includes(user.role as Role))

/** Admins and editors: the people who run the portal's content. */
export const isStaffUser = (user: MaybeUser): boolean => hasRole(user, 'admin', 'editor')
