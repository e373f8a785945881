/** The environment's variables, as `process.env` holds them. */
export type Source = Record<string, string | undefined>

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The portal cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'EnvironmentError'
  }
}

export const blank = (value: string | undefined): value is undefined =>
  !value || value.trim() === ''

export function positiveInt(
  source: Source,
  name: string,
  fallback: number,
  problems: string[],
): number {
  const raw = source[name]
  if (blank(raw)) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    problems.push(`${name} must be a positive whole number, got "${raw}"`)
    return fallback
  }
  return value
}

export function nonNegativeInt(
  source: Source,
  name: string,
  fallback: number,
  problems: string[],
): number {
  const raw = source[name]
  if (blank(raw)) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    problems.push(`${name} must be a whole number of 0 or more, got "${raw}"`)
    return fallback
  }
  return value
}

/** A switch that must say what it means: a typo must not silently turn a feature off. */
export function onOff(
  source: Source,
  name: string,
  fallback: boolean,
  problems: string[],
): boolean {
  const raw = source[name]
  if (blank(raw)) return fallback
  const value = raw.trim().toLowerCase()
  if (['on', 'true', '1', 'yes'].includes(value)) return true
  if (['off', 'false', '0', 'no'].includes(value)) return false
  problems.push(`${name} must be on or off, got "${raw}"`)
  return fallback
}

export function flag(raw: string | undefined, fallback: boolean): boolean {
  if (blank(raw)) return fallback
  return !['0', 'false', 'no', 'off'].includes(raw.trim().toLowerCase())
}
