import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`review_history\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`document_collection\` text NOT NULL,
  	\`document_id\` text NOT NULL,
  	\`organization_id\` text(36),
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`actor_id\` text(36),
  	\`actor_name\` text,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`review_history_document_id_idx\` ON \`review_history\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`review_history_organization_idx\` ON \`review_history\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`review_history_actor_idx\` ON \`review_history\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`review_history_updated_at_idx\` ON \`review_history\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`review_history_created_at_idx\` ON \`review_history\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`news_deleted_at_idx\` ON \`news\` (\`deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_deleted_at_idx\` ON \`_news_v\` (\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`projects\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`projects_deleted_at_idx\` ON \`projects\` (\`deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`_projects_v\` ADD \`version_deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_deleted_at_idx\` ON \`_projects_v\` (\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`principles\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`principles_deleted_at_idx\` ON \`principles\` (\`deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`_principles_v\` ADD \`version_deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`_principles_v_version_version_deleted_at_idx\` ON \`_principles_v\` (\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`events_deleted_at_idx\` ON \`events\` (\`deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_deleted_at_idx\` ON \`_events_v\` (\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`people\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`people\` ADD \`review_note\` text;`)
  await db.run(sql`ALTER TABLE \`people\` ADD \`review_submitted_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`people\` ADD \`review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`people\` ADD \`review_reviewed_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`people\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`people_review_review_state_idx\` ON \`people\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`people_review_review_submitted_by_idx\` ON \`people\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`people_review_review_reviewed_by_idx\` ON \`people\` (\`review_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`people_deleted_at_idx\` ON \`people\` (\`deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`_people_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_people_v\` ADD \`version_review_note\` text;`)
  await db.run(sql`ALTER TABLE \`_people_v\` ADD \`version_review_submitted_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_people_v\` ADD \`version_review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_people_v\` ADD \`version_review_reviewed_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_people_v\` ADD \`version_deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`_people_v_version_review_version_review_state_idx\` ON \`_people_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_version_review_version_review_submitted_by_idx\` ON \`_people_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_version_review_version_review_reviewed_by_idx\` ON \`_people_v\` (\`version_review_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_version_version_deleted_at_idx\` ON \`_people_v\` (\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`organizations\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`organizations_deleted_at_idx\` ON \`organizations\` (\`deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`_organizations_v\` ADD \`version_deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`_organizations_v_version_version_deleted_at_idx\` ON \`_organizations_v\` (\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`review_history_id\` text(36) REFERENCES review_history(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_history_id_idx\` ON \`payload_locked_documents_rels\` (\`review_history_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`review_history\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_people\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`honorific\` text,
  	\`slug\` text,
  	\`organization_id\` text(36),
  	\`photo_id\` text(36),
  	\`initiator\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_people\`("id", "name", "honorific", "slug", "organization_id", "photo_id", "initiator", "updated_at", "created_at", "_status") SELECT "id", "name", "honorific", "slug", "organization_id", "photo_id", "initiator", "updated_at", "created_at", "_status" FROM \`people\`;`)
  await db.run(sql`DROP TABLE \`people\`;`)
  await db.run(sql`ALTER TABLE \`__new_people\` RENAME TO \`people\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`people_name_idx\` ON \`people\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`people_slug_idx\` ON \`people\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`people_organization_idx\` ON \`people\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`people_photo_idx\` ON \`people\` (\`photo_id\`);`)
  await db.run(sql`CREATE INDEX \`people_initiator_idx\` ON \`people\` (\`initiator\`);`)
  await db.run(sql`CREATE INDEX \`people_updated_at_idx\` ON \`people\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`people_created_at_idx\` ON \`people\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`people__status_idx\` ON \`people\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__people_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_name\` text,
  	\`version_honorific\` text,
  	\`version_slug\` text,
  	\`version_organization_id\` text(36),
  	\`version_photo_id\` text(36),
  	\`version_initiator\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__people_v\`("id", "parent_id", "version_name", "version_honorific", "version_slug", "version_organization_id", "version_photo_id", "version_initiator", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_name", "version_honorific", "version_slug", "version_organization_id", "version_photo_id", "version_initiator", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_people_v\`;`)
  await db.run(sql`DROP TABLE \`_people_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__people_v\` RENAME TO \`_people_v\`;`)
  await db.run(sql`CREATE INDEX \`_people_v_parent_idx\` ON \`_people_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_version_version_name_idx\` ON \`_people_v\` (\`version_name\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_version_version_slug_idx\` ON \`_people_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_version_version_organization_idx\` ON \`_people_v\` (\`version_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_version_version_photo_idx\` ON \`_people_v\` (\`version_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_version_version_initiator_idx\` ON \`_people_v\` (\`version_initiator\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_version_version_updated_at_idx\` ON \`_people_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_version_version_created_at_idx\` ON \`_people_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_version_version__status_idx\` ON \`_people_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_created_at_idx\` ON \`_people_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_updated_at_idx\` ON \`_people_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_snapshot_idx\` ON \`_people_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_published_locale_idx\` ON \`_people_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_latest_idx\` ON \`_people_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`news_id\` text(36),
  	\`projects_id\` text(36),
  	\`principles_id\` text(36),
  	\`events_id\` text(36),
  	\`media_id\` text(36),
  	\`people_id\` text(36),
  	\`organizations_id\` text(36),
  	\`signatories_id\` text(36),
  	\`users_id\` text(36),
  	\`mail_queue_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`principles_id\`) REFERENCES \`principles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`people_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organizations_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`signatories_id\`) REFERENCES \`signatories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mail_queue_id\`) REFERENCES \`mail_queue\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "news_id", "projects_id", "principles_id", "events_id", "media_id", "people_id", "organizations_id", "signatories_id", "users_id", "mail_queue_id") SELECT "id", "order", "parent_id", "path", "news_id", "projects_id", "principles_id", "events_id", "media_id", "people_id", "organizations_id", "signatories_id", "users_id", "mail_queue_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_projects_id_idx\` ON \`payload_locked_documents_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_principles_id_idx\` ON \`payload_locked_documents_rels\` (\`principles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_people_id_idx\` ON \`payload_locked_documents_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organizations_id_idx\` ON \`payload_locked_documents_rels\` (\`organizations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signatories_id_idx\` ON \`payload_locked_documents_rels\` (\`signatories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mail_queue_id_idx\` ON \`payload_locked_documents_rels\` (\`mail_queue_id\`);`)
  await db.run(sql`DROP INDEX \`news_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`deleted_at\`;`)
  await db.run(sql`DROP INDEX \`_news_v_version_version_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_deleted_at\`;`)
  await db.run(sql`DROP INDEX \`projects_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`projects\` DROP COLUMN \`deleted_at\`;`)
  await db.run(sql`DROP INDEX \`_projects_v_version_version_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` DROP COLUMN \`version_deleted_at\`;`)
  await db.run(sql`DROP INDEX \`principles_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`principles\` DROP COLUMN \`deleted_at\`;`)
  await db.run(sql`DROP INDEX \`_principles_v_version_version_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_principles_v\` DROP COLUMN \`version_deleted_at\`;`)
  await db.run(sql`DROP INDEX \`events_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`deleted_at\`;`)
  await db.run(sql`DROP INDEX \`_events_v_version_version_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_deleted_at\`;`)
  await db.run(sql`DROP INDEX \`organizations_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`organizations\` DROP COLUMN \`deleted_at\`;`)
  await db.run(sql`DROP INDEX \`_organizations_v_version_version_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_organizations_v\` DROP COLUMN \`version_deleted_at\`;`)
}
