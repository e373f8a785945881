import { readEnvironment, type SignatureSettings } from '@/core/env'

let cached: { settings: SignatureSettings; serverUrl: string } | undefined

/** The flow's settings and the public base URL, read once per process from the environment. */
export function flowSettings(): { settings: SignatureSettings; serverUrl: string } {
  if (!cached) {
    const env = readEnvironment()
    cached = { settings: env.signatures, serverUrl: env.serverUrl }
  }
  return cached
}
