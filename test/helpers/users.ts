import type { Payload } from 'payload'

import type { User } from '@/payload-types'

import { login } from './api'

export type TestUser = { user: User; token: string; email: string; password: string }

/** Creates a user with a role (as an admin would) and logs them in. */
export async function createUser(
  payload: Payload,
  role: User['role'],
  extra: Partial<User> = {},
): Promise<TestUser> {
  const email = `${role}-${Math.random().toString(36).slice(2, 10)}@test.example`
  const password = `pw-${Math.random().toString(36).slice(2)}`
  const user = await payload.create({
    collection: 'users',
    data: { name: `Test ${role}`, email, password, role, ...extra } as User & { password: string },
  })
  return { user, token: await login(email, password), email, password }
}
