import type { TFunction } from '@payloadcms/translations'

import type { PortalKey } from './translations'

/** Anything that carries Payload's translate function: a request, `i18n`, a component's props. */
type Translator = { t: TFunction } | { t: TFunction<never> }

/**
 * One of the portal's own strings in the language of the request (the admin user's language,
 * else the `Accept-Language` header, else German). Payload types `t` for its own keys only.
 */
export function translate(
  source: Translator,
  key: PortalKey,
  values?: Record<string, unknown>,
): string {
  return (source.t as unknown as TFunction<PortalKey>)(key, values)
}
