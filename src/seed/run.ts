/** `npm run seed`: writes the initiative's content where it is missing; changes nothing else. */
import { getPayload } from 'payload'

import { migrateDatabase } from '../bootstrap'
import config from '../payload.config'
import { seed } from './seed'

const payload = await getPayload({ config })
await migrateDatabase(payload)
const report = await seed(payload, { log: (line) => console.log(line) })
const created = Object.values(report.created).reduce((sum, n) => sum + n, 0)
console.log(created === 0 ? 'Nothing to do: all seed content exists.' : `Seeded ${created} items.`)
await payload.destroy()
process.exit(0)
