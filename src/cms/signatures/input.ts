import { locales, type Locale } from '@/core/locales'

import { normaliseSignerAddress } from './address'
import { normaliseText, plainTextProblem, textLimits } from './plainText'
import { sectors, signatureKinds, type Sector, type SignatureKind } from './states'

/** A signature as the form or the mutation sends it, checked and normalised. */
export type SignatureInput = {
  name: string
  email: string
  /** The comparison form of `email` (src/cms/signatures/address.ts). */
  emailKey: string
  kind: SignatureKind
  organization: string | null
  roleTitle: string | null
  sector: Sector | null
  country: string | null
  /** Shown by name, or counted only. */
  named: boolean
  consentToUpdates: boolean
  locale: Locale
}

/** What the flow needs beyond the signature: the form's stamp, its proof of work, the trap. */
export type FormEvidence = {
  formToken: unknown
  proof: unknown
  honeypot: unknown
  /**
   * The client can solve a harder challenge and send again (the page's script, a GraphQL
   * client). A plain form post cannot: past a threshold it goes to moderation instead.
   */
  canDoMoreWork?: boolean
}

export type FieldName =
  'name' | 'email' | 'kind' | 'organization' | 'roleTitle' | 'sector' | 'country' | 'display'
export type FieldProblem = 'required' | 'invalid' | 'link' | 'markup' | 'control' | 'too long'
export type FieldError = { field: FieldName; problem: FieldProblem }

const text = (value: unknown): string => (typeof value === 'string' ? normaliseText(value) : '')

const yes = (value: unknown): boolean =>
  value === true || value === 'true' || value === 'on' || value === '1' || value === 'yes'

/** The fields chosen from a fixed list (kind, sector, country), each null when not one of it. */
function choices(raw: Record<string, unknown>, errors: FieldError[]) {
  const kind = (signatureKinds as readonly unknown[]).includes(raw.kind)
    ? (raw.kind as SignatureKind)
    : null
  if (!kind) errors.push({ field: 'kind', problem: raw.kind ? 'invalid' : 'required' })

  const sectorText = text(raw.sector)
  const sector = (sectors as readonly string[]).includes(sectorText) ? (sectorText as Sector) : null
  if (sectorText && !sector) errors.push({ field: 'sector', problem: 'invalid' })

  const countryText = text(raw.country).toUpperCase()
  const country = /^[A-Z]{2}$/.test(countryText) ? countryText : null
  if (countryText && !country) errors.push({ field: 'country', problem: 'invalid' })
  return { kind, sector, country }
}

/**
 * Checks a signature's fields and says what is wrong with each, all at once. Unknown fields are
 * ignored; nothing here reads more than the longest accepted value of any field.
 */
export function parseSignature(
  raw: Record<string, unknown>,
): { ok: true; value: SignatureInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const textField = (field: FieldName, max: number, required: boolean): string | null => {
    const value = text(raw[field])
    if (!value) {
      if (required) errors.push({ field, problem: 'required' })
      return null
    }
    const problem = plainTextProblem(value, max)
    if (problem) errors.push({ field, problem })
    return value
  }
  const name = textField('name', textLimits.name, true)
  const organization = textField('organization', textLimits.organization, false)
  const roleTitle = textField('roleTitle', textLimits.roleTitle, false)

  const email = typeof raw.email === 'string' ? raw.email.trim() : ''
  const emailKey = email ? normaliseSignerAddress(email) : null
  if (!email) errors.push({ field: 'email', problem: 'required' })
  else if (!emailKey) errors.push({ field: 'email', problem: 'invalid' })

  const { kind, sector, country } = choices(raw, errors)
  const display = text(raw.display)
  if (display !== 'named' && display !== 'counted') {
    errors.push({ field: 'display', problem: display ? 'invalid' : 'required' })
  }

  const localeText = text(raw.locale)
  const locale = (locales.find(({ code }) => code === localeText)?.code ?? 'de') as Locale

  if (errors.length > 0 || !name || !emailKey || !kind) return { ok: false, errors }
  return {
    ok: true,
    value: {
      name,
      email,
      emailKey,
      kind,
      organization,
      roleTitle,
      sector,
      country,
      named: display === 'named',
      consentToUpdates: yes(raw.consentToUpdates),
      locale,
    },
  }
}
