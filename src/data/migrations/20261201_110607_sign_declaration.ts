import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`signature_forms\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`nonce\` text NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`signature_forms_nonce_idx\` ON \`signature_forms\` (\`nonce\`);`)
  await db.run(sql`CREATE INDEX \`signature_forms_expires_at_idx\` ON \`signature_forms\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`signature_forms_updated_at_idx\` ON \`signature_forms\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`signature_forms_created_at_idx\` ON \`signature_forms\` (\`created_at\`);`)
  await db.run(sql`DROP INDEX \`signatories_approved_idx\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`organization_name\` text;`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`status\` text DEFAULT 'approved';`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`verified\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`email\` text;`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`consent_to_updates\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`locale\` text;`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`source\` text DEFAULT 'staff';`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`confirm_expires_at\` text;`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`email_key\` text;`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`confirm_token_hash\` text;`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`withdraw_token_hash\` text;`)
  await db.run(sql`CREATE INDEX \`signatories_sector_idx\` ON \`signatories\` (\`sector\`);`)
  await db.run(sql`CREATE INDEX \`signatories_country_idx\` ON \`signatories\` (\`country\`);`)
  await db.run(sql`CREATE INDEX \`signatories_status_idx\` ON \`signatories\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`signatories_confirm_expires_at_idx\` ON \`signatories\` (\`confirm_expires_at\`);`)
  await db.run(sql`CREATE INDEX \`signatories_email_key_idx\` ON \`signatories\` (\`email_key\`);`)
  await db.run(sql`CREATE INDEX \`signatories_confirm_token_hash_idx\` ON \`signatories\` (\`confirm_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`signatories_withdraw_token_hash_idx\` ON \`signatories\` (\`withdraw_token_hash\`);`)
  // Staff-entered signatories keep their place: approved ones show as approved, the others wait
  // for the editors (they had not been approved either).
  await db.run(
    sql`UPDATE \`signatories\` SET \`status\` = CASE WHEN \`approved\` = 1 THEN 'approved' ELSE 'awaiting-moderation' END;`,
  )
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`approved\`;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`signature_forms_id\` text(36) REFERENCES signature_forms(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signature_forms_id_idx\` ON \`payload_locked_documents_rels\` (\`signature_forms_id\`);`)
  await db.run(sql`ALTER TABLE \`declaration\` ADD \`moderate_person_signatures\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`declaration_locales\` ADD \`privacy_notice\` text;`)
  await db.run(sql`ALTER TABLE \`_declaration_v\` ADD \`version_moderate_person_signatures\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_declaration_v_locales\` ADD \`version_privacy_notice\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`signature_forms\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	\`review_history_id\` text(36),
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
  	FOREIGN KEY (\`mail_queue_id\`) REFERENCES \`mail_queue\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`review_history_id\`) REFERENCES \`review_history\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "news_id", "projects_id", "principles_id", "events_id", "media_id", "people_id", "organizations_id", "signatories_id", "users_id", "mail_queue_id", "review_history_id") SELECT "id", "order", "parent_id", "path", "news_id", "projects_id", "principles_id", "events_id", "media_id", "people_id", "organizations_id", "signatories_id", "users_id", "mail_queue_id", "review_history_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_history_id_idx\` ON \`payload_locked_documents_rels\` (\`review_history_id\`);`)
  await db.run(sql`DROP INDEX \`signatories_sector_idx\`;`)
  await db.run(sql`DROP INDEX \`signatories_country_idx\`;`)
  await db.run(sql`DROP INDEX \`signatories_status_idx\`;`)
  await db.run(sql`DROP INDEX \`signatories_confirm_expires_at_idx\`;`)
  await db.run(sql`DROP INDEX \`signatories_email_key_idx\`;`)
  await db.run(sql`DROP INDEX \`signatories_confirm_token_hash_idx\`;`)
  await db.run(sql`DROP INDEX \`signatories_withdraw_token_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` ADD \`approved\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`signatories_approved_idx\` ON \`signatories\` (\`approved\`);`)
  // Signatures made on the form have no place in the older schema.
  await db.run(sql`DELETE FROM \`signatories\` WHERE \`source\` <> 'staff';`)
  await db.run(sql`UPDATE \`signatories\` SET \`approved\` = (\`status\` = 'approved');`)
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`organization_name\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`status\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`verified\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`email\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`consent_to_updates\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`locale\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`source\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`confirm_expires_at\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`email_key\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`confirm_token_hash\`;`)
  await db.run(sql`ALTER TABLE \`signatories\` DROP COLUMN \`withdraw_token_hash\`;`)
  await db.run(sql`ALTER TABLE \`declaration\` DROP COLUMN \`moderate_person_signatures\`;`)
  await db.run(sql`ALTER TABLE \`declaration_locales\` DROP COLUMN \`privacy_notice\`;`)
  await db.run(sql`ALTER TABLE \`_declaration_v\` DROP COLUMN \`version_moderate_person_signatures\`;`)
  await db.run(sql`ALTER TABLE \`_declaration_v_locales\` DROP COLUMN \`version_privacy_notice\`;`)
}
