import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HmSimulator } from '../../../src/local/hmSimulator/startHmSimulator.js';
import { startHmSimulator } from '../../../src/local/hmSimulator/startHmSimulator.js';
import { createdEvent, mutable, shippedEvent } from './hmTestEvents.js';
import { SIM, simulatorHttp } from './simulatorHttp.js';

const dirs: string[] = [];
function tempStateFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hm-sim-state-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'hm-simulator-accepted.jsonl');
}

/** Runs `use` against a simulator started on `stateFile`, and always stops it. */
async function withSimulator<T>(stateFile: string | null, use: (sim: HmSimulator, io: ReturnType<typeof simulatorHttp>) => Promise<T>): Promise<T> {
  const sim = await startHmSimulator({ ...SIM, stateFile });
  const io = simulatorHttp(sim);
  try {
    return await use(sim, io);
  } finally {
    io.close();
    await sim.close();
  }
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('H&M simulator — memory across restarts (stateFile)', () => {
  it('answers 409 after a restart to an eventId it accepted before the restart', async () => {
    const file = tempStateFile();
    await withSimulator(file, async (sim, io) => {
      expect(sim.acceptedBefore()).toBe(0);
      expect((await io.postEvent(createdEvent('M-1'))).status).toBe(201);
    });
    await withSimulator(file, async (sim, io) => {
      expect(sim.acceptedBefore()).toBe(1);
      const res = await io.postEvent(createdEvent('M-1'));
      expect(res.status).toBe(409);
      expect(JSON.stringify(res.data)).toMatch(/event M-1:CREATED was already received at \d{4}-\d\d-\d\dT/);
    });
  });

  it('accepts after a restart a later status of an order whose CREATED it accepted before, and still 404s an unknown one', async () => {
    const file = tempStateFile();
    await withSimulator(file, async (_sim, io) => {
      expect((await io.postEvent(createdEvent('M-2'))).status).toBe(201);
    });
    await withSimulator(file, async (_sim, io) => {
      expect((await io.postEvent(shippedEvent('M-2'))).status).toBe(201);
      expect((await io.postEvent(shippedEvent('M-never-created'))).status).toBe(404);
    });
    await withSimulator(file, async (sim, io) => {
      expect(sim.acceptedBefore()).toBe(2);
      expect((await io.postEvent(shippedEvent('M-2'))).status).toBe(409);
    });
  });

  it('lists in received() only the requests of this process, not those of earlier runs', async () => {
    const file = tempStateFile();
    await withSimulator(file, async (_sim, io) => {
      expect((await io.postEvent(createdEvent('M-3'))).status).toBe(201);
    });
    await withSimulator(file, async (sim, io) => {
      expect(sim.received()).toEqual([]);
      await io.postEvent(shippedEvent('M-3'));
      expect(sim.received().map((r) => [(r.body as { eventId: string }).eventId, r.status])).toEqual([['M-3:SHIPPED', 201]]);
    });
  });

  it('writes one line per accepted event, on disk by the time the 2xx arrives, and nothing for refused ones', async () => {
    const file = tempStateFile();
    await withSimulator(file, async (_sim, io) => {
      expect((await io.postEvent(createdEvent('M-4'))).status).toBe(201);
      expect(lines(file).map((l) => JSON.parse(l) as unknown)).toEqual([
        { eventId: 'M-4:CREATED', orderNumber: 'M-4', status: 'CREATED', receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) as unknown },
      ]);
      const invalid = mutable(createdEvent('M-5'));
      invalid.statusTimestamp = '2024-05-01T10:00:00';
      expect((await io.postEvent(invalid)).status).toBe(422);
      expect((await io.postEvent(createdEvent('M-4'))).status).toBe(409);
      expect((await io.postEvent(shippedEvent('M-6'))).status).toBe(404);
      expect(lines(file)).toHaveLength(1);
    });
  });

  it('never writes the client secret, the subscription key, a token or a header to the file', async () => {
    const file = tempStateFile();
    let token = '';
    await withSimulator(file, async (_sim, io) => {
      token = await io.token();
      expect((await io.postEvent(createdEvent('M-7'), {}, token)).status).toBe(201);
      expect((await io.postEvent(shippedEvent('M-7'), {}, token)).status).toBe(201);
    });
    const text = readFileSync(file, 'utf8');
    for (const secret of [SIM.clientSecret, SIM.subscriptionKey, token, 'Bearer', 'ocp-apim']) expect(text).not.toContain(secret);
    for (const line of lines(file)) expect(Object.keys(JSON.parse(line) as object).sort()).toEqual(['eventId', 'orderNumber', 'receivedAt', 'status']);
  });

  it('ignores a torn last line and cuts it off, so later lines stay readable', async () => {
    const file = tempStateFile();
    await withSimulator(file, async (_sim, io) => {
      expect((await io.postEvent(createdEvent('M-8'))).status).toBe(201);
    });
    // A crash in the middle of an append (the multi-byte "ã" cut in half, too).
    appendFileSync(file, Buffer.concat([Buffer.from('{"eventId":"M-8:SHIPPED","orderNumber":"S'), Buffer.from('ã').subarray(0, 1)]));
    await withSimulator(file, async (sim, io) => {
      expect(sim.acceptedBefore()).toBe(1);
      // The torn event was never answered 2xx, so it is not known: its resend is accepted.
      expect((await io.postEvent(shippedEvent('M-8'))).status).toBe(201);
    });
    expect(lines(file).map((l) => (JSON.parse(l) as { eventId: string }).eventId)).toEqual(['M-8:CREATED', 'M-8:SHIPPED']);
    await withSimulator(file, async (sim) => {
      expect(sim.acceptedBefore()).toBe(2);
    });
  });

  it('keeps a last line that is whole but for its newline, and appends after it on a new line', async () => {
    const file = tempStateFile();
    await withSimulator(file, async (_sim, io) => {
      expect((await io.postEvent(createdEvent('M-9'))).status).toBe(201);
    });
    writeFileSync(file, readFileSync(file, 'utf8').trimEnd());
    await withSimulator(file, async (sim, io) => {
      expect(sim.acceptedBefore()).toBe(1);
      expect((await io.postEvent(shippedEvent('M-9'))).status).toBe(201);
    });
    expect(lines(file).map((l) => (JSON.parse(l) as { eventId: string }).eventId)).toEqual(['M-9:CREATED', 'M-9:SHIPPED']);
  });

  it('refuses to start on a file damaged before its last line, naming the file, the line and the way out', async () => {
    const file = tempStateFile();
    await withSimulator(file, async (_sim, io) => {
      expect((await io.postEvent(createdEvent('M-10'))).status).toBe(201);
    });
    writeFileSync(file, `not json\n${readFileSync(file, 'utf8')}`);
    await expect(startHmSimulator({ ...SIM, stateFile: file })).rejects.toThrow(/hm-simulator-accepted\.jsonl line 1 is not an accepted event: delete the file/);
  });

  it('remembers nothing across restarts without a stateFile', async () => {
    await withSimulator(null, async (sim, io) => {
      expect(sim.acceptedBefore()).toBe(0);
      expect((await io.postEvent(createdEvent('M-11'))).status).toBe(201);
    });
    await withSimulator(null, async (_sim, io) => {
      expect((await io.postEvent(shippedEvent('M-11'))).status).toBe(404);
    });
  });
});
