/** The follower of the change log that every API replica runs, publishing each entry to local subscribers. */
import type { Change, ChangePage, ChangeSource } from './change-log';
import type { Logger } from './logger';

/** Receives each change once, in sequence order. */
export type ChangeListener = (change: Change) => void;

/** What subscriptions need of the follower: to be told of each change from now on. */
export interface ChangeFeed {
  /** Calls listener for every change after this moment; returns the function that stops it. */
  subscribe(listener: ChangeListener): () => void;
}

/** How the follower polls and prunes (config.changeFeed). */
export interface FollowerOptions {
  /** Pause between polls that found nothing more to read. */
  pollMs: number;
  /** Most entries one poll reads; a full page is followed at once by the next. */
  pageSize: number;
  /** Entries older than this are pruned. */
  retentionMs: number;
  /** How often the follower prunes. */
  pruneEveryMs: number;
  /** Most entries one prune statement deletes. */
  pruneBatch: number;
}

/** Where the follower stands after a page: what to deliver, its new position, whether the log was reset. */
export interface Advance {
  deliver: Change[];
  position: number;
  reset: boolean;
}

/**
 * The pure step of following: the page's entries after `position`, in seq order and each once, and the new
 * position (the last delivered). A head below the position means the log was reset (its counter deleted with
 * the graph): the follower goes back to 0, where the new log's entries begin.
 */
export function advance(position: number, page: ChangePage): Advance {
  if (page.head < position) return { deliver: [], position: 0, reset: true };
  const deliver = page.changes.filter((c) => c.seq > position).sort((a, b) => a.seq - b.seq);
  const unique = deliver.filter((c, i) => i === 0 || c.seq !== deliver[i - 1]!.seq);
  return { deliver: unique, position: unique.at(-1)?.seq ?? position, reset: false };
}

// Bounds the prune loop of one round, so a long backlog is worked off over several rounds.
const MAX_PRUNE_BATCHES_PER_ROUND = 10;

/**
 * Polls the log for entries after the last one it delivered and hands each to the listeners. It starts at
 * the log's head (a replica delivers what is written after it starts), survives the database going away
 * (reads fail while the availability gate is closed; it retries every pollMs from the same position, so
 * nothing is skipped) and prunes entries past retention now and then.
 */
export class ChangeFollower implements ChangeFeed {
  private position: number | null = null;
  private readonly listeners = new Set<ChangeListener>();
  private readonly resetListeners = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private stopped = true;
  private failing: string | null = null;
  private lastPrune = 0;

  constructor(
    private readonly source: ChangeSource,
    private readonly options: FollowerOptions,
    private readonly logger: Logger,
  ) {}

  /** The last sequence number delivered (or the head it started from); null until the log was first read. */
  get seq(): number | null {
    return this.position;
  }

  /** Reads the head (if the database answers) and starts polling; never throws. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.lastPrune = Date.now();
    await this.catchUp();
    this.schedule(this.options.pollMs);
  }

  /** Stops polling and waits for a round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
  }

  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Registers a listener of resets of the log (the graph was deleted with its counter: no change is delivered
   * for that, but whatever was derived from the old graph is stale); returns the function that removes it.
   */
  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /**
   * One round: reads pages until one is not full, delivering every entry, then prunes if due. Resolves to
   * the number of changes delivered; a failed read is logged and left for the next round.
   */
  async poll(): Promise<number> {
    if (this.position === null && !(await this.catchUp())) return 0;
    let delivered = 0;
    try {
      for (;;) {
        const page = await this.source.after(this.position!, this.options.pageSize);
        const step = advance(this.position!, page);
        if (step.reset) {
          this.logger.warn({ from: this.position }, 'change log was reset; following it from seq 0');
          this.notifyReset();
        }
        this.position = step.position;
        for (const change of step.deliver) this.publish(change);
        delivered += step.deliver.length;
        if (step.reset || page.changes.length < this.options.pageSize) break;
      }
      this.recovered();
    } catch (err) {
      this.failed(err);
      return delivered;
    }
    await this.pruneIfDue();
    return delivered;
  }

  private async catchUp(): Promise<boolean> {
    try {
      this.position ??= await this.source.head();
      this.recovered();
      return true;
    } catch (err) {
      this.failed(err);
      return false;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.poll().then(
        () => this.schedule(this.options.pollMs),
        () => this.schedule(this.options.pollMs),
      );
    }, ms);
  }

  private publish(change: Change): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (err) {
        this.logger.error({ err, seq: change.seq }, 'a change listener failed');
      }
    }
  }

  private notifyReset(): void {
    for (const listener of this.resetListeners) {
      try {
        listener();
      } catch (err) {
        this.logger.error({ err }, 'a change log reset listener failed');
      }
    }
  }

  // One line when reading starts failing and one when it works again, not one per poll.
  private failed(err: unknown): void {
    const reason = err instanceof Error ? err.message : String(err);
    if (this.failing === null)
      this.logger.warn(
        { reason, seq: this.position },
        `change feed cannot read the log; retrying every ${this.options.pollMs} ms`,
      );
    this.failing = reason;
  }

  private recovered(): void {
    if (this.failing !== null) this.logger.info({ seq: this.position }, 'change feed reads the log again');
    this.failing = null;
  }

  private async pruneIfDue(): Promise<void> {
    if (Date.now() - this.lastPrune < this.options.pruneEveryMs) return;
    this.lastPrune = Date.now();
    try {
      for (let i = 0; i < MAX_PRUNE_BATCHES_PER_ROUND; i++) {
        const deleted = await this.source.prune(this.options.retentionMs, this.options.pruneBatch);
        if (deleted < this.options.pruneBatch) break;
      }
    } catch (err) {
      // Replicas prune the same entries; losing that race, or an outage, only delays pruning to the next round.
      this.logger.debug({ err }, 'change log prune failed');
    }
  }
}
