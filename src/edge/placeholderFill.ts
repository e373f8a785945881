/**
 * Writing values over same-length placeholders in a whole HTML or RSC answer. Next inlines the
 * RSC payload as a series of `<script>self.__next_f.push([1,"…"])</script>`, and React cuts that
 * payload into chunks at any byte, so a placeholder may begin at the end of one script and go on
 * at the start of a later one; such a split one is filled piece by piece.
 */

/** Where one inline payload script's string ends, and where the next one's begins. */
const SCRIPT_END = '"])</script>'
const SCRIPT_START = 'self.__next_f.push([1,"'

export type Replacement = [placeholder: string, value: string]

/** Whether `body` holds `text.slice(from, to)` at `at`. */
function holdsAt(body: Buffer, at: number, text: string, from: number, to: number): boolean {
  if (at < 0 || at + (to - from) > body.length) return false
  for (let i = from; i < to; i++) if (body[at + i - from] !== text.charCodeAt(i)) return false
  return true
}

/** Every place a whole placeholder starts. */
function wholeOccurrences(body: Buffer, placeholder: string): number[] {
  const found: number[] = []
  let at = body.indexOf(placeholder, 0, 'latin1')
  while (at !== -1) {
    found.push(at)
    at = body.indexOf(placeholder, at + placeholder.length, 'latin1')
  }
  return found
}

/** A placeholder cut by a script boundary: its first `head` characters end at `end`, the rest begin at `resume`. */
type Split = { end: number; resume: number; head: number }

function splitOccurrences(body: Buffer, placeholder: string): Split[] {
  const found: Split[] = []
  let end = body.indexOf(SCRIPT_END, 0, 'latin1')
  while (end !== -1) {
    const start = body.indexOf(SCRIPT_START, end, 'latin1')
    if (start === -1) break
    const resume = start + SCRIPT_START.length
    for (let head = 1; head < placeholder.length; head++) {
      if (
        holdsAt(body, resume, placeholder, head, placeholder.length) &&
        holdsAt(body, end - head, placeholder, 0, head)
      ) {
        found.push({ end, resume, head })
      }
    }
    end = body.indexOf(SCRIPT_END, start, 'latin1')
  }
  return found
}

/**
 * A copy of `body` with each placeholder's value written over it, whole or split; null when no
 * placeholder occurs. The body may be the read cache's stored answer, which must never change.
 */
export function fillPlaceholders(body: Buffer, replacements: Replacement[]): Buffer | null {
  let filled: Buffer | null = null
  for (const [placeholder, value] of replacements) {
    if (placeholder.length !== value.length) throw new Error('a value must fill its placeholder')
    for (const at of wholeOccurrences(body, placeholder)) {
      filled ??= Buffer.from(body)
      filled.write(value, at, 'latin1')
    }
    for (const { end, resume, head } of splitOccurrences(body, placeholder)) {
      filled ??= Buffer.from(body)
      filled.write(value.slice(0, head), end - head, 'latin1')
      filled.write(value.slice(head), resume, 'latin1')
    }
  }
  return filled
}
