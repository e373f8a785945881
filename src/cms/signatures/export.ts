import { stringify } from 'csv-stringify/sync'
import type { PayloadHandler, PayloadRequest } from 'payload'

import { actorOf } from '@/cms/access/matrix'
import type { Organization, Signatory } from '@/payload-types'

import { normaliseSignerAddress } from './address'

/**
 * A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a CR first) is
 * prefixed with an apostrophe, which spreadsheets show as text (OWASP's advice for CSV
 * injection). Everything else is left as written.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

const refused = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })

const isStaff = (req: PayloadRequest) => {
  const actor = actorOf(req.user)
  return actor === 'editor' || actor === 'admin'
}

const organizationName = (s: Signatory): string =>
  (typeof s.organization === 'object' && s.organization
    ? (s.organization as Organization).name
    : null) ??
  s.organizationName ??
  ''

const PAGE = 500

/**
 * GET /api/signatories/export.csv: the approved signatures for staff, without addresses.
 * `?emails=1` adds a column with the addresses of those who consented to updates: admins only.
 */
export const exportSignaturesCsv: PayloadHandler = async (req) => {
  if (!isStaff(req))
    return refused(req.user ? 403 : 401, 'Only editors and admins export signatures.')
  const url = new URL(req.url ?? 'http://localhost/', 'http://localhost')
  const withEmails = url.searchParams.get('emails') === '1'
  if (withEmails && actorOf(req.user) !== 'admin') {
    return refused(403, 'Only admins export addresses.')
  }
  const header = [
    'name',
    'kind',
    'organization',
    'role',
    'sector',
    'country',
    'signed at',
    'shown by name',
    'verified',
    ...(withEmails ? ['e-mail (consented to updates)'] : []),
  ]
  const rows: string[][] = [header]
  for (let page = 1; ; page++) {
    const batch = await req.payload.find({
      collection: 'signatories',
      where: { status: { equals: 'approved' } },
      sort: 'displayName',
      limit: PAGE,
      page,
      depth: 1,
      overrideAccess: true,
    })
    for (const s of batch.docs) {
      rows.push(
        [
          s.displayName,
          s.kind,
          organizationName(s),
          s.roleTitle ?? '',
          s.sector ?? '',
          s.country ?? '',
          s.signedAt ?? '',
          s.consentToDisplay ? 'yes' : 'no',
          s.verified ? 'yes' : 'no',
          ...(withEmails ? [s.consentToUpdates ? (s.email ?? '') : ''] : []),
        ].map(neutraliseCell),
      )
    }
    if (!batch.hasNextPage) break
  }
  // A byte-order mark, so spreadsheets read the UTF-8 names as UTF-8.
  const body = `\ufeff${stringify(rows, { record_delimiter: 'windows' })}`
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="signatures-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}

/**
 * GET /api/signatories/:id/personal-data: everything the portal holds about one signer, for a
 * request under the GDPR (staff only), as a JSON download. The token hashes are secrets, not
 * data about the person, and stay out.
 */
export const exportPersonalData: PayloadHandler = async (req) => {
  if (!isStaff(req)) return refused(req.user ? 403 : 401, 'Only editors and admins export data.')
  const id = String(req.routeParams?.id ?? '')
  const signature = await req.payload.findByID({
    collection: 'signatories',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!signature) return refused(404, 'There is no such signature.')
  const mail = signature.email
    ? await req.payload.find({
        collection: 'mail-queue',
        where: { to: { equals: normaliseSignerAddress(signature.email) ?? signature.email } },
        depth: 0,
        limit: 100,
        overrideAccess: true,
        select: { subject: true, status: true, createdAt: true, sentAt: true },
      })
    : { docs: [] }
  const body = JSON.stringify({ signature, mail: mail.docs }, null, 2)
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="signature-${id}.json"`,
      'Cache-Control': 'no-store',
    },
  })
}
