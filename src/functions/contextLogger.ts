import type { InvocationContext } from '@azure/functions';
import type { Logger } from '../app/ports.js';

/** A Logger writing through the invocation context, so lines land in Application Insights with the invocation id. */
export function contextLogger(context: InvocationContext): Logger {
  const line = (message: string, fields?: Record<string, unknown>) => (fields ? `${message} ${JSON.stringify(fields)}` : message);
  return {
    info: (message, fields) => context.log(line(message, fields)),
    warn: (message, fields) => context.warn(line(message, fields)),
    error: (message, fields) => context.error(line(message, fields)),
  };
}
