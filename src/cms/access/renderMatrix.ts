import { accessMatrix, actors, operations, type Entity, type Grant } from './matrix'

const symbol = (grant: Grant): string =>
  grant === true ? 'yes' : grant === 'own' ? 'own' : grant === null ? '–' : 'no'

/** docs/access.md: the access matrix as Markdown tables, one per entity. */
export function renderAccessMarkdown(): string {
  const lines = [
    '# Who may do what',
    '',
    '<!-- Generated from src/cms/access/matrix.ts by `npm run generate`; a test fails when it drifts. -->',
    '',
    'Roles: the public (no login), partners (one organization each), editors and admins.',
    '"own" means documents of the partner’s own organization (for users: the own account);',
    '"–" means the operation does not exist for that entity. Publishing a signatory means approving',
    'it; "changeOwner" is moving a document to another organization (for users: setting role or',
    'organization). "trash" is moving a document into the trash, seeing what is there and restoring it;',
    'where an entity has a trash, "delete" removes a document for good and only one already in the trash',
    '(emptying it). Nobody without "trash" gets a trashed document, whatever `trash` argument it sends.',
    'Every cell is checked through REST, GraphQL and the local API by `test/int/accessMatrix.test.ts`.',
    '',
  ]
  for (const [slug, entity] of Object.entries(accessMatrix) as [string, Entity][]) {
    const traits = [entity.kind, entity.drafts && 'drafts', entity.trash && 'trash'].filter(Boolean)
    lines.push(`## ${slug} (${traits.join(', ')})`, '')
    lines.push(`| role | ${operations.join(' | ')} |`)
    lines.push(`| --- | ${operations.map(() => '---').join(' | ')} |`)
    for (const actor of actors) {
      lines.push(
        `| ${actor} | ${operations.map((op) => symbol(entity.rules[actor][op])).join(' | ')} |`,
      )
    }
    if (entity.staffFields?.length) {
      lines.push(
        '',
        `Fields only staff read: ${entity.staffFields.map((f) => `\`${f}\``).join(', ')}.`,
      )
    }
    if (entity.hiddenFields?.length) {
      lines.push(
        `Fields in no answer to anyone: ${entity.hiddenFields.map((f) => `\`${f}\``).join(', ')}.`,
      )
    }
    lines.push('')
  }
  lines.push(
    'Payload’s `payload-preferences` belong to their user alone (Payload’s own rule);',
    '`payload-migrations` has no REST or GraphQL endpoints, so its staff access is the local API’s. Internal',
    'fields are not public whatever the role reads: the review trail of projects and people (staff and',
    'the owning partner), a signatory’s address and moderation fields (staff, listed above). `review-history` is written by the server',
    'alone, when a review state changes.',
    '',
  )
  return lines.join('\n')
}
