import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import azureFunctions, { type Timer } from '@azure/functions';
import type { ChangePublisher, Logger } from '../../app/ports.js';
import { configureServices, getServices, type Services } from '../../compositionRoot.js';
import { describeConfig, loadConfig } from '../../config.js';
import { dispatchHandler } from '../../functions/dispatch.js';
import { extractHandler } from '../../functions/extract.js';
import { bulkResyncHandler, listIntegrationsHandler, orderTimelineHandler, resyncHandler } from '../../functions/status.js';
import { startHttpHost } from '../httpHost.js';
import { createInProcessQueue } from '../inProcessQueue/inProcessQueue.js';
import type { InProcessQueue } from '../inProcessQueue/types.js';
import { loadLocalSettings, userSetSettings } from '../localSettings.js';
import { startTimerLoop, type TimerLoop } from '../timerLoop.js';
import { localSettingsSchema, parseFaults } from './localSettingNames.js';
import { startLocalParts, type LocalParts } from './localServices.js';
import { Progress } from './progress.js';

export interface LocalRuntimeOptions {
  /** The project folder (local.settings*.json, default LOCAL_DATA_DIR base). */
  root: string;
  env?: NodeJS.ProcessEnv;
  /** Start from empty stores (`--fresh`). */
  fresh?: boolean;
  /** 'ephemeral': free ports for the HTTP host and simulators (tests); default: 7071 and the sample's ports. */
  ports?: 'sample' | 'ephemeral';
  print?: (line: string) => void;
  progressEveryMs?: number;
  /** Test hook (`--crash-after-publish N`): called right after the Nth publish, before the cursor moves. */
  crashAfterPublish?: { publishes: number; crash: () => void };
}

export interface LocalRuntime {
  httpUrl: string;
  parts: LocalParts;
  queue: InProcessQueue;
  progress: Progress;
  services: Services;
  dataDir: string;
  /** Resolves once the ERP scenario has unfolded, both feeds are drained and the queue is empty. */
  runUntilIdle(): Promise<void>;
  /** Prints the closing summary. */
  summary(): string;
  stop(): Promise<void>;
}

// @azure/functions is CommonJS: its classes are reachable from ESM only through module.exports.
const { InvocationContext } = azureFunctions;

const timerInput: Timer = { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };

/**
 * Validates the settings before Azurite or a simulator starts, so a bad one is named by the settings
 * check rather than found later by a simulator. What the runtime itself provides is left out.
 */
function checkSettingsBeforeStart(settings: Record<string, string>, userSet: Set<string>): void {
  const ownTables = !userSet.has('TableStorageConnection') && !userSet.has('TableStorageConnection__tableServiceUri');
  loadConfig({
    ...settings,
    ServiceBusConnection: 'inprocess',
    ServiceBusConnection__fullyQualifiedNamespace: undefined,
    ...(ownTables ? { TableStorageConnection: 'UseDevelopmentStorage=true' } : {}),
    // The simulator's CA file is written once it has started.
    ...(userSet.has('HM_CA_FILE') ? {} : { HM_CA_FILE: undefined }),
  });
}

