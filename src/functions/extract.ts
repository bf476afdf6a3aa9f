import { app, type InvocationContext, type Timer } from '@azure/functions';
import { runExtract, type ExtractSummary } from '../app/extract/runExtract.js';
import { getServices } from '../compositionRoot.js';
import { contextLogger } from './contextLogger.js';

/** Timer: one bounded extract run (both ERP feeds → Service Bus, then the cursors). */
export async function extractHandler(_timer: Timer, context: InvocationContext): Promise<ExtractSummary> {
  const services = await getServices();
  return runExtract({ ...services.extract, logger: contextLogger(context) });
}

app.timer('extract', {
  schedule: '%EXTRACT_SCHEDULE%',
  // Overlapping runs are safe (ETag-checked cursor, deterministic message ids); the host's singleton lock makes them rare.
  runOnStartup: false,
  handler: extractHandler,
});
