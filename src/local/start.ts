import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { ConfigError } from '../config.js';

// Outside the Functions host, @azure/functions warns once per registration that it skips it. Here
// that is the point (this runtime hosts the handlers itself): say so once instead of six times.
const warn = console.warn.bind(console);
let explained = false;
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('WARNING:') && args[0].includes('"@azure/functions"')) {
    if (!explained) console.log('@azure/functions is in test mode (no Functions host): the local runtime hosts the handlers itself.');
    explained = true;
    return;
  }
  warn(...args);
};
const { startLocalRuntime } = await import('./runtime/localRuntime.js');

/**
 * `npm start [-- --fresh] [-- --until-idle]`: runs the job locally on the embedded default.
 * --fresh       start from empty stores (deletes LOCAL_DATA_DIR first)
 * --until-idle  exit 0 once the ERP feeds are drained and the queue is empty, printing the summary
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean', default: false },
      'until-idle': { type: 'boolean', default: false },
      // Test hook of the restart test: exit abruptly right after the Nth publish, before the cursor moves.
      'crash-after-publish': { type: 'string' },
    },
  });
  const stopRequested = onStopSignal();
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const crashAfter = values['crash-after-publish'] ? Number(values['crash-after-publish']) : null;
  const runtime = await startLocalRuntime({
    root,
    fresh: values.fresh,
    ...(crashAfter ? { crashAfterPublish: { publishes: crashAfter, crash: () => process.exit(137) } } : {}),
  });
  // Like a first timer tick, without waiting a whole schedule period.
  const first = runtime.runUntilIdle();
  first.catch(() => undefined);
  if (!values['until-idle']) console.log('running; Ctrl+C to stop');
  const idle = values['until-idle'] ? first.then(() => 'idle' as const) : new Promise<never>(() => undefined);
  const how = await Promise.race([idle, stopRequested.then(() => 'stopped' as const)]);
  // Stopping lets running work finish: the summary after it counts that work too.
  await runtime.stop();
  console.log(runtime.summary());
  return how === 'idle' ? 0 : 130;
}

/**
 * Resolves on the first SIGINT/SIGTERM. One Ctrl+C can arrive twice (from the terminal and relayed
 * by tsx), so a second signal is ignored while stopping; a third forces the exit.
 */
function onStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    let signals = 0;
    const onSignal = () => {
      signals += 1;
      if (signals === 1) {
        console.log('stopping (saving Azurite and the queue)…');
        resolve();
      } else if (signals >= 3) {
        console.error('forced exit');
        process.exit(130);
      }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** The message for a start-up failure, with the way out where one is known. */
function describeStartError(error: unknown): string {
  if (error instanceof ConfigError) return `settings are not valid:\n- ${error.problems.join('\n- ')}`;
  if (error instanceof ZodError) {
    return `local settings are not valid:\n- ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n- ')}`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return `${(error as Error).message}: another npm start may be running; stop it, or set LOCAL_HTTP_PORT=0 to use free ports`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeStartError(error));
    process.exit(1);
  },
);
