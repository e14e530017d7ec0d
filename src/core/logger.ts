import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON lines in production; readable lines in development when pino-pretty (a dev dependency) is installed. */
export function createLogger(options: { env: string; level: string }): Logger {
  if (options.env !== 'production') {
    try {
      require.resolve('pino-pretty');
      return pino({
        level: options.level,
        transport: {
          target: 'pino-pretty',
          options: { colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' },
        },
      });
    } catch {
      /* not installed (production image): fall through to JSON */
    }
  }
  return pino({ level: options.level });
}
