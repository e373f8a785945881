/** Prints one line, `N passed, N failed`, summed over the Jest JSON reports in test-results/. */
import fs from 'node:fs'
import path from 'node:path'

const dir = 'test-results'
let passed = 0
let failed = 0
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (!/^jest.*\.json$/.test(file)) continue
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0)
}
console.log(`${passed} passed, ${failed} failed`)
