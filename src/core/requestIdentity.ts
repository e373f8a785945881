/**
 * Who a request is, as far as the layers before Payload need to know: a user named by a validly
 * signed session token, and whether it is in Next's draft mode with the build's own preview
 * cookie. The edge finds it (src/edge/identity/); the read cache and the limits read it here.
 * Anything else (no token, a malformed, expired or wrongly signed one, a junk draft-mode cookie)
 * is the public.
 */
export type TokenUser = { id: string; collection: string }
export type Identity = { user: TokenUser | null; draftMode: boolean }

const PUBLIC: Identity = { user: null, draftMode: false }
const identities = new WeakMap<object, Identity>()

/** The identity the edge found for a request (the public before it ran). */
export const identityOf = (req: object): Identity => identities.get(req) ?? PUBLIC

/** Called by the edge once it has verified what the request carries. */
export function setIdentity(req: object, identity: Identity): void {
  if (identity.user || identity.draftMode) identities.set(req, identity)
}
