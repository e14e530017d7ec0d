import type { RequestHandler } from 'express';
import { withDeadline } from '../core/availability';
import type { Database } from '../core/database';
import { migrationsApplied } from '../core/migrate';
import { MIGRATIONS_DIR } from '../core/paths';

/**
 * GET /readyz: 200 when the database answers and the migrations are applied, else 503. It always answers
 * within timeoutMs: the database's answer is a cached probe shared with the read path, and the migrations,
 * once found applied, are not checked again (an outage does not undo them; after a restart on a cold
 * database that check alone took seconds).
 */
export function readinessHandler(db: Database, options: { timeoutMs: number; details: boolean }): RequestHandler {
  let migrated = false;
  const check = async (): Promise<{ ready: boolean; reason?: string; detail?: string }> => {
    const verdict = await db.availability.check();
    if (!verdict.up) return { ready: false, reason: 'database unreachable', detail: verdict.reason };
    migrated ||= await migrationsApplied(db, MIGRATIONS_DIR);
    return migrated ? { ready: true } : { ready: false, reason: 'migrations not applied' };
  };
  return async (_req, res) => {
    try {
      const { ready, reason, detail } = await withDeadline(check(), options.timeoutMs, 'the readiness check');
      if (ready) res.json({ status: 'ready' });
      else res.status(503).json({ status: 'not ready', reason, ...(options.details && detail ? { detail } : {}) });
    } catch (err) {
      res.status(503).json({
        status: 'not ready',
        reason: 'database unreachable',
        ...(options.details ? { detail: (err as Error).message } : {}),
      });
    }
  };
}
