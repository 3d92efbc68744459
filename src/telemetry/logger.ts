import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout. Secrets never reach here: callers log ids and outcomes, not headers. */
export function createLogger(level: string, name = 'barrage', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['*.authorization', '*.secret', '*.apiKey', 'headers'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
