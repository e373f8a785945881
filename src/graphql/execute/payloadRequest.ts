import {
  addLocalesToRequestFromData,
  createPayloadRequest,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'

/**
 * Payload's request object for one GraphQL call, as Payload's route makes it (user, locale,
 * i18n, transaction slot), from the URL and headers alone: the body was read once at the edge and
 * comes as `data`, so nothing reads or parses it again.
 */
export async function payloadRequestFor(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  url: string,
  headers: Headers,
  data: unknown,
): Promise<PayloadRequest> {
  const request = new Request(url, { method: 'POST', headers })
  const req = await createPayloadRequest({ canSetHeaders: true, config, request })
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    req.data = data as Record<string, unknown>
  }
  addLocalesToRequestFromData(req)
  return req
}
