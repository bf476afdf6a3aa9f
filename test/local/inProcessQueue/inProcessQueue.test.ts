import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../../src/local/inProcessQueue/inProcessQueue.js';
import type { DeadLetter, InProcessQueue, InProcessQueueOptions } from '../../../src/local/inProcessQueue/types.js';
import { change, createDeliveryProbe, createRecordingLogger, settle } from './deliveryProbe.js';

const queues: InProcessQueue[] = [];

function memoryQueue(options: Partial<InProcessQueueOptions> = {}): InProcessQueue {
  const queue = createInProcessQueue({
    dataDir: null,
    maxDeliveryCount: 10,
    abandonRetryDelayMs: 0,
    logger: createRecordingLogger(),
    ...options,
  });
  queues.push(queue);
  return queue;
}

afterEach(async () => {
  // Stopping waits for handlers: tests settle every delivery they start.
  await Promise.all(queues.splice(0).map((queue) => queue.stop()));
});

describe('in-process queue: sessions', () => {
  it('delivers the messages of one session in order, one at a time', async () => {
    const queue = memoryQueue();
    const probe = createDeliveryProbe();
    await queue.publish([change('A', 'a1'), change('A', 'a2'), change('A', 'a3')]);
    queue.start(probe.handler, { maxConcurrentSessions: 4 });

    const first = await probe.delivery(1);
    await settle();
    expect(probe.log()).toEqual(['A/a1#1']); // a2 waits although 3 more sessions could run
    first.complete();
    (await probe.delivery(2)).complete();
    (await probe.delivery(3)).complete();
    await queue.waitUntilIdle();

    expect(probe.log()).toEqual(['A/a1#1', 'A/a2#1', 'A/a3#1']);
    expect(queue.stats()).toMatchObject({ active: 0, completed: 3, deadLettered: 0 });
  });

  it('handles other sessions while a slow handler holds session A', async () => {
    const queue = memoryQueue();
    const probe = createDeliveryProbe();
    await queue.publish([change('A', 'a1'), change('A', 'a2'), change('B', 'b1'), change('B', 'b2')]);
    queue.start(probe.handler, { maxConcurrentSessions: 2 });

    const slowA = await probe.delivery(1);
    (await probe.delivery(2)).complete();
    (await probe.delivery(3)).complete();
    expect(probe.log()).toEqual(['A/a1#1', 'B/b1#1', 'B/b2#1']);

    slowA.complete();
    (await probe.delivery(4)).complete();
    await queue.waitUntilIdle();
    expect(probe.log()[3]).toBe('A/a2#1');
  });

  it('holds further sessions back while maxConcurrentSessions sessions are busy', async () => {
    const queue = memoryQueue();
    const probe = createDeliveryProbe();
    await queue.publish([change('A', 'a1'), change('B', 'b1')]);
    queue.start(probe.handler, { maxConcurrentSessions: 1 });

    const a1 = await probe.delivery(1);
    await settle();
    expect(probe.log()).toEqual(['A/a1#1']);
    a1.complete();
    (await probe.delivery(2)).complete();
    await queue.waitUntilIdle();
    expect(probe.log()).toEqual(['A/a1#1', 'B/b1#1']);
  });

  it('delivers messages published while it runs, including from inside a handler', async () => {
    const queue = memoryQueue();
    const seen: string[] = [];
    queue.start(async (message) => {
      seen.push(message.messageId);
      if (message.messageId === 'a1') await queue.publish([change('A', 'a2'), change('C', 'c1')]);
    }, { maxConcurrentSessions: 2 });

    await queue.publish([change('A', 'a1')]);
    await queue.waitUntilIdle();

    expect(seen).toHaveLength(3);
    expect(seen.indexOf('a1')).toBeLessThan(seen.indexOf('a2'));
    expect(seen).toContain('c1');
  });
});

