import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../bot-service/db/open.ts';
import { EventLog } from '../../../bot-service/events/event-log.ts';
import { startProcessingThread } from '../../../bot-service/pipeline/processing-thread.ts';
import { tempDir, testConfig } from '../helpers.ts';

describe('pipeline/processing thread', () => {
  it('tells the service when the thread cannot run, so that it stops instead of acknowledging in silence', async () => {
    const t = tempDir();
    try {
      const db = openDatabase(join(t.dir, 'bot.db'));
      const events = new EventLog(db);
      // The worker's database path runs through a plain file: opening it fails in the thread.
      writeFileSync(join(t.dir, 'not-a-folder'), '');
      const failures: Error[] = [];
      await expect(
        startProcessingThread({
          databaseFile: join(t.dir, 'not-a-folder', 'bot.db'),
          journalFile: join(t.dir, 'webhooks.db'),
          config: testConfig(t.dir),
          events,
          log: pino({ level: 'silent' }),
          onMoved: () => {},
          onFailure: error => failures.push(error),
        })
      ).rejects.toThrow();
      expect(failures.length).toBeGreaterThan(0);
      db.close();
    } finally {
      t.cleanup();
    }
  });
});
