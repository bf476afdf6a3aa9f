import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { expectedOutcome, startErpSimulator, type ErpSimulator } from '../../src/local/erpSimulator/index.js';
import { startHmSimulator } from '../../src/local/hmSimulator/startHmSimulator.js';
import { startLocalRuntime, type LocalRuntime } from '../../src/local/runtime/localRuntime.js';
import type { HmSimulator } from '../../src/local/hmSimulator/simulatorTypes.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** How long the ERP simulator's scenario lasts on its manual clock. */
const TIMELINE_MS = 10_000;

const SIM = {
  tenantId: '00000000-0000-0000-0000-0000000000e2',
  clientId: 'e2e-client',
  clientSecret: 'e2e-secret-not-real',
  resource: 'api://hm-order-api-e2e',
  subscriptionKey: 'e2e-subscription-key',
  erpUser: 'e2e-erp-user',
  erpPassword: 'e2e-erp-password',
};

/** An ERP simulator on a manual clock and an H&M simulator, both outliving the runtimes under test. */
export async function startOutsideWorld(orderCount: number): Promise<{ erp: ErpSimulator; hm: HmSimulator; env: Record<string, string>; close(): Promise<void> }> {
  const erp = await startErpSimulator({ authMode: 'session', username: SIM.erpUser, password: SIM.erpPassword, orderCount, durationMs: TIMELINE_MS, clock: 'manual' });
  const hm = await startHmSimulator({ tenantId: SIM.tenantId, clientId: SIM.clientId, clientSecret: SIM.clientSecret, resource: SIM.resource, subscriptionKey: SIM.subscriptionKey });
  const dir = mkdtempSync(path.join(tmpdir(), 'hm-e2e-'));
  const caFile = path.join(dir, 'hm-ca.pem');
  writeFileSync(caFile, hm.caPem);
  const env = {
    LOCAL_DATA_DIR: path.join(dir, 'data'),
    LOCAL_HTTP_PORT: '0',
    EXTRACT_SCHEDULE: '*/1 * * * * *',
    ERP_BASE_URL: erp.url,
    ERP_AUTH_MODE: 'session',
    ERP_USERNAME: SIM.erpUser,
    ERP_PASSWORD: SIM.erpPassword,
    HM_API_URL: hm.url,
    HM_AUTHORITY_HOST: hm.authorityHost,
    HM_CA_FILE: caFile,
    HM_TENANT_ID: SIM.tenantId,
    HM_CLIENT_ID: SIM.clientId,
    HM_CLIENT_SECRET: SIM.clientSecret,
    HM_RESOURCE: SIM.resource,
    HM_SUBSCRIPTION_KEY: SIM.subscriptionKey,
  };
  return {
    erp,
    hm,
    env,
    async close() {
      await erp.close();
      await hm.close();
    },
  };
}

/** The local runtime with no console output, on the given settings (fresh stores unless told). */
export function startQuietRuntime(env: Record<string, string>, fresh = true): Promise<LocalRuntime> {
  return startLocalRuntime({ root: ROOT, env, fresh, progressEveryMs: 0, print: () => {} });
}

/**
 * Polls `polls` times, evenly across the ERP simulator's 10 s timeline: changes arrive between polls,
 * as they would in production. Each poll runs until the feeds are drained and the queue is empty.
 */
export async function pollAcrossTimeline(erp: ErpSimulator, runtime: LocalRuntime, polls: number): Promise<void> {
  for (let step = 1; step <= polls; step++) {
    erp.advanceTo((step * TIMELINE_MS) / polls);
    await runtime.runUntilIdle();
  }
}

/** What H&M accepted, per order: "STATUS" or "RETURNED:<returnId>", in the order received. */
export function acceptedByOrder(hm: HmSimulator): Map<string, string[]> {
  const byOrder = new Map<string, string[]>();
  for (const r of hm.received()) {
    if (r.status >= 300) continue;
    const body = r.body as { status: string; order: { orderNumber: string }; return?: { returnId: string } };
    const list = byOrder.get(body.order.orderNumber) ?? [];
    list.push(body.return ? `${body.status}:${body.return.returnId}` : body.status);
    byOrder.set(body.order.orderNumber, list);
  }
  return byOrder;
}

/** What the dataset says H&M must hold at the end, in the same notation. */
export function expectedByOrder(erp: ErpSimulator): Map<string, string[]> {
  const outcome = expectedOutcome(erp.dataset);
  return new Map(
    Object.values(outcome.orders)
      .filter((o) => o.sent.length > 0)
      .map((o) => [o.orderNumber, o.sent.map((s) => (s.returnId ? `${s.status}:${s.returnId}` : s.status))]),
  );
}

/**
 * Runs `npm start`'s entry point as a child process; resolves with its exit code and output. With
 * `stopWhen`, sends SIGTERM (as Ctrl+C does) once it holds: a polled condition, not a clock, so the
 * stop comes once enough has happened however slow the machine.
 */
export function runStart(args: string[], env: Record<string, string>, stopWhen?: () => boolean): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/start.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const poll = stopWhen
      ? setInterval(() => {
          if (!stopWhen()) return;
          if (poll) clearInterval(poll);
          child.kill('SIGTERM');
        }, 100)
      : null;
    child.once('error', (error) => {
      if (poll) clearInterval(poll);
      reject(error);
    });
    child.once('exit', (code) => {
      if (poll) clearInterval(poll);
      resolve({ code, output });
    });
  });
}
