import { lineProgress } from '../src/core/progress';

/** Where the benchmark reports what it is doing: stderr, so that a run's stdout stays clean. */
export const progress = lineProgress();

/** One progress line, stamped with the time of day. */
export const log = (msg: string): void => progress.info(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
