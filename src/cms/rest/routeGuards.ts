import type { SanitizedConfig } from 'payload'

type RouteHandler = (
  request: Request,
  context: { params: Promise<{ slug: string[] }> },
) => Promise<Response>

const refusal = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status })

/** Query parameters Payload reads as one value each; a list or an object there breaks it. */
const SINGLE_VALUED = [
  'limit',
  'page',
  'depth',
  'pagination',
  'draft',
  'locale',
  'fallback-locale',
  'trash',
  'autosave',
]

/**
 * A single-valued parameter sent twice (`?limit=0&limit=0`) or as a structure (`?limit[a]=1`):
 * Payload's query parser makes a list or an object of it, which its operations do not expect
 * (`?limit=0&limit=0` answered 500, found by the fuzz suite). Null when the query is fine.
 */
export function malformedQuery(search: URLSearchParams): string | null {
  for (const name of SINGLE_VALUED) {
    const structured = [...search.keys()].some((key) => key.startsWith(`${name}[`))
    if (structured || search.getAll(name).length > 1) {
      return `The query parameter "${name}" takes one value, given once.`
    }
  }
  return null
}

/**
 * Paths Payload serves for every collection although this portal's config gives them nothing to
 * do, and where Payload then fails with a 500 (a query on a table or column that does not exist):
 * the versions of a collection without versions, and e-mail verification of an auth collection
 * without it (accounts are made by admins). Null when Payload should answer.
 */
export function pathWithoutEndpoint(config: SanitizedConfig, slug: string[]): string | null {
  const [collectionSlug, action] = slug
  const collection = config.collections.find((c) => c.slug === collectionSlug)
  if (!collection) return null
  if (action === 'versions' && !collection.versions) {
    return `${collection.slug} has no versions.`
  }
  if (action === 'verify' && collection.auth && !collection.auth.verify) {
    return 'E-mail addresses are not verified by link on this portal.'
  }
  return null
}

/**
 * Payload's REST handlers with what the portal adds around them: a 404 for paths that have no
 * endpoint here, a 400 for a malformed single-valued parameter (see above), and Payload's 501 for a path it does not know at all
 * (`/api/payload-migrations`, a misspelt collection) turned into the 404 it is to a client.
 */
export function guardRestRoute(
  config: Promise<SanitizedConfig>,
  handler: RouteHandler,
): RouteHandler {
  return async (request, context) => {
    const missing = pathWithoutEndpoint(await config, (await context.params).slug)
    if (missing) return refusal(404, missing)
    const malformed = malformedQuery(new URL(request.url).searchParams)
    if (malformed) return refusal(400, malformed)
    const response = await handler(request, context)
    if (response.status !== 501) return response
    return new Response(response.body, { status: 404, headers: response.headers })
  }
}
