import type { Db } from '../open.ts';
import { up as up0010 } from './0010-core.ts';
import { up as up0020 } from './0020-content.ts';

export type Migration = { version: number; up: (db: Db) => void };

/** Every migration, in order. Never edit one that has shipped: add a new one. */
export const migrations: Migration[] = [
  { version: 10, up: up0010 },
  { version: 20, up: up0020 },
];
