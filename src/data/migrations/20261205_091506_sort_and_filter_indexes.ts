import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishedAt_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_publishedAt_createdAt_idx\` ON \`news\` (\`_status\`,\`deleted_at\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_version_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_news_v\` (\`version__status\`,\`version_deleted_at\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_createdAt_idx\` ON \`projects\` (\`_status\`,\`deleted_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_deletedAt_version_createdAt_idx\` ON \`_projects_v\` (\`version__status\`,\`version_deleted_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_startsAt_createdAt_idx\` ON \`events\` (\`_status\`,\`deleted_at\`,\`starts_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_1_idx\` ON \`_events_v\` (\`version__status\`,\`version_deleted_at\`,\`version_starts_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_createdAt_1_idx\` ON \`people\` (\`_status\`,\`deleted_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`people_directory_order_idx\` ON \`people\` (\`_status\`,\`deleted_at\`,"initiator" desc,\`name\`,"created_at" desc);`)
  await db.run(sql`CREATE INDEX \`version__status_version_deletedAt_version_createdAt_1_idx\` ON \`_people_v\` (\`version__status\`,\`version_deleted_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_name_idx\` ON \`organizations\` (\`_status\`,\`deleted_at\`,\`name\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_deletedAt_version_name_idx\` ON \`_organizations_v\` (\`version__status\`,\`version_deleted_at\`,\`version_name\`);`)
  await db.run(sql`CREATE INDEX \`status_consentToDisplay_displayName_idx\` ON \`signatories\` (\`status\`,\`consent_to_display\`,\`display_name\`);`)
  await db.run(sql`CREATE INDEX \`status_consentToDisplay_sector_displayName_idx\` ON \`signatories\` (\`status\`,\`consent_to_display\`,\`sector\`,\`display_name\`);`)
  await db.run(sql`CREATE INDEX \`status_consentToDisplay_country_displayName_idx\` ON \`signatories\` (\`status\`,\`consent_to_display\`,\`country\`,\`display_name\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_deletedAt_publishedAt_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_idx\` ON \`news\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_idx\` ON \`_news_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`DROP INDEX \`_status_deletedAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_deletedAt_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_deletedAt_startsAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_1_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_deletedAt_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`people_directory_order_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_deletedAt_version_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_deletedAt_name_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_deletedAt_version_name_idx\`;`)
  await db.run(sql`DROP INDEX \`status_consentToDisplay_displayName_idx\`;`)
  await db.run(sql`DROP INDEX \`status_consentToDisplay_sector_displayName_idx\`;`)
  await db.run(sql`DROP INDEX \`status_consentToDisplay_country_displayName_idx\`;`)
}
