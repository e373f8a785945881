import type { CollectionBeforeChangeHook } from 'payload'

import { normaliseSignerAddress } from '@/cms/signatures/address'

/**
 * Keeps the comparison form of the address beside the address, whoever writes it (the flow or
 * an editor correcting it in the admin), so a second signature with the same address is found.
 */
export const keepAddressKey: CollectionBeforeChangeHook = ({ data }) => {
  if (!data || !('email' in data)) return data
  const email = typeof data.email === 'string' ? data.email : ''
  return { ...data, emailKey: email ? normaliseSignerAddress(email) : null }
}
