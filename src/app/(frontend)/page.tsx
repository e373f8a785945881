import Link from 'next/link'

/**
 * The entry page until the public portal (its own issue) lands: it says what this server offers
 * and reads no content, so the production build needs no database.
 */
export default function Home() {
  return (
    <main className="entry">
      <h1>New Wave of European AI</h1>
      <p lang="de">
        Das Portal der Initiative. Inhalte werden im Admin-Bereich gepflegt und über GraphQL
        ausgeliefert.
      </p>
      <p lang="en">
        The initiative&apos;s portal. Content is maintained in the admin panel and served over
        GraphQL.
      </p>
      <ul>
        <li>
          <Link href="/admin">Admin</Link>
        </li>
        <li>
          <Link href="/api/graphql-playground">GraphQL playground</Link> (development) ·{' '}
          <code>POST /api/graphql</code>
        </li>
      </ul>
    </main>
  )
}
