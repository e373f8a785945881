import * as migration_20261126_144809_initial from './20261126_144809_initial';
import * as migration_20261126_145852_password_reset_interval from './20261126_145852_password_reset_interval';
import * as migration_20261126_154147_review_submitted_at from './20261126_154147_review_submitted_at';
import * as migration_20261126_165701_read_path_indexes from './20261126_165701_read_path_indexes';
import * as migration_20261201_075253_mail_queue from './20261201_075253_mail_queue';
import * as migration_20261201_090745_trash_and_review from './20261201_090745_trash_and_review';
import * as migration_20261201_110607_sign_declaration from './20261201_110607_sign_declaration';
import * as migration_20261201_122548_parent_order_indexes from './20261201_122548_parent_order_indexes';
import * as migration_20261205_091506_sort_and_filter_indexes from './20261205_091506_sort_and_filter_indexes';
import * as migration_20261206_230621_webhooks from './20261206_230621_webhooks';
import * as migration_20261207_015834_subscribers_and_updates from './20261207_015834_subscribers_and_updates';
import * as migration_20261207_050808_job_leases from './20261207_050808_job_leases';

export const migrations = [
  {
    up: migration_20261126_144809_initial.up,
    down: migration_20261126_144809_initial.down,
    name: '20261126_144809_initial',
  },
  {
    up: migration_20261126_145852_password_reset_interval.up,
    down: migration_20261126_145852_password_reset_interval.down,
    name: '20261126_145852_password_reset_interval',
  },
  {
    up: migration_20261126_154147_review_submitted_at.up,
    down: migration_20261126_154147_review_submitted_at.down,
    name: '20261126_154147_review_submitted_at',
  },
  {
    up: migration_20261126_165701_read_path_indexes.up,
    down: migration_20261126_165701_read_path_indexes.down,
    name: '20261126_165701_read_path_indexes',
  },
  {
    up: migration_20261201_075253_mail_queue.up,
    down: migration_20261201_075253_mail_queue.down,
    name: '20261201_075253_mail_queue',
  },
  {
    up: migration_20261201_090745_trash_and_review.up,
    down: migration_20261201_090745_trash_and_review.down,
    name: '20261201_090745_trash_and_review',
  },
  {
    up: migration_20261201_110607_sign_declaration.up,
    down: migration_20261201_110607_sign_declaration.down,
    name: '20261201_110607_sign_declaration',
  },
  {
    up: migration_20261201_122548_parent_order_indexes.up,
    down: migration_20261201_122548_parent_order_indexes.down,
    name: '20261201_122548_parent_order_indexes',
  },
  {
    up: migration_20261205_091506_sort_and_filter_indexes.up,
    down: migration_20261205_091506_sort_and_filter_indexes.down,
    name: '20261205_091506_sort_and_filter_indexes',
  },
  {
    up: migration_20261206_230621_webhooks.up,
    down: migration_20261206_230621_webhooks.down,
    name: '20261206_230621_webhooks',
  },
  {
    up: migration_20261207_015834_subscribers_and_updates.up,
    down: migration_20261207_015834_subscribers_and_updates.down,
    name: '20261207_015834_subscribers_and_updates',
  },
  {
    up: migration_20261207_050808_job_leases.up,
    down: migration_20261207_050808_job_leases.down,
    name: '20261207_050808_job_leases'
  },
];