describe('in-process queue: peek-lock, abandon and dead-letter', () => {
  it('abandons a message whose handler throws and delivers it again first, with a higher deliveryCount', async () => {
    const queue = memoryQueue();
    const probe = createDeliveryProbe();
    await queue.publish([change('A', 'a1'), change('A', 'a2')]);
    queue.start(probe.handler, { maxConcurrentSessions: 1 });

    (await probe.delivery(1)).fail('H&M unavailable');
    (await probe.delivery(2)).fail('H&M unavailable');
    (await probe.delivery(3)).complete();
    (await probe.delivery(4)).complete();
    await queue.waitUntilIdle();

    expect(probe.log()).toEqual(['A/a1#1', 'A/a1#2', 'A/a1#3', 'A/a2#1']);
    expect(queue.stats()).toMatchObject({ completed: 2, deadLettered: 0 });
  });

  it('dead-letters a message after maxDeliveryCount failed deliveries, reports it, and moves the session on', async () => {
    const reported: DeadLetter[] = [];
    const queue = memoryQueue({ maxDeliveryCount: 3, onDeadLetter: (deadLetter) => void reported.push(deadLetter) });
    const probe = createDeliveryProbe();
    await queue.publish([change('A', 'a1'), change('A', 'a2')]);
    queue.start(probe.handler, { maxConcurrentSessions: 1 });

    for (let n = 1; n <= 3; n += 1) (await probe.delivery(n)).fail(`attempt ${n} failed`);
    (await probe.delivery(4)).complete();
    await queue.waitUntilIdle();

    expect(probe.log()).toEqual(['A/a1#1', 'A/a1#2', 'A/a1#3', 'A/a2#1']);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({
      messageId: 'a1',
      sessionId: 'A',
      deliveryCount: 3,
      deadLetterReason: 'MaxDeliveryCountExceeded',
      deadLetterErrorDescription: 'attempt 3 failed',
    });
    expect(queue.deadLetters()).toEqual(reported);
    expect(queue.stats()).toMatchObject({ active: 0, completed: 1, deadLettered: 1 });
  });

  it('waits for an async onDeadLetter before the session moves on', async () => {
    let releaseCallback: () => void = () => undefined;
    const callbackDone = new Promise<void>((resolve) => (releaseCallback = resolve));
    const queue = memoryQueue({ maxDeliveryCount: 1, onDeadLetter: () => callbackDone });
    const probe = createDeliveryProbe();
    await queue.publish([change('A', 'a1'), change('A', 'a2')]);
    queue.start(probe.handler, { maxConcurrentSessions: 1 });

    (await probe.delivery(1)).fail('rejected');
    await settle();
    expect(probe.log()).toEqual(['A/a1#1']);
    expect(queue.isIdle()).toBe(false);
    releaseCallback();
    (await probe.delivery(2)).complete();
    await queue.waitUntilIdle();
    expect(probe.log()).toEqual(['A/a1#1', 'A/a2#1']);
  });

  it('treats a handler that outlives its lock as failed, redelivers the message and ignores the late result', async () => {
    const logger = createRecordingLogger();
    const queue = memoryQueue({ lockRenewal: { maxDurationMs: 20 }, logger });
    const probe = createDeliveryProbe();
    await queue.publish([change('A', 'a1')]);
    queue.start(probe.handler, { maxConcurrentSessions: 1 });

    const hung = await probe.delivery(1);
    const retry = await probe.delivery(2); // comes only once the first lock is lost
    expect(probe.log()).toEqual(['A/a1#1', 'A/a1#2']);
    retry.complete();
    await settle();
    expect(queue.isIdle()).toBe(false); // the hung handler still runs
    hung.complete();
    await queue.waitUntilIdle();

    expect(queue.stats()).toMatchObject({ completed: 1, active: 0 });
    expect(logger.lines.map((l) => l.message)).toContain('handler finished after its message lock was lost; its result is ignored');
  });
});

describe('in-process queue: duplicate detection', () => {
  it('drops a messageId already seen within the window, silently', async () => {
    const queue = memoryQueue();
    const probe = createDeliveryProbe();
    const original = change('A', 'a1');
    const sameIdOtherBody = { ...change('A', 'a1'), body: { ...original.body, requestedAt: '2025-03-02T00:00:00.000-03:00' } };

    await queue.publish([original, sameIdOtherBody]);
    await queue.publish([original]);
    expect(queue.stats()).toMatchObject({ active: 1, duplicatesDropped: 2 });

    queue.start(probe.handler, { maxConcurrentSessions: 1 });
    (await probe.delivery(1)).complete();
    await queue.waitUntilIdle();
    await queue.publish([original]); // completed, but still inside the window
    expect(queue.isIdle()).toBe(true);
    expect(probe.deliveries.map((d) => d.message.body)).toEqual([original.body]);
  });

  it('accepts the same messageId again once the window has passed', async () => {
    let now = Date.parse('2025-03-01T13:00:00Z');
    const queue = memoryQueue({ duplicateDetectionWindowMs: 60_000, clock: { now: () => new Date(now) } });

    await queue.publish([change('A', 'a1')]);
    now += 59_999;
    await queue.publish([change('A', 'a1')]);
    now += 2;
    await queue.publish([change('A', 'a1')]);

    expect(queue.stats()).toMatchObject({ active: 2, duplicatesDropped: 1 });
  });
});

describe('in-process queue: stop, start and idleness', () => {
  it('is idle when empty, and waitUntilIdle resolves only once every message is handled', async () => {
    const queue = memoryQueue();
    expect(queue.isIdle()).toBe(true);
    await queue.waitUntilIdle();

    const probe = createDeliveryProbe();
    await queue.publish([change('A', 'a1'), change('B', 'b1')]);
    expect(queue.isIdle()).toBe(false);
    let idle = false;
    const waiting = queue.waitUntilIdle().then(() => (idle = true));
    queue.start(probe.handler, { maxConcurrentSessions: 2 });

    (await probe.delivery(1)).complete();
    const last = await probe.delivery(2);
    await settle();
    expect(idle).toBe(false);
    last.complete();
    await waiting;
    expect(queue.isIdle()).toBe(true);
  });

  it('rejects waitUntilIdle after its timeout, naming what is still active', async () => {
    const queue = memoryQueue();
    await queue.publish([change('A', 'a1')]); // never started

    await expect(queue.waitUntilIdle({ timeoutMs: 10 })).rejects.toThrow(/not idle after 10 ms.*"active":1/);
  });

  it('stop waits for running handlers and delivers nothing more until started again', async () => {
    const queue = memoryQueue();
    const probe = createDeliveryProbe();
    await queue.publish([change('A', 'a1'), change('A', 'a2')]);
    queue.start(probe.handler, { maxConcurrentSessions: 1 });
    const a1 = await probe.delivery(1);

    let stopped = false;
    const stopping = queue.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    a1.complete();
    await stopping;
    await settle();
    expect(probe.log()).toEqual(['A/a1#1']);
    expect(queue.stats().active).toBe(1);

    queue.start(probe.handler, { maxConcurrentSessions: 1 });
    (await probe.delivery(2)).complete();
    await queue.waitUntilIdle();
    expect(probe.log()).toEqual(['A/a1#1', 'A/a2#1']);
  });

  it('refuses to start twice', () => {
    const queue = memoryQueue();
    queue.start(async () => undefined, { maxConcurrentSessions: 1 });
    expect(() => queue.start(async () => undefined, { maxConcurrentSessions: 1 })).toThrow(/already started/);
  });
});
