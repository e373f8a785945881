import { accessMatrix, actors, operations, type Entity, type Grant } from './matrix'

const symbol = (grant: Grant): string =>
  grant === true ? 'yes' : grant === 'own' ? 'own' : grant === null ? '–' : 'no'

/** docs/access.md: the access matrix as Markdown tables, one per entity. */
export function renderAccessMarkdown(): string {
  const lines = [
    '# Who may do what',
    '',
    '<!-- Generated from src/access/matrix.ts by `npm run generate`; a test fails when it drifts. -->',
    '',
    'Roles: the public (no login), partners (one organization each), editors and admins.',
    '"own" means documents of the partner’s own organization (for users: the own account);',
    '"–" means the operation does not exist for that entity. Publishing a signatory means approving',
    'it; "changeOwner" is moving a document to another organization (for users: setting role or',
    'organization). Every cell is checked through REST, GraphQL and the local API by',
    '`test/int/accessMatrix.test.ts`.',
    '',
  ]
  for (const [slug, entity] of Object.entries(accessMatrix) as [string, Entity][]) {
    lines.push(`## ${slug} (${entity.kind}${entity.drafts ? ', drafts' : ''})`, '')
    lines.push(`| role | ${operations.join(' | ')} |`)
    lines.push(`| --- | ${operations.map(() => '---').join(' | ')} |`)
    for (const actor of actors) {
      lines.push(
        `| ${actor} | ${operations.map((op) => symbol(entity.rules[actor][op])).join(' | ')} |`,
      )
    }
    lines.push('')
  }
  lines.push(
    'Payload’s `payload-preferences` belong to their user alone (Payload’s own rule);',
    '`payload-migrations` has no REST or GraphQL endpoints, so its staff access is the local API’s. Internal',
    'fields are not public whatever the role reads: a project’s review trail (staff and the owning',
    'partner), a signatory’s approval flag (staff).',
    '',
  )
  return lines.join('\n')
}
