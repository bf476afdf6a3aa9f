import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config.js';
import { startLocalRuntime } from './runtime/localRuntime.js';

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
