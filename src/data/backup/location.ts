import nextEnv from '@next/env'

import { DatabaseUriError, parseDatabaseUri } from '@/data/adapter/databaseUri'
import { sqliteFile } from '@/data/adapter/dataLock'
import { EnvironmentError, readDataLocation } from '@/core/env'
import { projectRoot } from '@/core/paths'

import { mongodbInstructions } from './mongodb'

/**
 * The SQLite file and media folder a backup or restore works on, from the environment and the
 * `.env` files as the server reads them. For MongoDB it prints what to do instead and exits.
 */
export function dataLocation(command: 'backup' | 'restore'): {
  database: string
  mediaDir: string
} {
  nextEnv.loadEnvConfig(projectRoot, process.env.NODE_ENV !== 'production', {
    info: () => {},
    error: console.error,
  })
  try {
    const { databaseUri, mediaDir } = readDataLocation()
    const target = parseDatabaseUri(databaseUri)
    if (target.kind === 'mongodb') {
      console.log(mongodbInstructions(command))
      process.exit(2)
    }
    const database = sqliteFile(target)
    if (!database) {
      console.error(`An in-memory database (${databaseUri}) has nothing to ${command}.`)
      process.exit(1)
    }
    return { database, mediaDir }
  } catch (error) {
    if (error instanceof EnvironmentError || error instanceof DatabaseUriError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
}
