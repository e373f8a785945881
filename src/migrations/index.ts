import * as migration_20261126_144809_initial from './20261126_144809_initial'

export const migrations = [
  {
    up: migration_20261126_144809_initial.up,
    down: migration_20261126_144809_initial.down,
    name: '20261126_144809_initial',
  },
]
