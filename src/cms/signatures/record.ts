import { ValidationError, type Payload, type PayloadRequest } from 'payload'

import { queueMail } from '@/operations/mail/queue'
import { signatureAlreadyMail, signatureConfirmationMail } from '@/operations/mail/texts/signature'

import type { FormStamp } from './formToken'
import type { SignatureInput } from './input'
import { granted } from './limits'
import { confirmLink, withdrawLink } from './links'
import { CONFIRMATION_VALID_DAYS, hashToken, newToken } from './tokens'
import { inTransaction } from './transaction'
import type { Limit } from '@/operations/rateLimiterStore'

const DAY = 24 * 60 * 60 * 1000

/** What recording a signature needs beyond its fields. */
export type RecordContext = {
  serverUrl: string
  formMaxAgeMinutes: number
  stamp: FormStamp
  /** `form-without-proof` goes to moderation on confirmation. */
  source: 'form' | 'form-without-proof'
  resending: Limit | null
  now: number
}

type Links = ReturnType<typeof linksFor>

function linksFor(input: SignatureInput, serverUrl: string) {
  const confirmToken = newToken()
  const withdrawToken = newToken()
  return {
    confirmToken,
    withdrawToken,
    mail: {
      name: input.name,
      confirm: confirmLink(serverUrl, input.locale, confirmToken),
      withdraw: withdrawLink(serverUrl, input.locale, withdrawToken),
      days: CONFIRMATION_VALID_DAYS,
    },
  }
}

function detailsOf(input: SignatureInput, links: Links, context: RecordContext) {
  return {
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
    source: context.source,
    confirmTokenHash: hashToken(links.confirmToken),
    confirmExpiresAt: new Date(context.now + CONFIRMATION_VALID_DAYS * DAY).toISOString(),
    withdrawTokenHash: hashToken(links.withdrawToken),
  }
}

/** Marks the form's nonce used; a second use is `form-used`. */
async function spendForm(payload: Payload, req: PayloadRequest, context: RecordContext) {
  try {
    await payload.create({
      collection: 'signature-forms',
      data: {
        nonce: context.stamp.nonce,
        expiresAt: new Date(
          context.stamp.issuedAt + context.formMaxAgeMinutes * 60_000,
        ).toISOString(),
      },
      req,
      overrideAccess: true,
      depth: 0,
    })
  } catch (error) {
    if (error instanceof ValidationError) return false
    throw error
  }
  return true
}

const common = { overrideAccess: true, depth: 0 } as const

/**
 * Records a pending signature and queues its mail, with its used form, in one transaction.
 * Whatever happens with the address (new, pending, signed already), the caller says the same.
 * Resolves false when the form was used already (nothing is stored then).
 */
export async function recordSignature(
  payload: Payload,
  input: SignatureInput,
  context: RecordContext,
): Promise<boolean> {
  const links = linksFor(input, context.serverUrl)
  const details = detailsOf(input, links, context)
  const confirmationMail = {
    ...signatureConfirmationMail(input.locale, links.mail),
    to: input.emailKey,
    kind: 'signature-confirmation' as const,
    language: input.locale,
  }
  return inTransaction(payload, true, async (req) => {
    if (!(await spendForm(payload, req, context))) return false
    const existing = await payload.find({
      collection: 'signatories',
      where: { emailKey: { equals: input.emailKey } },
      limit: 1,
      req,
      ...common,
    })
    const earlier = existing.docs[0]
    if (!earlier) {
      const data = { ...details, status: 'unconfirmed' as const }
      await payload.create({ collection: 'signatories', data, req, ...common })
      await queueMail(req, confirmationMail)
      return true
    }
    // The same address again: the screen says what it says for a new signature. Only the
    // address's owner hears more, and not more often than the resend limit allows.
    if (!(await granted(context.resending, input.emailKey))) return true
    if (earlier.status === 'unconfirmed') {
      // Still pending: the new details replace the old ones, with a new link (the old one ends).
      const data = { ...details, status: 'unconfirmed' as const }
      await payload.update({ collection: 'signatories', id: earlier.id, data, req, ...common })
      await queueMail(req, confirmationMail)
      return true
    }
    // Signed already: nothing of the signature changes but its withdrawal link.
    const data = { withdrawTokenHash: details.withdrawTokenHash }
    await payload.update({ collection: 'signatories', id: earlier.id, data, req, ...common })
    const language = (earlier.locale ?? input.locale) as typeof input.locale
    await queueMail(req, {
      ...signatureAlreadyMail(language, {
        name: earlier.displayName,
        withdraw: withdrawLink(context.serverUrl, language, links.withdrawToken),
      }),
      to: input.emailKey,
      kind: 'signature-already-signed',
      language,
    })
    return true
  })
}
