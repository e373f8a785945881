/**
 * The portal's one process: express in front of Next, with Payload initialised first.
 * `npm run dev` runs it in development, `npm start` (after `npm run build`) in production.
 */
import { start } from './start'

start().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
