import type { Db, Statement } from '../db/open.ts';

export type BulkValue = string | number | null;

const MAX_ROWS_PER_STATEMENT = 500;
const MAX_PARAMS = 30_000;

/**
 * Inserts many rows into one table with multi-row `INSERT ... VALUES (...), (...)` statements:
 * one call into SQLite per few hundred rows instead of one per row, which is what makes a
 * hundred thousand conversations load in seconds. Use inside a transaction; `flush` at the end.
 * `fixed` columns get the same SQL literal in every row.
 */
export class BulkInsert {
  private readonly db: Db;
  private readonly sql: (rows: number) => string;
  private readonly perStatement: number;
  private readonly width: number;
  private full: Statement | null = null;
  private pending: BulkValue[] = [];
  count = 0;

  constructor(db: Db, table: string, columns: readonly string[], fixed: Record<string, string> = {}, verb = 'INSERT') {
    this.db = db;
    this.width = columns.length;
    this.perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / columns.length)));
    const names = [...columns, ...Object.keys(fixed)].join(', ');
    const one = `(${[...columns.map(() => '?'), ...Object.values(fixed)].join(', ')})`;
    this.sql = rows => `${verb} INTO ${table} (${names}) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
  }

  add(...row: BulkValue[]): void {
    if (row.length !== this.width) {
      throw new Error(`bulk insert: expected ${this.width} values, got ${row.length}`);
    }
    for (const v of row) this.pending.push(v);
    this.count++;
    if (this.pending.length === this.width * this.perStatement) {
      this.full ??= this.db.prepare(this.sql(this.perStatement));
      this.full.run(this.pending);
      this.pending = [];
    }
  }

  flush(): void {
    const rows = this.pending.length / this.width;
    if (rows > 0) {
      this.db.prepare(this.sql(rows)).run(this.pending);
      this.pending = [];
    }
  }
}

/** A string as an SQL literal, for `fixed` columns. */
export const sqlText = (text: string): string => `'${text.replace(/'/g, "''")}'`;
