import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  ValidationError,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { PUBLIC_READS_UNCHANGED } from '@/data/changes/invalidation'
import { queueMail } from '@/operations/mail/queue'
import { signatureAlreadyMail, signatureConfirmationMail } from '@/operations/mail/texts/signature'

import { domainOf } from './address'
import { SignatureRefused } from './errors'
import { readFormToken } from './formToken'
import { parseSignature, type FormEvidence } from './input'
import { granted, signatureLimits, take } from './limits'
import { confirmLink, withdrawLink } from './links'
import { checkProof } from './proofOfWork'
import { flowSettings } from './settings'
import type { SignatureStatus } from './states'
import { CONFIRMATION_VALID_DAYS, hashToken, isWellFormedToken, newToken } from './tokens'

const DAY = 24 * 60 * 60 * 1000

/**
 * Runs `work` in a transaction of its own request: a signature, its used form and its mail
 * commit together or not at all. `unseen` marks writes the public cannot see (a pending
 * signature), which leave the read cache alone (src/data/changes/invalidation.ts).
 */
async function inTransaction<T>(
  payload: Payload,
  unseen: boolean,
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> {
  const req = await createLocalReq({ context: { [PUBLIC_READS_UNCHANGED]: unseen } }, payload)
  const started = await initTransaction(req)
  try {
    const result = await work(req)
    if (started) await commitTransaction(req)
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    throw error
  }
}

const limits = () => signatureLimits(flowSettings().settings)

/**
 * Signs the declaration: checks the fields, the trap, the form's stamp and proof of work and
 * the rate limits, then records a pending signature and queues its confirmation mail. Whatever
 * happens with the address (new, pending, signed already), the answer is the same.
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

  const stamp = readFormToken(payload.secret, evidence.formToken)
  if (!stamp) throw new SignatureRefused('form-invalid')
  const now = Date.now()
  const age = now - stamp.issuedAt
  if (age < settings.minSeconds * 1000) throw new SignatureRefused('too-fast')
  if (age > settings.formMaxAgeMinutes * 60_000 || age < -60_000) {
    throw new SignatureRefused('form-expired')
  }
  const proof = await checkProof({
    secret: payload.secret,
    nonce: stamp.nonce,
    field: evidence.proof,
  })
  if (proof === 'invalid') throw new SignatureRefused('proof-invalid')

  await take(limits().signing, client)
  await take(limits().signingPerDomain, domainOf(input.emailKey))

  const confirmToken = newToken()
  const withdrawToken = newToken()
  const links = {
    name: input.name,
    confirm: confirmLink(serverUrl, input.locale, confirmToken),
    withdraw: withdrawLink(serverUrl, input.locale, withdrawToken),
    days: CONFIRMATION_VALID_DAYS,
  }
  const details = {
    displayName: input.name,
    kind: input.kind,
    organizationName: input.organization,
    roleTitle: input.roleTitle,
    sector: input.sector,
    country: input.country,
    consentToDisplay: input.named,
    // Stored as compared and as mail is sent: the domain in its ASCII (IDNA) form.
    email: input.emailKey,
    consentToUpdates: input.consentToUpdates,
    locale: input.locale,
    source: proof === 'verified' ? ('form' as const) : ('form-without-proof' as const),
    confirmTokenHash: hashToken(confirmToken),
    confirmExpiresAt: new Date(now + CONFIRMATION_VALID_DAYS * DAY).toISOString(),
    withdrawTokenHash: hashToken(withdrawToken),
  }

  await inTransaction(payload, true, async (req) => {
    try {
      await payload.create({
        collection: 'signature-forms',
        data: {
          nonce: stamp.nonce,
          expiresAt: new Date(stamp.issuedAt + settings.formMaxAgeMinutes * 60_000).toISOString(),
        },
        req,
        overrideAccess: true,
        depth: 0,
      })
    } catch (error) {
      if (error instanceof ValidationError) throw new SignatureRefused('form-used')
      throw error
    }
    const existing = await payload.find({
      collection: 'signatories',
      where: { emailKey: { equals: input.emailKey } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const earlier = existing.docs[0]
    if (!earlier) {
      await payload.create({
        collection: 'signatories',
        data: { ...details, status: 'unconfirmed' },
        req,
        overrideAccess: true,
        depth: 0,
      })
      await queueMail(req, {
        ...signatureConfirmationMail(input.locale, links),
        to: input.emailKey,
        kind: 'signature-confirmation',
        language: input.locale,
      })
      return
    }
    // The same address again: the screen says what it says for a new signature. Only the
    // address's owner hears more, and not more often than the resend limit allows.
    if (!(await granted(limits().resending, input.emailKey))) return
    if (earlier.status === 'unconfirmed') {
      // Still pending: the new details replace the old ones, with a new link (the old one ends).
      await payload.update({
        collection: 'signatories',
        id: earlier.id,
        data: { ...details, status: 'unconfirmed' },
        req,
        overrideAccess: true,
        depth: 0,
      })
      await queueMail(req, {
        ...signatureConfirmationMail(input.locale, links),
        to: input.emailKey,
        kind: 'signature-confirmation',
        language: input.locale,
      })
      return
    }
    // Signed already: nothing of the signature changes but its withdrawal link.
    await payload.update({
      collection: 'signatories',
      id: earlier.id,
      data: { withdrawTokenHash: details.withdrawTokenHash },
      req,
      overrideAccess: true,
      depth: 0,
    })
    const language = (earlier.locale ?? input.locale) as typeof input.locale
    await queueMail(req, {
      ...signatureAlreadyMail(language, {
        name: earlier.displayName,
        withdraw: withdrawLink(serverUrl, language, withdrawToken),
      }),
      to: input.emailKey,
      kind: 'signature-already-signed',
      language,
    })
  })
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
  const status = await statusOnConfirmation(payload, signature)
  // Waiting for the editors is as invisible to the public as pending.
  await inTransaction(payload, status !== 'approved', (req) =>
    payload.update({
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
    }),
  )
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

/** The public count: confirmed, approved signatures, counted-only ones included. */
export async function signatureCount(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'signatories',
    where: { status: { equals: 'approved' } },
    overrideAccess: true,
  })
  return totalDocs
}
