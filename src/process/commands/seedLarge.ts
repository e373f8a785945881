/**
 * `npm run seed:large`: the large data set (10,000 news, 1,000 projects, 2,000 people, 300
 * organizations, German and English, published and linked) in the database DATABASE_URI names,
 * on top of the initiative's seed content. A second run writes only what is missing.
 */
import { getPayload } from 'payload'

import { migrateDatabase } from '../bootstrap'
import config from '../../payload.config'
import { seed } from '../../data/seed/seed'
import { seedLarge } from '../../data/seed/large/write'

const started = Date.now()
const payload = await getPayload({ config })
await migrateDatabase(payload)
// The large set links to the seeded principles: write the seed content first where missing.
await seed(payload, { log: () => undefined })
const written = await seedLarge(payload, (line) => console.log(line))
const total = Object.values(written).reduce((sum, n) => sum + n, 0)
const seconds = ((Date.now() - started) / 1000).toFixed(0)
console.log(
  total === 0
    ? 'seed:large: nothing to do, the large data set is complete.'
    : `seed:large: wrote ${total} documents (${JSON.stringify(written)}) in ${seconds} s.`,
)
await payload.destroy()
process.exit(0)
