/** Prints the GraphQL schema the config makes with the adapter that DATABASE_URI selects. */
import config from '@payload-config'

import { printGraphQLSchema } from '@/process/generatedArtefacts'

// Exit only once the pipe has taken everything: a write to a pipe is asynchronous.
process.stdout.write(printGraphQLSchema(await config), () => process.exit(0))
