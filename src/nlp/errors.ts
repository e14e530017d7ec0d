/** Why a CoreNLP request or start failed. */
export type CoreNlpErrorKind = 'unreachable' | 'timeout' | 'refused' | 'http' | 'bad-response' | 'start';

/** A CoreNLP failure; the message says what failed and where (the URL or the server's log). */
export class CoreNlpError extends Error {
  constructor(
    readonly kind: CoreNlpErrorKind,
    /** The URL, or the local server's log file. */
    readonly where: string,
    message: string,
  ) {
    super(message);
    this.name = 'CoreNlpError';
  }
}
