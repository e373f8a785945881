/**
 * What `npm run backup` and `npm run restore` print for a MongoDB deployment: MongoDB's own
 * tools make consistent online dumps of a replica set, and the media volume is copied beside.
 */
export const mongodbInstructions = (command: 'backup' | 'restore'): string =>
  [
    `npm run ${command} handles the embedded SQLite database only. DATABASE_URI names MongoDB:`,
    command === 'backup'
      ? [
          '  1. Dump the database consistently while the portal runs (a replica set, as in',
          '     docker-compose.yml):  mongodump --uri="$DATABASE_URI" --oplog --gzip --archive=portal-$(date +%F).mongo.gz',
          '  2. Copy the media volume (MEDIA_DIR, /app/media in the image) after the dump, e.g.',
          '     tar -czf portal-media-$(date +%F).tar.gz -C /app/media .',
          '  3. Keep both together; docs/operations.md gives the schedule and retention.',
        ].join('\n')
      : [
          '  1. Stop the portal (or scale it to zero).',
          '  2. mongorestore --uri="$DATABASE_URI" --drop --oplogReplay --gzip --archive=<dump>',
          '  3. Restore the media volume from its archive: tar -xzf <media archive> -C /app/media',
          '  4. Start the portal again: it rebuilds its search index from the restored data.',
        ].join('\n'),
    'See docs/operations.md ("Backups" and "Restoring").',
  ].join('\n')
