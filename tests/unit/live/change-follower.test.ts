import { advance, ChangeFollower, type FollowerOptions } from '../../../src/core/change-follower';
import type { Change, ChangePage, ChangeSource } from '../../../src/core/change-log';
import { createLogger } from '../../../src/core/logger';

function change(seq: number, articleId = `a${seq}`): Change {
  return {
    seq,
    at: new Date(0).toISOString(),
    kind: 'INGESTED',
    articleId,
    title: articleId,
    origin: 'curated',
    published: null,
    entityIds: [],
  };
}

/** A log in memory, written by the test; reads can be made to fail, as while the database is down. */
class MemoryLog implements ChangeSource {
  entries: Change[] = [];
  down = false;
  reads: number[] = [];
  pruned = 0;
  append(count: number): void {
    for (let i = 0; i < count; i++) this.entries.push(change((this.entries.at(-1)?.seq ?? 0) + 1));
  }
  private gate(): void {
    if (this.down) throw new Error('the database is unavailable');
  }
  async head() {
    this.gate();
    return this.entries.at(-1)?.seq ?? 0;
  }
  async after(after: number, limit: number): Promise<ChangePage> {
    this.gate();
    this.reads.push(after);
    return { head: await this.head(), changes: this.entries.filter((c) => c.seq > after).slice(0, limit) };
  }
  async prune(_olderThanMs: number, limit: number) {
    this.gate();
    const deleted = Math.min(limit, this.entries.length);
    this.pruned += deleted;
    return deleted;
  }
}

const OPTIONS: FollowerOptions = {
  pollMs: 60_000,
  pageSize: 3,
  retentionMs: 1,
  pruneEveryMs: 3_600_000,
  pruneBatch: 2,
};
const logger = createLogger({ env: 'test', level: 'silent' });

async function following(log: MemoryLog, options: Partial<FollowerOptions> = {}) {
  const follower = new ChangeFollower(log, { ...OPTIONS, ...options }, logger);
  const seen: number[] = [];
  follower.subscribe((c) => seen.push(c.seq));
  await follower.start();
  return { follower, seen };
}

describe('advance: one page of the log', () => {
  it('delivers the entries after the position in seq order, each once, and moves to the last', () => {
    const page = { head: 7, changes: [change(6), change(5), change(7), change(6), change(4)] };
    expect(advance(4, page)).toEqual({ deliver: [change(5), change(6), change(7)], position: 7, reset: false });
  });

  it('stays where it is on an empty page', () => {
    expect(advance(9, { head: 9, changes: [] })).toEqual({ deliver: [], position: 9, reset: false });
  });

  it('goes back to 0 when the head is below the position: the log was reset', () => {
    expect(advance(9, { head: 2, changes: [] })).toEqual({ deliver: [], position: 0, reset: true });
  });
});

describe('ChangeFollower', () => {
  it('starts at the head: what was logged before it started is not delivered', async () => {
    const log = new MemoryLog();
    log.append(4);
    const { follower, seen } = await following(log);
    expect(follower.seq).toBe(4);
    log.append(2);
    expect(await follower.poll()).toBe(2);
    expect(seen).toEqual([5, 6]);
    await follower.stop();
  });

  it('reads page after page in one round until a page is not full', async () => {
    const log = new MemoryLog();
    const { follower, seen } = await following(log);
    log.append(8);
    expect(await follower.poll()).toBe(8);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(log.reads).toEqual([0, 3, 6]);
    await follower.stop();
  });

  it('delivers nothing while the log cannot be read, then everything missed, in order, from where it stopped', async () => {
    const log = new MemoryLog();
    const { follower, seen } = await following(log);
    log.append(1);
    await follower.poll();
    log.down = true;
    log.append(4);
    expect(await follower.poll()).toBe(0);
    expect(await follower.poll()).toBe(0);
    log.down = false;
    expect(await follower.poll()).toBe(4);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    await follower.stop();
  });

  it('reads the head on its first good round when the database was down at start', async () => {
    const log = new MemoryLog();
    log.append(3);
    log.down = true;
    const { follower, seen } = await following(log);
    expect(follower.seq).toBeNull();
    log.down = false;
    await follower.poll();
    expect(follower.seq).toBe(3);
    log.append(1);
    await follower.poll();
    expect(seen).toEqual([4]);
    await follower.stop();
  });

  it('keeps delivering to the other listeners when one throws, and stops calling a removed one', async () => {
    const log = new MemoryLog();
    const { follower, seen } = await following(log);
    const removed: number[] = [];
    const unsubscribe = follower.subscribe((c) => removed.push(c.seq));
    follower.subscribe(() => {
      throw new Error('listener bug');
    });
    log.append(1);
    await follower.poll();
    unsubscribe();
    log.append(1);
    await follower.poll();
    expect(seen).toEqual([1, 2]);
    expect(removed).toEqual([1]);
    await follower.stop();
  });

  it('prunes in bounded batches when due, at most ten per round', async () => {
    const log = new MemoryLog();
    log.append(50);
    const { follower } = await following(log, { pruneEveryMs: 0 });
    await follower.poll();
    expect(log.pruned).toBe(20);
    await follower.stop();
  });

  it('tells reset listeners when the log was reset (the graph deleted with its counter), and only then', async () => {
    const log = new MemoryLog();
    log.append(5);
    const { follower, seen } = await following(log);
    let resets = 0;
    follower.onReset(() => (resets += 1));
    log.append(1);
    await follower.poll();
    expect(resets).toBe(0);
    log.entries = [];
    await follower.poll();
    expect(resets).toBe(1);
    log.append(2);
    await follower.poll();
    expect(seen).toEqual([6, 1, 2]);
    expect(resets).toBe(1);
    await follower.stop();
  });
});
