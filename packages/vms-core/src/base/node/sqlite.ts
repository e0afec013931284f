import Database from 'better-sqlite3';
import { VmsError } from '../common/errors';

export type Db = Database.Database;

/** One numbered migration; `sql` runs in one transaction with the version bump. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Opens a SQLite file in WAL mode and brings its schema up to date. All storage goes through
 * here so pragmas and migration handling are the same for every database of the product.
 */
export function openDatabase(path: string, migrations: readonly Migration[]): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL: a commit is durable across a process crash (kill -9); a power cut may
  // lose the last transactions but never corrupts. Recording files carry their own frame
  // headers, so recovery rebuilds whatever the index lost.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const latest = sorted.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new VmsError(
      'VMS_ERR_DATA_CORRUPT',
      `database ${db.name} has schema version ${current}, newer than this build knows (${latest})`,
    );
  }
  for (const m of sorted) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
