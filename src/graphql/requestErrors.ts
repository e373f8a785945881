type Handler = (request: Request) => Promise<Response>

/**
 * Payload's GraphQL handler reads the body before it hands over to graphql-http, and a body it
 * cannot read (not JSON) throws its 400 ("Invalid JSON") out of the route, which Next turns into
 * a 500 (found by the fuzz suite). Such an error is answered as what it is: its own status, in
 * GraphQL's error shape. Anything without a client-error status is left to fail as before.
 */
export function answerRequestErrors(handler: Handler): Handler {
  return async (request) => {
    try {
      return await handler(request)
    } catch (error) {
      const status = (error as { status?: unknown }).status
      if (typeof status !== 'number' || status < 400 || status >= 500) throw error
      return Response.json(
        {
          errors: [
            { message: (error as Error).message, extensions: { code: 'BAD_REQUEST', status } },
          ],
        },
        { status },
      )
    }
  }
}
