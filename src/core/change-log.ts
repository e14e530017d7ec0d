/** The change log in Neo4j: entries that writers append in their own transaction and API replicas follow. */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from './database';
import { namedQuery } from './named-queries';

/** What happened to an article: written for the first time, written again with other content, taken out. */
export const CHANGE_KINDS = ['INGESTED', 'UPDATED', 'RETRACTED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change as a writer records it: the article and the ids of the entities whose facts it touched. */
export interface ChangeRecord {
  kind: ChangeKind;
  articleId: string;
  title: string;
  origin: string;
  published: string | null;
  /** Every entity (events included) the article mentions now or mentioned before the change, sorted. */
  entityIds: string[];
}

/** A recorded change: its place in the log and when it was committed (ISO 8601, the database's clock). */
export interface Change extends ChangeRecord {
  seq: number;
  at: string;
}

/** A page of the log after some sequence number, and the last number handed out. */
export interface ChangePage {
  head: number;
  changes: Change[];
}

/**
 * Appends changes to the log inside the caller's transaction and returns their sequence numbers. Call it as
 * the transaction's last statement: it locks the log's counter until commit, so writers queue only for that.
 */
export async function recordChanges(tx: ManagedTransaction, changes: ChangeRecord[]): Promise<number[]> {
  if (changes.length === 0) return [];
  const result = await tx.run(namedQuery('changes/record'), { changes });
  return result.records.map((r) => r.get('seq') as number);
}

/** Where a follower reads the log; the Neo4j one is changeLogSource, tests of the paging logic give their own. */
export interface ChangeSource {
  /** The last sequence number handed out, 0 before any. */
  head(): Promise<number>;
  /** At most `limit` entries with seq > after, in seq order, and the head. */
  after(after: number, limit: number): Promise<ChangePage>;
  /** Deletes at most `limit` entries older than olderThanMs; returns how many went. */
  prune(olderThanMs: number, limit: number): Promise<number>;
}

/** The change log of this database, read and pruned through the Database (its reads honour the availability gate). */
export function changeLogSource(db: Database): ChangeSource {
  return {
    async head() {
      const [row] = await db.read<{ head: number }>(namedQuery('changes/head'));
      return row?.head ?? 0;
    },
    async after(after, limit) {
      const [row] = await db.read<ChangePage>(namedQuery('changes/page'), { after, limit });
      return row ?? { head: 0, changes: [] };
    },
    async prune(olderThanMs, limit) {
      const [row] = await db.write<{ deleted: number }>(namedQuery('changes/prune'), { olderThanMs, limit });
      return row?.deleted ?? 0;
    },
  };
}
