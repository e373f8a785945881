import fs from 'node:fs'

const walFiles = ['', '-wal', '-shm']

/** Copies an SQLite database with its write-ahead log, which may still hold recent writes. */
export function copyDatabase(from: string, to: string) {
  for (const suffix of walFiles) {
    fs.rmSync(to + suffix, { force: true })
    if (suffix !== '-shm' && fs.existsSync(from + suffix))
      fs.copyFileSync(from + suffix, to + suffix)
  }
}

export function removeDatabase(file: string) {
  for (const suffix of walFiles) fs.rmSync(file + suffix, { force: true })
}
