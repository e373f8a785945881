/**
 * `npm run bench:signature-mail`: the time from submitting a signature to its confirmation mail
 * arriving at an SMTP server (a sink in this process), on a fresh seeded SQLite database. Each
 * of `--signatures` (default 15) submissions goes through the signing flow the form endpoint and
 * the GraphQL mutation call (checks, the pending signature, the queued mail, the commit, the
 * delivery job); the proof of work is solved beforehand, as the browser does while the signer
 * types. Reports the median, min and max of submit → mail and of the submit call itself. A
 * benchmark, not a test: it reports and never fails on timings.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload } from 'payload'

import { startSmtpSink } from '../test/helpers/smtpSink'

const args = process.argv.slice(2)
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback)
const signatures = option('signatures', 15)

const started = performance.now()
const log = (line: string) =>
  console.log(
    `[bench:signature-mail ${String(Math.round((performance.now() - started) / 1000)).padStart(3)} s] ${line}`,
  )
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const ms = (value: number) => `${value.toFixed(1)} ms`

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'initiative-portal-bench-signature-'))
  const sink = await startSmtpSink()
  Object.assign(process.env, {
    ...sink.env,
    DATABASE_URI: `file:${path.join(dir, 'portal.db')}`,
    PAYLOAD_SECRET: 'bench-signature-secret-bench-signature-0',
    PREVIEW_SECRET: 'bench-signature-preview',
    ADMIN_EMAIL: 'bench@example.org',
    ADMIN_PASSWORD: 'bench-password-1',
    SEED: 'true',
    SIGNATURE_MIN_SECONDS: '0',
    RATE_LIMIT_SIGNING_CEILING_PER_HOUR: '0',
    SIGNING_MORE_WORK_FROM_PER_ADDRESS_PER_HOUR: '0',
    SIGNING_MORE_WORK_FROM_PER_DOMAIN_PER_HOUR: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  })
  log(`starting Payload on a fresh database in ${dir} (migrations and seed take a few seconds)`)
  const { default: config } = await import('../src/payload.config')
  const { bootstrap } = await import('../src/process/bootstrap')
  const { readEnvironment } = await import('../src/core/env')
  const { signDeclaration } = await import('../src/cms/signatures/flow')
  const { issueSignatureForm } = await import('../src/cms/signatures/form')
  const { solvedProof } = await import('../test/helpers/proofOfWork')
  const payload = await getPayload({ config })
  try {
    await bootstrap(payload, readEnvironment())
    const toMail: number[] = []
    const call: number[] = []
    for (let i = 0; i < signatures; i++) {
      const form = await issueSignatureForm(payload.secret)
      const proof = await solvedProof(form.challenge)
      const email = `bench-${i}-${Date.now()}@example.org`
      const arrived = sink.waitFor((m) => m.to.includes(email), 30_000)
      const submitted = performance.now()
      await signDeclaration(
        payload,
        { name: `Bench Signer ${i}`, email, kind: 'person', display: 'named', locale: 'de' },
        { formToken: form.formToken, proof, honeypot: '' },
        '127.0.0.1',
      )
      call.push(performance.now() - submitted)
      const mail = await arrived
      toMail.push(sink.receivedAt[sink.received.indexOf(mail)]! - submitted)
      log(`signature ${i + 1}/${signatures}: mail after ${ms(toMail.at(-1)!)}`)
    }
    console.log(`\nSigning → confirmation mail at the SMTP server (${signatures} signatures)`)
    console.log(
      `  submit → mail, median / min / max: ${ms(median(toMail))} / ` +
        `${ms(Math.min(...toMail))} / ${ms(Math.max(...toMail))}`,
    )
    console.log(
      `  the submit itself (answer to the signer), median / min / max: ${ms(median(call))} / ` +
        `${ms(Math.min(...call))} / ${ms(Math.max(...call))}`,
    )
  } finally {
    await payload.destroy()
    await sink.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
