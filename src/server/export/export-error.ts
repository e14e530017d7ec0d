import { ErrorCode } from '../../core/errors';

/** A refused export: its HTTP status, its code, and the query parameter at fault when one is. */
export class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }

  /** The JSON body, shaped like the API's other errors: `{ errors: [{ message, extensions: { code, parameter } }] }`. */
  body(): object {
    const extensions = this.parameter ? { code: this.code, parameter: this.parameter } : { code: this.code };
    return { errors: [{ message: this.message, extensions }] };
  }
}

/** A bad query parameter (400): names it and says what is wrong. */
export function badParameter(parameter: string, problem: string): ExportError {
  return new ExportError(400, ErrorCode.BAD_USER_INPUT, `Parameter "${parameter}" ${problem}`, parameter);
}
