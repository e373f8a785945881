import { cookies, draftMode } from 'next/headers'

import type { Locale } from '@/core/locales'
import { createClient, GraphQLRequestError } from '@/graphql/client'
import { OperationError, runOperation } from '@/graphql/execute/inProcess'

/**
 * The portal reads content exactly as any other frontend does: through the committed GraphQL
 * operations and the typed client, with the same schema, limits and access rules. The operation
 * runs in this process (no network hop, no JSON between the page and GraphQL), carrying only what
 * the visitor carries: nothing for the public, the editor's or partner's own session token in
 * preview.
 */
const inProcess =
  (token?: string) =>
  async (query: string, variables: Record<string, unknown>): Promise<unknown> => {
    try {
      return await runOperation(query, variables, token)
    } catch (error) {
      if (!(error instanceof OperationError)) throw error
      throw new GraphQLRequestError(error.message, error.status, [...error.errors])
    }
  }

export type PortalApi = {
  client: ReturnType<typeof createClient>
  /** Draft mode is on and the visitor is signed in: detail queries ask for drafts. */
  preview: boolean
}

export async function portalApi(locale: Locale): Promise<PortalApi> {
  const draft = await draftMode()
  const token = draft.isEnabled ? (await cookies()).get('payload-token')?.value : undefined
  return {
    client: createClient({
      baseUrl: 'http://portal.internal',
      locale,
      execute: inProcess(token),
    }),
    preview: Boolean(token),
  }
}

/** Always the public's view, whatever the visitor carries: feeds and the sitemap. */
export function anonymousApi(locale: Locale): ReturnType<typeof createClient> {
  return createClient({ baseUrl: 'http://portal.internal', locale, execute: inProcess() })
}

/**
 * "Now" for upcoming/past event queries, rounded down to the start of the day (UTC): an event
 * stays "upcoming" on its own day, and the variables (and so any cache key) change once a day,
 * not on every request.
 */
export function today(): string {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString()
}

/**
 * A document in preview: the newest draft the visitor may read, else the published version (a
 * partner previewing another organization's project, whose newest version is a draft they may
 * not see, gets the public page rather than a 404). Outside preview: the published version.
 */
export async function draftOrPublished<T>(
  preview: boolean,
  load: (draft: boolean) => Promise<T | null>,
): Promise<T | null> {
  if (preview) {
    const draft = await load(true)
    if (draft) return draft
  }
  return load(false)
}
