import crypto from 'node:crypto'
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'

/** The SHA-256 of a file's content (hex) and its size, read as a stream. */
export async function digestFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256')
  let bytes = 0
  await pipeline(fs.createReadStream(file), async function* (chunks) {
    for await (const chunk of chunks as AsyncIterable<Buffer>) {
      bytes += chunk.length
      hash.update(chunk)
    }
    yield* []
  })
  return { sha256: hash.digest('hex'), bytes }
}
