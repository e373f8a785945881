import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core'
import { buildSchema } from 'graphql'

export type Finding = {
  level: 'breaking' | 'dangerous' | 'safe'
  message: string
  /** The schema coordinate, such as `NewsItem.title`. */
  path?: string
}

const levelOf = (change: Change): Finding['level'] =>
  change.criticality.level === CriticalityLevel.Breaking
    ? 'breaking'
    : change.criticality.level === CriticalityLevel.Dangerous
      ? 'dangerous'
      : 'safe'

/** What changed between two schemas (SDL), classified the way graphql-inspector does. */
export async function compareSchemas(before: string, after: string): Promise<Finding[]> {
  const changes = await diff(buildSchema(before), buildSchema(after))
  return changes.map((change) => ({
    level: levelOf(change),
    message: change.message,
    path: change.path,
  }))
}

/**
 * Breaking changes are allowed only when `docs/graphql-changelog.md` records them: its text names
 * the change's schema coordinate in backticks, e.g. "`NewsItem.teaser` removed, use `excerpt`".
 */
export function unrecordedBreaking(findings: Finding[], changelog: string): Finding[] {
  return findings.filter(
    (finding) =>
      finding.level === 'breaking' && !(finding.path && changelog.includes(`\`${finding.path}\``)),
  )
}
