import type { PrincipleLinkFragment } from '@/graphql/generated'

type Principle = PrincipleLinkFragment & { summary?: string | null }

/** The declaration's four principles as a numbered list of cards (home and declaration page). */
export function PrinciplesList({ principles }: { principles: Principle[] }) {
  return (
    <ol className="principles">
      {principles.map((principle) => (
        <li key={principle.slug} id={principle.slug ?? undefined}>
          <h3>{principle.title}</h3>
          {principle.summary ? <p>{principle.summary}</p> : null}
        </li>
      ))}
    </ol>
  )
}
