import type { Db } from '../open.ts';
import { up as up0010 } from './0010-core.ts';
import { up as up0020 } from './0020-content.ts';
import { up as up0030 } from './0030-accounts.ts';
import { up as up0040 } from './0040-inbox.ts';
import { up as up0050 } from './0050-stats.ts';
import { up as up0060 } from './0060-hoax-desk.ts';
import { up as up0070 } from './0070-hot-path-indexes.ts';
import { up as up0080 } from './0080-webhook-journal-position.ts';
import { up as up0090 } from './0090-volunteer-queue-index.ts';
import { up as up0100 } from './0100-reads-out-of-outbox.ts';
import { up as up0110 } from './0110-drop-handled-by-contact.ts';

export type Migration = { version: number; up: (db: Db) => void };

/** Every migration, in order. Never edit one that has shipped: add a new one. */
export const migrations: Migration[] = [
  { version: 10, up: up0010 },
  { version: 20, up: up0020 },
  { version: 30, up: up0030 },
  { version: 40, up: up0040 },
  { version: 50, up: up0050 },
  { version: 60, up: up0060 },
  { version: 70, up: up0070 },
  { version: 80, up: up0080 },
  { version: 90, up: up0090 },
  { version: 100, up: up0100 },
  { version: 110, up: up0110 },
];
