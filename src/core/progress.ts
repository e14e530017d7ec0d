/** Where long-running work reports what it is doing: plain lines, or a bar when on a terminal. */
export interface Progress {
  info(line: string): void;
}

/** Progress that prints each line to a stream (stderr by default, so stdout stays clean for data). */
export function lineProgress(stream: NodeJS.WritableStream = process.stderr): Progress {
  return { info: (line) => stream.write(`${line}\n`) };
}

/** Progress that discards everything (tests, library use). */
export const silentProgress: Progress = { info: () => undefined };

/** A counter that draws a bar on a TTY and prints a line per step elsewhere. */
export class ProgressBar {
  private done = 0;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream | NodeJS.WritableStream = process.stderr,
  ) {}

  private get isTTY(): boolean {
    return Boolean((this.stream as NodeJS.WriteStream).isTTY);
  }

  /** Advances by one and shows what was just finished. */
  tick(item: string): void {
    this.done += 1;
    if (this.isTTY) {
      const width = 24;
      const filled = this.total === 0 ? width : Math.round((this.done / this.total) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const secs = ((Date.now() - this.started) / 1000).toFixed(1);
      this.stream.write(`\r\x1b[2K${this.label} ${bar} ${this.done}/${this.total} ${secs}s ${item}`.slice(0, 200));
      if (this.done === this.total) this.stream.write('\n');
    } else {
      this.stream.write(`${this.label} ${this.done}/${this.total} ${item}\n`);
    }
  }
}

/** Times named phases of a start-up, each reported as one plain line with its duration. */
export interface PhaseClock {
  time<T>(phase: string, work: () => Promise<T>): Promise<T>;
}

/**
 * A clock that writes `start-up: <phase> in N ms (done at T s)` per phase, T counted from the process's start
 * (performance.now()), so that module loading and phases run side by side show where the time goes.
 */
export function phaseClock(progress: Progress): PhaseClock {
  return {
    async time(phase, work) {
      const began = performance.now();
      const result = await work();
      const end = performance.now();
      progress.info(`start-up: ${phase} in ${Math.round(end - began)} ms (done at ${(end / 1000).toFixed(2)} s)`);
      return result;
    },
  };
}

/** A clock that only runs the work (library use, tests). */
export const untimedPhases: PhaseClock = { time: (_phase, work) => work() };
