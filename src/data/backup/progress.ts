/** One line of progress on stderr-free stdout, prefixed with the seconds since the start. */
export type Progress = (line: string) => void

export function progressLog(command: string, started = Date.now()): Progress {
  return (line) =>
    console.log(`[${command} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`)
}

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * Calls `report` for every `step`-th item and the last one, so long loops say how far they are
 * without a line per file.
 */
export function every(total: number, report: (done: number) => void, parts = 10) {
  const step = Math.max(1, Math.ceil(total / parts))
  return (done: number) => {
    if (done === total || done % step === 0) report(done)
  }
}
