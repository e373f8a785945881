import type { CollectionAfterDeleteHook } from 'payload'

import { purgeMailTo } from '@/operations/mail/queue'
import { normaliseSignerAddress } from '@/cms/signatures/address'

/**
 * A deleted signature takes every recorded mail to its address with it, in the same
 * transaction: a withdrawal or an editor's deletion leaves no copy of the address in the mail
 * queue. (An address that also belongs to an account keeps no mail either; mail is never kept
 * for long.)
 */
export const purgeSignerMail: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const email = (doc as { email?: string | null }).email
  if (!email) return
  // Mail to signers goes to the comparison form (IDNA domain); an old record may hold the other.
  const forms = new Set([email, normaliseSignerAddress(email) ?? email])
  for (const address of forms) await purgeMailTo(req, address)
}
