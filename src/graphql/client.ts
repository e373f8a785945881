import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { print } from 'graphql'

import type { Locale } from '@/core/locales'

/** Each typed document printed once: the same few are sent on every page view. */
const printed = new WeakMap<object, string>()
function queryText(document: TypedDocumentNode<unknown, never>): string {
  let text = printed.get(document)
  if (text === undefined) {
    text = print(document)
    printed.set(document, text)
  }
  return text
}

export type GraphQLErrorEntry = { message: string; extensions?: Record<string, unknown> }

/** A request the server refused or could not answer; the message is the server's own. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GraphQLErrorEntry[],
  ) {
    super(message)
    this.name = 'GraphQLRequestError'
  }
}

export type ClientOptions = {
  /** The portal's base URL, e.g. https://portal.example (no trailing /api). */
  baseUrl: string
  locale?: Locale
  fallbackLocale?: Locale | 'none'
  /** A logged-in editor's or partner's token: drafts they may see become visible (preview). */
  previewToken?: string
  /** Another fetch (tests, server runtimes); the global one by default. */
  fetch?: typeof fetch
  /**
   * Answers an operation in this process instead of over HTTP (the portal's own pages): the
   * result comes back as an object, neither serialised nor parsed.
   */
  execute?: (query: string, variables: Record<string, unknown>) => Promise<unknown>
}

/**
 * A small typed client for the portal's GraphQL API. Pass the typed documents from
 * `src/graphql/generated.ts`; the locale options fill the operations' `$locale` and
 * `$fallbackLocale` unless the variables set them.
 */
export function createClient(options: ClientOptions) {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/api/graphql`
  const send = options.fetch ?? fetch
  return {
    async request<TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables>,
      ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
    ): Promise<TData> {
      const query = queryText(document as TypedDocumentNode<unknown, never>)
      const allVariables = {
        ...(options.locale ? { locale: options.locale } : {}),
        ...(options.fallbackLocale ? { fallbackLocale: options.fallbackLocale } : {}),
        ...variables,
      }
      if (options.execute) return (await options.execute(query, allVariables)) as TData
      const response = await send(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(options.previewToken ? { Authorization: `JWT ${options.previewToken}` } : {}),
        },
        body: JSON.stringify({ query, variables: allVariables }),
      })
      const body = (await response.json().catch(() => null)) as {
        data?: TData
        errors?: GraphQLErrorEntry[]
      } | null
      if (!response.ok || !body || body.errors?.length || !body.data) {
        const errors = body?.errors ?? []
        throw new GraphQLRequestError(
          errors[0]?.message ?? `HTTP ${response.status}`,
          response.status,
          errors,
        )
      }
      return body.data
    },
  }
}
