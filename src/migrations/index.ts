import * as migration_20261126_144809_initial from './20261126_144809_initial';
import * as migration_20261126_145852_password_reset_interval from './20261126_145852_password_reset_interval';

export const migrations = [
  {
    up: migration_20261126_144809_initial.up,
    down: migration_20261126_144809_initial.down,
    name: '20261126_144809_initial',
  },
  {
    up: migration_20261126_145852_password_reset_interval.up,
    down: migration_20261126_145852_password_reset_interval.down,
    name: '20261126_145852_password_reset_interval'
  },
];
