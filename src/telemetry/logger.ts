import { trace } from '@opentelemetry/api';
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
    // A line written while a span is active names it, so logs and traces find each other.
    mixin: traceFields,
  };
  return destination ? pino(options, destination) : pino(options);
}

function traceFields(): Record<string, string> {
  const context = trace.getActiveSpan()?.spanContext();
  return context && trace.isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}
