import type { SignatureSettings } from '@/core/env'

import { MoreWorkNeeded } from './errors'
import type { FormStamp } from './formToken'
import { newChallenge, type ProofCheck } from './proofOfWork'
import { countOne, recentVolume, workFactor } from './volume'

/**
 * How much proof of work a signature from `client` with an address at `domain` needs now: the
 * base work until the address or the domain passed its threshold this hour, then more with
 * each further threshold's worth (src/cms/signatures/volume.ts). The larger of both counts.
 */
export async function requiredWork(
  settings: SignatureSettings,
  client: string,
  domain: string,
): Promise<number> {
  const [byAddress, byDomain] = await Promise.all([
    recentVolume('signing-address', client),
    recentVolume('signing-domain', domain),
  ])
  return Math.max(
    workFactor(byAddress, settings.signingMoreWorkFromPerAddress),
    workFactor(byDomain, settings.signingMoreWorkFromPerDomain),
  )
}

/**
 * Where a signature with `proof` goes, or a `MoreWorkNeeded` with a harder challenge for the
 * same form when its proof was made for less work than the address or domain now needs. A
 * form sent without a proof (no JavaScript) is never asked for more: it goes to moderation,
 * as every signature without a proof does; so does a plain form post whose proof is too light.
 */
export async function sourceFor(options: {
  secret: string
  settings: SignatureSettings
  stamp: FormStamp
  proof: ProofCheck
  client: string
  domain: string
  canDoMoreWork: boolean
}): Promise<'form' | 'form-without-proof'> {
  if (options.proof.outcome !== 'verified') return 'form-without-proof'
  const { settings, stamp } = options
  const needed = await requiredWork(settings, options.client, options.domain)
  if (options.proof.factor >= needed) return 'form'
  if (!options.canDoMoreWork) return 'form-without-proof'
  throw new MoreWorkNeeded(
    await newChallenge({
      secret: options.secret,
      nonce: stamp.nonce,
      maxNumber: settings.proofOfWorkMaxNumber,
      expiresAt: new Date(stamp.issuedAt + settings.formMaxAgeMinutes * 60_000),
      factor: needed,
    }),
  )
}

/** Counts an accepted signature for its address and domain. */
export async function countSignature(client: string, domain: string): Promise<void> {
  await Promise.all([countOne('signing-address', client), countOne('signing-domain', domain)])
}
