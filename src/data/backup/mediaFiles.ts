import fs from 'node:fs'
import path from 'node:path'

/** Every file below `dir`, as paths relative to it with `/` separators; [] when it is missing. */
export function listFiles(dir: string): string[] {
  const files: string[] = []
  const walk = (relative: string) => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(path.join(dir, relative), { withFileTypes: true })
    } catch (error) {
      // A folder deleted meanwhile holds nothing to back up.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile()) files.push(child)
    }
  }
  walk('')
  return files.sort()
}

/**
 * Copies one file; false when it was deleted before it could be read (an editor deleted the
 * medium while the backup ran): a backup tolerates that, as the document went with it.
 */
export function copyIfPresent(from: string, to: string): boolean {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  try {
    fs.copyFileSync(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}
