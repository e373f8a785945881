import type { Payload } from 'payload'

import { subscribeSigner } from '@/cms/subscriptions/flow'

import { domainOf } from './address'
import { SignatureRefused } from './errors'
import { readFormToken, type FormStamp } from './formToken'
import { parseSignature, type FormEvidence } from './input'
import { signatureLimits, take } from './limits'
import { checkProof } from './proofOfWork'
import { recordSignature } from './record'
import { flowSettings } from './settings'
import type { SignatureStatus } from './states'
import { hashToken, isWellFormedToken } from './tokens'
import { inTransaction } from './transaction'
import { countOne } from './volume'
import { countSignature, sourceFor } from './work'

const limits = () => signatureLimits(flowSettings().settings)

/** The form's stamp, if it is ours, old enough and not too old. */
function validStamp(payload: Payload, token: unknown, now: number): FormStamp {
  const { settings } = flowSettings()
  const stamp = readFormToken(payload.secret, token)
  if (!stamp) throw new SignatureRefused('form-invalid')
  const age = now - stamp.issuedAt
  if (age < settings.minSeconds * 1000) throw new SignatureRefused('too-fast')
  if (age > settings.formMaxAgeMinutes * 60_000 || age < -60_000) {
    throw new SignatureRefused('form-expired')
  }
  return stamp
}

/**
 * Signs the declaration: checks the fields, the trap, the form's stamp and proof of work, the
 * address's hard ceiling and how much work its volume asks for (MoreWorkNeeded), then records
 * a pending signature and queues its confirmation mail. Whatever happens with the address
 * (new, pending, signed already), the answer is the same.
 */
export async function signDeclaration(
  payload: Payload,
  raw: Record<string, unknown>,
  evidence: FormEvidence,
  client: string,
): Promise<{ accepted: true }> {
  const { settings, serverUrl } = flowSettings()
  // A filled trap is a bot: it is told what a person is told, and nothing is kept.
  if (typeof evidence.honeypot === 'string' && evidence.honeypot.trim() !== '') {
    return { accepted: true }
  }
  const parsed = parseSignature(raw)
  if (!parsed.ok) throw new SignatureRefused('fields', parsed.errors)
  const input = parsed.value
  const now = Date.now()
  const stamp = validStamp(payload, evidence.formToken, now)
  const secret = payload.secret
  const proof = await checkProof({ secret, nonce: stamp.nonce, field: evidence.proof })
  if (proof.outcome === 'invalid') throw new SignatureRefused('proof-invalid')

  await take(limits().signing, client)
  const domain = domainOf(input.emailKey)
  const canDoMoreWork = evidence.canDoMoreWork ?? false
  const source = await sourceFor({ secret, settings, stamp, proof, client, domain, canDoMoreWork })
  const recorded = await recordSignature(payload, input, {
    serverUrl,
    formMaxAgeMinutes: settings.formMaxAgeMinutes,
    stamp,
    source,
    resending: limits().resending,
    now,
  })
  if (!recorded) throw new SignatureRefused('form-used')
  await countSignature(client, domain)
  return { accepted: true }
}

export type ConfirmOutcome = 'approved' | 'awaiting-moderation' | 'invalid' | 'expired'

/** Where a confirmed signature goes: straight to the list, or to the editors first. */
async function statusOnConfirmation(
  payload: Payload,
  signature: { kind: string; source?: string | null },
): Promise<SignatureStatus> {
  if (signature.kind === 'organization' || signature.source === 'form-without-proof') {
    return 'awaiting-moderation'
  }
  const declaration = await payload.findGlobal({
    slug: 'declaration',
    depth: 0,
    overrideAccess: true,
  })
  return declaration.moderatePersonSignatures ? 'awaiting-moderation' : 'approved'
}

/**
 * As `statusOnConfirmation`, but past the address's confirmation threshold this hour a
 * signature waits for the editors instead of being refused (src/cms/signatures/volume.ts).
 */
async function confirmedStatus(
  payload: Payload,
  signature: { kind: string; source?: string | null },
  client: string,
): Promise<SignatureStatus> {
  const status = await statusOnConfirmation(payload, signature)
  const threshold = flowSettings().settings.confirmingModerationFromPerAddress
  const before = await countOne('confirming-address', client)
  return threshold > 0 && before >= threshold ? 'awaiting-moderation' : status
}

/** The signature a link's token belongs to (tokens are stored only as hashes), if any. */
async function signatureByToken(
  payload: Payload,
  field: 'confirmTokenHash' | 'withdrawTokenHash',
  token: unknown,
) {
  if (!isWellFormedToken(token)) return undefined
  const found = await payload.find({
    collection: 'signatories',
    where: { [field]: { equals: hashToken(token) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return found.docs[0]
}

/** Uses a confirmation link: once, within its validity. */
export async function confirmSignature(
  payload: Payload,
  token: unknown,
  client: string,
): Promise<ConfirmOutcome> {
  await take(limits().confirming, client)
  const signature = await signatureByToken(payload, 'confirmTokenHash', token)
  if (!signature || signature.status !== 'unconfirmed') return 'invalid'
  if (!signature.confirmExpiresAt || Date.parse(signature.confirmExpiresAt) < Date.now()) {
    return 'expired'
  }
  const status = await confirmedStatus(payload, signature, client)
  // Waiting for the editors is as invisible to the public as pending.
  await inTransaction(payload, status !== 'approved', async (req) => {
    await payload.update({
      collection: 'signatories',
      id: signature.id,
      data: {
        status,
        signedAt: new Date().toISOString(),
        confirmTokenHash: null,
        confirmExpiresAt: null,
      },
      req,
      overrideAccess: true,
      depth: 0,
    })
    // The confirmation proved the address: a signer who asked for updates now receives them.
    await subscribeSigner(req, signature)
  })
  return status === 'approved' ? 'approved' : 'awaiting-moderation'
}

export type WithdrawOutcome = 'withdrawn' | 'invalid'

/**
 * Uses a withdrawal link: deletes the signature for real, with every recorded mail to its
 * address (collections/Signatories/hooks/purgeSignerMail.ts), in one transaction.
 */
export async function withdrawSignature(
  payload: Payload,
  token: unknown,
  client: string,
): Promise<WithdrawOutcome> {
  await take(limits().withdrawing, client)
  const signature = await signatureByToken(payload, 'withdrawTokenHash', token)
  if (!signature) return 'invalid'
  await inTransaction(payload, signature.status !== 'approved', (req) =>
    payload.delete({
      collection: 'signatories',
      id: signature.id,
      req,
      overrideAccess: true,
      depth: 0,
    }),
  )
  return 'withdrawn'
}

export { signatureCount } from '@/operations/signatureCount'
