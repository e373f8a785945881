import fs from 'node:fs'
const file = process.argv[2]
const prof = JSON.parse(fs.readFileSync(file, 'utf8'))
const byId = new Map(prof.nodes.map((n) => [n.id, n]))
const self = new Map()
const dt = prof.timeDeltas
const counts = new Map()
for (let i = 0; i < prof.samples.length; i++) counts.set(prof.samples[i], (counts.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0))
const total = [...counts.values()].reduce((a, b) => a + b, 0)
for (const [id, t] of counts) {
  const n = byId.get(id)
  const cf = n.callFrame
  const key = `${cf.functionName || '(anon)'} ${cf.url.split('/node_modules/').pop().slice(0, 70)}:${cf.lineNumber}`
  self.set(key, (self.get(key) ?? 0) + t)
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 35)
for (const [k, t] of top) console.log((100 * t / total).toFixed(1).padStart(5), k)
