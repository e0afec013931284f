import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { AnalyticsSource, AnalyticsSourceConfig } from '../common/analyticsEvent';
import { analyticsSourceProblem, defaultAnalyticsSource, tokenProblem } from '../common/analyticsEvent';

interface Row {
  id: string; name: string; description: string; allowed_addresses: string; token_hash: string | null; camera_id: string | null;
  max_events_per_second: number; enabled: number; created_at: number; updated_at: number;
}

/** A change: config fields replace the stored ones; `cameraId: null` unsets it; `token` sets it, `token: null` removes it. */
export type AnalyticsSourcePatch = Partial<Omit<AnalyticsSourceConfig, 'cameraId'>> & { cameraId?: string | null; token?: string | null };
export type AnalyticsSourceInput = Pick<AnalyticsSourceConfig, 'name'> & AnalyticsSourcePatch;

const toSource = (r: Row): AnalyticsSource => ({
  id: r.id, name: r.name, description: r.description, allowedAddresses: JSON.parse(r.allowed_addresses) as string[],
  ...(r.camera_id !== null ? { cameraId: r.camera_id } : {}), maxEventsPerSecond: r.max_events_per_second, enabled: r.enabled === 1,
  hasToken: r.token_hash !== null, createdAt: r.created_at, updatedAt: r.updated_at,
});

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Analytics sources in the configuration database (migration 010). The shared token is kept
 * only as its SHA-256: tokens are long random strings, so a hash is enough to check one, and a
 * stolen database or backup does not hand them out.
 */
export class AnalyticsSourceStore {
  private readonly byName = new Map<string, { source: AnalyticsSource; tokenHash: string | null }>();
  private loaded = false;

  constructor(private readonly db: Db, private readonly cameraIds: () => ReadonlySet<string>) {}

  list(): AnalyticsSource[] {
    return (this.db.prepare('SELECT * FROM analytics_source ORDER BY name').all() as Row[]).map(toSource);
  }

  get(id: string): AnalyticsSource {
    const row = this.db.prepare('SELECT * FROM analytics_source WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `analytics source ${id} does not exist`);
    return toSource(row);
  }

  /**
   * The source an event names, by name (case-insensitive) or id, with its token hash; read from
   * memory, since every received event asks (reloaded after each change through this store).
   */
  find(nameOrId: string): { source: AnalyticsSource; tokenHash: string | null } | undefined {
    if (!this.loaded) this.reload();
    return this.byName.get(nameOrId.toLowerCase());
  }

  /** Whether `token` is the source's token, compared in constant time. */
  static tokenMatches(tokenHash: string, token: string | undefined): boolean {
    if (token === undefined) return false;
    return timingSafeEqual(Buffer.from(hashToken(token), 'hex'), Buffer.from(tokenHash, 'hex'));
  }

  create(input: AnalyticsSourceInput, now: number): AnalyticsSource {
    const id = randomUUID();
    const next = this.merged(defaultAnalyticsSource, input, null);
    try {
      this.db.prepare(`INSERT INTO analytics_source (id, name, description, allowed_addresses, token_hash, camera_id, max_events_per_second, enabled, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, next.config.name.trim(), next.config.description, JSON.stringify(next.config.allowedAddresses), next.tokenHash, next.config.cameraId ?? null,
          next.config.maxEventsPerSecond, next.config.enabled ? 1 : 0, now, now);
    } catch (e) {
      throw uniqueName(e, input.name);
    }
    this.reload();
    return this.get(id);
  }

  update(id: string, patch: AnalyticsSourcePatch, now: number): AnalyticsSource {
    const cur = this.get(id);
    const row = this.db.prepare('SELECT token_hash FROM analytics_source WHERE id = ?').get(id) as Pick<Row, 'token_hash'>;
    const next = this.merged(cur, patch, row.token_hash);
    try {
      this.db.prepare(`UPDATE analytics_source SET name = ?, description = ?, allowed_addresses = ?, token_hash = ?, camera_id = ?, max_events_per_second = ?,
          enabled = ?, updated_at = ? WHERE id = ?`)
        .run(next.config.name.trim(), next.config.description, JSON.stringify(next.config.allowedAddresses), next.tokenHash, next.config.cameraId ?? null,
          next.config.maxEventsPerSecond, next.config.enabled ? 1 : 0, now, id);
    } catch (e) {
      throw uniqueName(e, next.config.name);
    }
    this.reload();
    return this.get(id);
  }

  /** Refused while rules use it: `usedBy` names them. */
  delete(id: string, usedBy: string[]): AnalyticsSource {
    const cur = this.get(id);
    if (usedBy.length > 0) throw new VmsError('VMS_ERR_CONFLICT', `analytics source ${cur.name} is used by the rule(s) ${usedBy.join(', ')}`);
    this.db.prepare('DELETE FROM analytics_source WHERE id = ?').run(id);
    this.reload();
    return cur;
  }

  /** The source after `patch`, checked, with the token hash it will have. */
  private merged(cur: Omit<AnalyticsSourceConfig, 'name'> & { name?: string }, patch: AnalyticsSourcePatch & { name?: string }, tokenHash: string | null) {
    if (typeof patch.token === 'string') {
      const p = tokenProblem(patch.token);
      if (p) throw new VmsError('VMS_ERR_BAD_INPUT', `${p.field}: ${p.message}`, { field: p.field });
    }
    const hash = patch.token === undefined ? tokenHash : patch.token === null ? null : hashToken(patch.token);
    const camera = patch.cameraId === null ? undefined : (patch.cameraId ?? cur.cameraId);
    const config: AnalyticsSourceConfig = {
      name: patch.name ?? cur.name ?? '', description: patch.description ?? cur.description, allowedAddresses: patch.allowedAddresses ?? cur.allowedAddresses,
      maxEventsPerSecond: patch.maxEventsPerSecond ?? cur.maxEventsPerSecond, enabled: patch.enabled ?? cur.enabled, ...(camera !== undefined ? { cameraId: camera } : {}),
    };
    const p = analyticsSourceProblem({ ...config, hasToken: hash !== null }, this.cameraIds());
    if (p) throw new VmsError('VMS_ERR_BAD_INPUT', `${p.field}: ${p.message}`, { field: p.field });
    return { config, tokenHash: hash };
  }

  /** Re-reads the sources into memory; after each change here, and after a configuration restore wrote them. */
  reload(): void {
    this.byName.clear();
    for (const r of this.db.prepare('SELECT * FROM analytics_source').all() as Row[]) {
      const entry = { source: toSource(r), tokenHash: r.token_hash };
      this.byName.set(r.name.toLowerCase(), entry);
      this.byName.set(r.id.toLowerCase(), entry);
    }
    this.loaded = true;
  }
}

function uniqueName(e: unknown, name: string): unknown {
  return (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ? new VmsError('VMS_ERR_CONFLICT', `an analytics source named ${name.trim()} exists`, { field: 'name' }) : e;
}
