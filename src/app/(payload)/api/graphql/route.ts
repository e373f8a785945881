import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withLimitStatus } from '@/graphql/limitStatus'

export const POST = withLimitStatus(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
