/**
 * A signature's life. Staff-entered signatories (no e-mail) are `approved` from the start; a
 * signature made on the form is `unconfirmed` until its confirmation link is used, then
 * `approved`, or `awaiting-moderation` where editors must decide first (organizations, persons
 * while the declaration's moderation setting is on, and forms sent without the proof of work).
 */
export const signatureStatuses = [
  'unconfirmed',
  'awaiting-moderation',
  'approved',
  'rejected',
] as const
export type SignatureStatus = (typeof signatureStatuses)[number]

export const signatureStatusLabels: Record<SignatureStatus, { de: string; en: string }> = {
  unconfirmed: { de: 'unbestätigt', en: 'unconfirmed' },
  'awaiting-moderation': { de: 'wartet auf Prüfung', en: 'awaiting moderation' },
  approved: { de: 'freigegeben', en: 'approved' },
  rejected: { de: 'abgelehnt', en: 'rejected' },
}

export const signatureKinds = ['person', 'organization'] as const
export type SignatureKind = (typeof signatureKinds)[number]

export const sectors = ['research', 'industry', 'public', 'civil-society'] as const
export type Sector = (typeof sectors)[number]

export const sectorLabels: Record<Sector, { de: string; en: string }> = {
  research: { de: 'Forschung', en: 'Research' },
  industry: { de: 'Industrie', en: 'Industry' },
  public: { de: 'Öffentliche Hand', en: 'Public sector' },
  'civil-society': { de: 'Zivilgesellschaft', en: 'Civil society' },
}

/** Where a signature came from: staff, the form with the proof of work, or without it (no JS). */
export const signatureSources = ['staff', 'form', 'form-without-proof'] as const
export type SignatureSource = (typeof signatureSources)[number]
