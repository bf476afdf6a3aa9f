import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStart } from './e2eKit.js';

interface Accepted {
  eventId: string;
  orderNumber: string;
  status: string;
}

/** The H&M simulator's memory file, one accepted event per line. */
const acceptedIn = (file: string): Accepted[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Accepted)
    : [];

/** The counts of the summary's H&M line: "H&M simulator: N events accepted, K refused …". */
function hmSummary(output: string): { accepted: number; refused: number } {
  const match = /H&M simulator: (\d+) events accepted, (\d+) refused/.exec(output);
  if (!match) throw new Error(`no H&M summary line in:\n${output}`);
  return { accepted: Number(match[1]), refused: Number(match[2]) };
}

/**
 * `npm start` stopped mid-scenario and started again on the same LOCAL_DATA_DIR: the H&M simulator
 * remembers the CREATEDs it accepted before the restart, so the later statuses of those orders are
 * accepted (no 404, no CREATED sent again) and nothing is refused.
 */
describe('H&M simulator memory across an npm start restart', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hm-memory-'));
  const memory = path.join(dir, 'hm-simulator-accepted.jsonl');
  // No ERP_BASE_URL / HM_API_URL: the runtime starts its own simulators.
  const env = {
    LOCAL_DATA_DIR: dir,
    LOCAL_HTTP_PORT: '0',
    LOCAL_SIM_ORDERS: '30',
    LOCAL_SIM_DURATION_MS: '3000',
    EXTRACT_SCHEDULE: '*/1 * * * * *',
  };

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses nothing after the restart and accepts each event once across both runs', async () => {
    const stopped = await runStart(['--fresh'], env, () => acceptedIn(memory).length >= 10);
    expect(stopped.code, stopped.output).toBe(130);
    const beforeRestart = acceptedIn(memory);
    // The summary is printed before the stop lets in-flight sessions finish: it may count fewer.
    const firstRun = hmSummary(stopped.output);
    expect(firstRun.refused, stopped.output).toBe(0);
    expect(firstRun.accepted).toBeLessThanOrEqual(beforeRestart.length);

    const resumed = await runStart(['--until-idle'], env);
    expect(resumed.code, resumed.output).toBe(0);
    const all = acceptedIn(memory);
    const afterRestart = all.slice(beforeRestart.length);
    expect(hmSummary(resumed.output)).toEqual({ accepted: afterRestart.length, refused: 0 });

    // The restart did put the memory to work: later statuses of orders created before it were sent after it.
    const createdBefore = new Set(beforeRestart.filter((e) => e.status === 'CREATED').map((e) => e.orderNumber));
    expect(afterRestart.filter((e) => e.status !== 'CREATED' && createdBefore.has(e.orderNumber)).length).toBeGreaterThan(0);
    // Nothing accepted twice: no eventId, and no order's CREATED (what a forgetful H&M's 404 makes the app resend).
    expect(new Set(all.map((e) => e.eventId)).size).toBe(all.length);
    const created = all.filter((e) => e.status === 'CREATED').map((e) => e.orderNumber);
    expect(new Set(created).size).toBe(created.length);

    // And once idle, a further restart sends nothing and is refused nothing.
    const again = await runStart(['--until-idle'], env);
    expect(again.code, again.output).toBe(0);
    expect(hmSummary(again.output)).toEqual({ accepted: 0, refused: 0 });
    expect(acceptedIn(memory)).toHaveLength(all.length);
  }, 240_000);
});
