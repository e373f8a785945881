import type { AfterErrorHook } from 'payload'

/**
 * Messages of failures that a request's own body causes while Payload reads it: the multipart
 * parser's (busboy) and Payload's wrapper around it. Payload reports them as 500s (an APIError
 * without a status), so any client could make the portal answer "Something went wrong".
 */
const MALFORMED_BODY = [
  'Unexpected end of form',
  'Unexpected end of file',
  'Malformed part header',
  'Malformed urlencoded form',
  'Multipart: Boundary not found',
  'Request is not eligible for file upload',
]

/**
 * Turns errors caused by a malformed request body into a 400 that says so, instead of the 500
 * Payload would send: a truncated or broken multipart body, or a `_payload` field that is not
 * JSON (Payload parses it without a guard). Everything else keeps Payload's own answer.
 */
export const clientInputErrors: AfterErrorHook = ({ error }) => {
  const message = error instanceof Error ? error.message : ''
  const malformedMultipart = MALFORMED_BODY.some((known) => message.includes(known))
  const malformedData = error instanceof SyntaxError
  if (!malformedMultipart && !malformedData) return
  return {
    status: 400,
    response: {
      errors: [
        {
          message: malformedMultipart
            ? `The request body is not valid multipart/form-data (${message}).`
            : 'The request body holds data that is not valid JSON.',
        },
      ],
    },
  }
}
