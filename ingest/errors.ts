/** A problem with one input file: names the file, where in it, and what is wrong. */
export class IngestInputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly where?: string,
  ) {
    super(`${file}${where ? ` (${where})` : ''}: ${problem}`);
    this.name = 'IngestInputError';
  }
}
