import type { Config } from '../config.ts';
import type { Db } from '../db/open.ts';
import type { EventLog } from '../events/event-log.ts';
import type { Logger } from '../logger.ts';
import type { Outbox } from '../outbox/outbox.ts';

/** What the console API's route modules are given. */
export type ApiDeps = {
  config: Config;
  db: Db;
  events: EventLog;
  outbox: Outbox;
  log: Logger;
  /** Call after committing outbox rows: the sender picks them up at once. */
  wakeSender: () => void;
  /** Call after committing changes that added events: the live stream pushes them. */
  announce: () => void;
};
