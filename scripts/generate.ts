/**
 * Writes the generated artefacts from the current config: src/payload-types.ts, the admin import
 * map and schema.graphql. `--check` writes nothing and exits 1 when a committed file differs.
 */
import { generateArtefacts } from '../src/process/generatedArtefacts'

const check = process.argv.includes('--check')
const drifted = await generateArtefacts({ write: !check })
if (check && drifted.length > 0) {
  console.error(
    `Out of date: ${drifted.join(', ')}. Run \`npm run generate\` and commit the result.`,
  )
  process.exit(1)
}
console.log(check ? 'Generated files are up to date.' : 'Generated files written.')
process.exit(0)
