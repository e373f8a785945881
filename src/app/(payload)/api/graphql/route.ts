import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import { graphqlRoute } from '@/graphql/http/route'

// Logged-in users' calls (the express endpoint answers the public's), over POST and GET, read and
// answered by the same functions (src/graphql/).
export const { POST, GET } = graphqlRoute(config)
export const OPTIONS = REST_OPTIONS(config)

// Never prerendered at build time: every answer comes from the database as it is now.
export const dynamic = 'force-dynamic'
