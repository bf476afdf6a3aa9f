import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedByOrder, expectedByOrder, runStart, startOutsideWorld } from './e2eKit.js';

/**
 * A process killed after publishing a page of changes but before moving the cursor, then started
 * again on the same data folder: the page is read and published again, and H&M still receives
 * every status exactly once.
 */
describe('restart after a kill between publish and cursor move', () => {
  let world: Awaited<ReturnType<typeof startOutsideWorld>>;

  beforeAll(async () => {
    world = await startOutsideWorld(40);
    world.erp.revealAll();
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  it('sends nothing twice and nothing is lost', async () => {
    const crashed = await runStart(['--until-idle', '--crash-after-publish', '1'], world.env);
    expect(crashed.code, crashed.output).toBe(137);
    expect(world.hm.received()).toEqual([]);

    const resumed = await runStart(['--until-idle'], world.env);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain('summary:');

    const received = world.hm.received();
    expect(received.filter((r) => r.status !== 201)).toEqual([]);
    const ids = received.map((r) => (r.body as { eventId: string }).eventId);
    expect(new Set(ids).size).toBe(ids.length);
    const accepted = acceptedByOrder(world.hm);
    for (const [orderNumber, statuses] of expectedByOrder(world.erp)) expect(accepted.get(orderNumber) ?? [], orderNumber).toEqual(statuses);
  }, 180_000);
});

describe('npm start on the embedded default', () => {
  it('runs Azurite and both simulators itself and exits 0 with a summary once idle', async () => {
    const dir = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'hm-default-'));
    const run = await runStart(['--fresh', '--until-idle'], {
      LOCAL_DATA_DIR: dir,
      LOCAL_HTTP_PORT: '0',
      LOCAL_SIM_ORDERS: '30',
      LOCAL_SIM_DURATION_MS: '2000',
      EXTRACT_SCHEDULE: '*/1 * * * * *',
    });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/ERP: simulator http:\/\/127\.0\.0\.1:\d+/);
    expect(run.output).toMatch(/H&M simulator: \d+ events accepted, 0 refused/);
    expect(run.output).not.toContain('local-secret-not-real');
    expect(run.output).not.toContain('local-erp-password-not-real');
  }, 180_000);
});
