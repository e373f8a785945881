import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import { refuseFragmentCycles } from '@/graphql/fragmentCycles'
import { graphqlOverGet } from '@/graphql/getRequests'
import { graphqlHandler } from '@/graphql/handler'
import { answerRequestErrors } from '@/graphql/requestErrors'
import { withLimitStatus } from '@/graphql/limitStatus'
import { withSearchStatus } from '@/graphql/searchStatus'

// Payload's schema behind a handler of our own that validates each document once
// (src/graphql/handler.ts). A refused search answers 400 or 503 (src/graphql/searchStatus.ts).
const answer = withSearchStatus(refuseFragmentCycles(answerRequestErrors(graphqlHandler(config))))

export const POST = withLimitStatus(answer)
// Reads over GET (cacheable by browsers and CDNs), answered by the same handler.
export const GET = withLimitStatus(graphqlOverGet(answer))
export const OPTIONS = REST_OPTIONS(config)

// Never prerendered at build time: every answer comes from the database as it is now.
export const dynamic = 'force-dynamic'
