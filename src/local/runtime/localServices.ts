import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startAzuriteTable, type RunningAzurite } from '../azurite.js';
import { startErpSimulator, type ErpSimulator } from '../erpSimulator/index.js';
import { startHmSimulator } from '../hmSimulator/startHmSimulator.js';
import type { HmFaults, HmSimulator } from '../hmSimulator/simulatorTypes.js';

/** The outside systems of a local run: each one started here unless the user pointed at a real one. */
export interface LocalParts {
  azurite: RunningAzurite | null;
  erp: ErpSimulator | null;
  hm: HmSimulator | null;
  /** Settings that point the app at what was started here. */
  env: Record<string, string | undefined>;
  close(): Promise<void>;
}

export interface LocalPartsOptions {
  settings: Record<string, string>;
  userSet: Set<string>;
  dataDir: string;
  /** 'ephemeral' picks free ports (tests); otherwise the ports of the sample URLs. */
  ports: 'sample' | 'ephemeral';
  erpScenario: { orderCount: number; durationMs: number; seed?: number };
  hmFaults: HmFaults;
}

const portOf = (url: string | undefined, fallback: number) => {
  const port = url ? Number(new URL(url).port) : NaN;
  return Number.isInteger(port) && port > 0 ? port : fallback;
};

/**
 * Starts Azurite (from the npm package, data under LOCAL_DATA_DIR), the ERP simulator and the H&M
 * simulator, except where the user set TableStorageConnection, ERP_BASE_URL or HM_API_URL.
 */
export async function startLocalParts(options: LocalPartsOptions): Promise<LocalParts> {
  const { settings, userSet, dataDir } = options;
  const env: Record<string, string | undefined> = {};
  const started: { close(): Promise<void> | void }[] = [];
  try {
    let azurite: RunningAzurite | null = null;
    if (!userSet.has('TableStorageConnection') && !userSet.has('TableStorageConnection__tableServiceUri')) {
      const location = path.join(dataDir, 'azurite');
      mkdirSync(location, { recursive: true });
      azurite = await startAzuriteTable({ location });
      started.push({ close: () => azurite?.stop() });
      env['TableStorageConnection'] = azurite.connectionString;
    }

    let erp: ErpSimulator | null = null;
    if (!userSet.has('ERP_BASE_URL')) {
      erp = await startErpSimulator({
        port: options.ports === 'ephemeral' ? 0 : portOf(settings['ERP_BASE_URL'], 6017),
        authMode: settings['ERP_AUTH_MODE'] === 'session' ? 'session' : 'basic',
        username: settings['ERP_USERNAME'] ?? 'local-erp-user',
        password: settings['ERP_PASSWORD'] ?? 'local-erp-password-not-real',
        orderCount: options.erpScenario.orderCount,
        durationMs: options.erpScenario.durationMs,
        ...(options.erpScenario.seed === undefined ? {} : { seed: options.erpScenario.seed }),
      });
      started.push(erp);
      env['ERP_BASE_URL'] = erp.url;
    }

    let hm: HmSimulator | null = null;
    if (!userSet.has('HM_API_URL')) {
      hm = await startHmSimulator({
        port: options.ports === 'ephemeral' ? 0 : portOf(settings['HM_API_URL'], 7443),
        tenantId: settings['HM_TENANT_ID'] ?? '',
        clientId: settings['HM_CLIENT_ID'] ?? '',
        clientSecret: settings['HM_CLIENT_SECRET'] ?? '',
        resource: settings['HM_RESOURCE'] ?? '',
        subscriptionKey: settings['HM_SUBSCRIPTION_KEY'] ?? '',
        faults: options.hmFaults,
        // H&M remembers what it accepted: a restart on the same LOCAL_DATA_DIR keeps it, --fresh forgets it.
        stateFile: path.join(dataDir, 'hm-simulator-accepted.jsonl'),
      });
      started.push(hm);
      // The simulator's certificate is made at start: trust exactly it, through HM_CA_FILE.
      const caFile = path.join(dataDir, 'hm-simulator-ca.pem');
      writeFileSync(caFile, hm.caPem);
      Object.assign(env, { HM_API_URL: hm.url, HM_AUTHORITY_HOST: hm.authorityHost, HM_CA_FILE: caFile });
    } else if (!userSet.has('HM_CA_FILE')) {
      // The sample's CA file is the simulator's; a real H&M presents a publicly trusted certificate.
      env['HM_CA_FILE'] = undefined;
    }

    return {
      azurite,
      erp,
      hm,
      env,
      async close() {
        for (const part of started.reverse()) await part.close();
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.close();
    throw error;
  }
}
