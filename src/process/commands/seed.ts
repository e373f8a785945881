/** `npm run seed`: writes the initiative's content where it is missing; changes nothing else. */
import { getPayload } from 'payload'

import { migrateDatabase } from '../bootstrap'
import config from '../../payload.config'
import { seed } from '../../data/seed/seed'

const payload = await getPayload({ config })
await migrateDatabase(payload)
const report = await seed(payload, { log: (line) => console.log(line) })
const created = Object.values(report.created).reduce((sum, n) => sum + n, 0)
console.log(created === 0 ? 'Nothing to do: all seed content exists.' : `Seeded ${created} items.`)
if (created > 0) {
  // The read cache lives in the server process and hears only of that process's writes.
  console.log(
    'A portal server already running on this database keeps serving its cached pages: restart ' +
      'it (or run the seed through its start with SEED=true).',
  )
}
await payload.destroy()
process.exit(0)
