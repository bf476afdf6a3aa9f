import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
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
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const crashAfter = values['crash-after-publish'] ? Number(values['crash-after-publish']) : null;
  const runtime = await startLocalRuntime({
    root,
    fresh: values.fresh,
    ...(crashAfter ? { crashAfterPublish: { publishes: crashAfter, crash: () => process.exit(137) } } : {}),
  });
  // Like a first timer tick, without waiting a whole schedule period.
  const first = runtime.runUntilIdle();
  if (values['until-idle']) {
    await first;
    console.log(runtime.summary());
    await runtime.stop();
    return 0;
  }
  first.catch(() => undefined);
  console.log('running; Ctrl+C to stop');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log(runtime.summary());
  await runtime.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(`settings are not valid:\n- ${error.problems.join('\n- ')}`);
    } else {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    process.exit(1);
  },
);