/**
 * `npm start`: the real job on the embedded default. Azurite (npm package), the in-process queue with
 * Service Bus session semantics, the ERP and H&M simulators, and the three functions' own handlers:
 * the extract timer on EXTRACT_SCHEDULE, the dispatch consumer, and the HTTP API on port 7071.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const print = options.print ?? ((line: string) => console.log(line));
  const env = options.env ?? process.env;
  const settings = loadLocalSettings(options.root, env);
  const local = localSettingsSchema.parse(settings);
  const userSet = userSetSettings(options.root, env);
  checkSettingsBeforeStart(settings, userSet);
  const dataDir = path.resolve(options.root, local.LOCAL_DATA_DIR);
  if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, 'runtime.log');
  const writeLog = (line: string) => appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
  const fileLogger: Logger = {
    info: (m, f) => writeLog(`info ${m} ${f ? JSON.stringify(f) : ''}`),
    warn: (m, f) => writeLog(`warn ${m} ${f ? JSON.stringify(f) : ''}`),
    error: (m, f) => writeLog(`error ${m} ${f ? JSON.stringify(f) : ''}`),
  };

  const parts = await startLocalParts({
    settings,
    userSet,
    dataDir,
    ports: options.ports ?? (local.LOCAL_HTTP_PORT === 0 ? 'ephemeral' : 'sample'),
    erpScenario: { orderCount: local.LOCAL_SIM_ORDERS, durationMs: local.LOCAL_SIM_DURATION_MS },
    hmFaults: parseFaults(local.LOCAL_HM_FAULTS),
  });
  const progress = new Progress();
  let queue: InProcessQueue | null = null;
  let timer: TimerLoop | null = null;
  let http: Awaited<ReturnType<typeof startHttpHost>> | null = null;
  try {
    const createdQueue = createInProcessQueue({
      dataDir: path.join(dataDir, 'queue'),
      maxDeliveryCount: Number(settings['SERVICEBUS_MAX_DELIVERY_COUNT'] ?? 10),
      // As the Bicep's queue: one day of duplicate detection.
      duplicateDetectionWindowMs: 24 * 60 * 60 * 1000,
      logger: fileLogger,
      onDeadLetter: () => {
        progress.deadLettered += 1;
      },
    });
    queue = createdQueue;
    let publishes = 0;
    const publisher: ChangePublisher = {
      async publish(messages) {
        await createdQueue.publish(messages);
        publishes += 1;
        if (options.crashAfterPublish && publishes === options.crashAfterPublish.publishes) options.crashAfterPublish.crash();
      },
    };
    // The in-process queue stands in for Service Bus whatever ServiceBusConnection says.
    const appEnv = { ...settings, ...parts.env, ServiceBusConnection: 'inprocess', ServiceBusConnection__fullyQualifiedNamespace: undefined };
    await configureServices({ env: appEnv, publisher, logger: fileLogger });
    const services = await getServices();
    for (const [section, values] of Object.entries(describeConfig(services.config))) print(`settings ${section}: ${JSON.stringify(values)}`);

    const context = (functionName: string, triggerMetadata?: Record<string, unknown>) =>
      new InvocationContext({
        invocationId: randomUUID(),
        functionName,
        ...(triggerMetadata ? { triggerMetadata } : {}),
        logHandler: (level, ...args) => writeLog(`${level} [${functionName}] ${args.map(String).join(' ')}`),
      });

    timer = startTimerLoop(
      services.config.extract.schedule,
      async () => progress.onExtract(await extractHandler(timerInput, context('extract'))),
      (error) => {
        writeLog(`error extract run failed: ${error instanceof Error ? error.message : String(error)}`);
        print(`extract run failed (the next tick retries): ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    const consume = () =>
      createdQueue.start(
        async (message) => {
          try {
            progress.onDispatch(await dispatchHandler(message.body, context('dispatch', { messageId: message.messageId, sessionId: message.sessionId, deliveryCount: message.deliveryCount })));
          } catch (error) {
            progress.retries += 1;
            throw error;
          }
        },
        { maxConcurrentSessions: 16 },
      );
    // In crash-test mode the consumer waits, so the only thing the crash can interrupt is the extract.
    if (!options.crashAfterPublish) consume();

    http = await startHttpHost(
      [
        { method: 'GET', route: 'integrations', functionName: 'listIntegrations', handler: listIntegrationsHandler },
        { method: 'GET', route: 'integrations/{orderNumber}', functionName: 'orderTimeline', handler: orderTimelineHandler },
        { method: 'POST', route: 'integrations/resync', functionName: 'bulkResync', handler: bulkResyncHandler },
        { method: 'POST', route: 'integrations/{orderNumber}/resync', functionName: 'resyncOrder', handler: resyncHandler },
      ],
      options.ports === 'ephemeral' ? 0 : local.LOCAL_HTTP_PORT,
      writeLog,
    );
    print(`status API: ${http.url}/api/integrations   (log: ${logFile})`);
    print(`ERP: ${parts.erp ? `simulator ${parts.erp.url} (${local.LOCAL_SIM_ORDERS} orders over ${local.LOCAL_SIM_DURATION_MS / 1000} s)` : 'ERP_BASE_URL'} | H&M: ${parts.hm ? `simulator ${parts.hm.url}` : 'HM_API_URL'} | tables: ${parts.azurite ? 'Azurite' : 'TableStorageConnection'}`);

    const every = options.progressEveryMs ?? 5000;
    const ticker = every > 0 ? setInterval(() => print(progress.line(createdQueue.stats().active)), every) : null;
    ticker?.unref();

    const runtimeTimer = timer;
    const runtimeHttp = http;
    return {
      httpUrl: runtimeHttp.url,
      parts,
      queue: createdQueue,
      progress,
      services,
      dataDir,
      async runUntilIdle() {
        const erp = parts.erp;
        if (erp) {
          const remaining = local.LOCAL_SIM_DURATION_MS - erp.elapsedMs();
          if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
        }
        for (;;) {
          await runtimeTimer.runNow();
          await createdQueue.waitUntilIdle({ timeoutMs: 30 * 60 * 1000 });
          // Quiet once a run found nothing new in either feed. The sweep of held orders is not counted:
          // an order H&M still refuses stays held and is swept again on every run.
          const last = progress.lastExtract;
          if (last && last.feeds.orders.drained && last.feeds.returns.drained && last.feeds.orders.published + last.feeds.returns.published === 0) return;
        }
      },
      summary() {
        const lines = [`summary: ${progress.line(createdQueue.stats().active)}`];
        if (parts.hm) {
          const received = parts.hm.received();
          lines.push(`H&M simulator: ${received.filter((r) => r.status < 300).length} events accepted, ${received.filter((r) => r.status >= 400).length} refused (${received.length} requests this run; ${parts.hm.acceptedBefore()} events accepted before a restart are remembered)`);
        }
        lines.push(`failures: GET ${runtimeHttp.url}/api/integrations?state=FAILED (while npm start runs)`);
        return lines.join('\n');
      },
      async stop() {
        if (ticker) clearInterval(ticker);
        await runtimeTimer.stop();
        await createdQueue.stop();
        await runtimeHttp.close();
        await configureServices({});
        await parts.close();
      },
    };
  } catch (error) {
    await timer?.stop();
    await queue?.stop();
    await http?.close();
    await configureServices({});
    await parts.close();
    throw error;
  }
}
