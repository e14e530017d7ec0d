/** One of several problems found in a file: where (a path and line, e.g. "events[0].quotes[0], line 12") and what. */
export interface InputProblem {
  where: string;
  problem: string;
}

/**
 * A problem with one input file: names the file, where in it, and what is wrong. When a check found several,
 * `problems` lists each with its own place (the message lists them too).
 */
export class IngestInputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly where?: string,
    readonly problems?: readonly InputProblem[],
  ) {
    super(`${file}${where ? ` (${where})` : ''}: ${problem}`);
    this.name = 'IngestInputError';
  }
}
