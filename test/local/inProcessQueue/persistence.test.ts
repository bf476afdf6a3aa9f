import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessQueue, JOURNAL_FILE } from '../../../src/local/inProcessQueue/inProcessQueue.js';
import type { DeadLetter, InProcessQueue } from '../../../src/local/inProcessQueue/types.js';
import { change, createDeliveryProbe, createRecordingLogger } from './deliveryProbe.js';

let root: string;
const queues: InProcessQueue[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'in-process-queue-'));
});

afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.stop()));
  rmSync(root, { recursive: true, force: true });
});

function durableQueue(
  dataDir: string,
  extra: { maxDeliveryCount?: number; onDeadLetter?: (d: DeadLetter) => void } = {},
): InProcessQueue {
  const queue = createInProcessQueue({
    dataDir,
    maxDeliveryCount: extra.maxDeliveryCount ?? 10,
    abandonRetryDelayMs: 0,
    logger: createRecordingLogger(),
    ...(extra.onDeadLetter ? { onDeadLetter: extra.onDeadLetter } : {}),
  });
  queues.push(queue);
  return queue;
}

/** What a crash leaves behind: the journal as it is on disk right now, in a folder of its own. */
function diskAsOfNow(dataDir: string): string {
  const copy = join(root, `crash-${queues.length}`);
  mkdirSync(copy);
  copyFileSync(join(dataDir, JOURNAL_FILE), join(copy, JOURNAL_FILE));
  return copy;
}

/** Shuts the original queue down (its running delivery settled) so it hands out nothing more. */
async function stopAfter(queue: InProcessQueue, settleRunning: () => void): Promise<void> {
  const stopping = queue.stop();
  settleRunning();
  await stopping;
}

describe('in-process queue: persistence', () => {
  it('keeps pending messages, their order and their delivery counts across a stop and a new queue', async () => {
    const dataDir = join(root, 'queue');
    const first = durableQueue(dataDir);
    const probe = createDeliveryProbe();
    await first.publish([change('A', 'a1'), change('A', 'a2'), change('B', 'b1')]);
    first.start(probe.handler, { maxConcurrentSessions: 2 });
    const a1 = await probe.delivery(1);
    (await probe.delivery(2)).complete(); // b1 done before the stop
    await stopAfter(first, () => a1.fail('H&M unavailable')); // a1 abandoned once, as the queue stops
    expect(probe.log()).toEqual(['A/a1#1', 'B/b1#1']);

    const second = durableQueue(dataDir);
    expect(second.stats()).toMatchObject({ active: 2, sessions: 1 });
    const afterRestart = createDeliveryProbe();
    second.start(afterRestart.handler, { maxConcurrentSessions: 2 });
    (await afterRestart.delivery(1)).complete();
    (await afterRestart.delivery(2)).complete();
    await second.waitUntilIdle();

    expect(afterRestart.log()).toEqual(['A/a1#2', 'A/a2#1']);
  });

  it('resumes after a crash from the journal, counting the delivery that was running, and ignores a torn last line', async () => {
    const dataDir = join(root, 'queue');
    const first = durableQueue(dataDir);
    const probe = createDeliveryProbe();
    await first.publish([change('A', 'a1'), change('A', 'a2'), change('B', 'b1')]);
    first.start(probe.handler, { maxConcurrentSessions: 1 });
    const running = await probe.delivery(1); // a1 is being handled when the process "dies"
    const crashed = diskAsOfNow(dataDir);
    appendFileSync(join(crashed, JOURNAL_FILE), '{"op":"complete","se'); // the write the crash cut short
    await stopAfter(first, () => running.complete());

    const second = durableQueue(crashed);
    expect(second.stats()).toMatchObject({ active: 3 });
    const afterCrash = createDeliveryProbe();
    second.start(afterCrash.handler, { maxConcurrentSessions: 1 });
    for (let n = 1; n <= 3; n += 1) (await afterCrash.delivery(n)).complete();
    await second.waitUntilIdle();

    expect(afterCrash.log().filter((entry) => entry.startsWith('A/'))).toEqual(['A/a1#2', 'A/a2#1']);
    expect(afterCrash.log()).toContain('B/b1#1');
  });

  it('dead-letters on restart a message whose last allowed delivery was cut short by a crash', async () => {
    const dataDir = join(root, 'queue');
    const first = durableQueue(dataDir, { maxDeliveryCount: 2 });
    const probe = createDeliveryProbe();
    await first.publish([change('A', 'a1'), change('A', 'a2')]);
    first.start(probe.handler, { maxConcurrentSessions: 1 });
    (await probe.delivery(1)).fail('timeout');
    const lastAllowed = await probe.delivery(2);
    const crashed = diskAsOfNow(dataDir);
    await stopAfter(first, () => lastAllowed.complete());

    const reported: DeadLetter[] = [];
    const second = durableQueue(crashed, { maxDeliveryCount: 2, onDeadLetter: (d) => void reported.push(d) });
    const afterCrash = createDeliveryProbe();
    second.start(afterCrash.handler, { maxConcurrentSessions: 1 });
    (await afterCrash.delivery(1)).complete();
    await second.waitUntilIdle();

    expect(afterCrash.log()).toEqual(['A/a2#1']);
    expect(reported).toMatchObject([
      { messageId: 'a1', deliveryCount: 2, deadLetterReason: 'MaxDeliveryCountExceeded', deadLetterErrorDescription: 'timeout' },
    ]);
  });

  it('keeps dead letters and duplicate detection across a restart, and compacts the journal', async () => {
    const dataDir = join(root, 'queue');
    const first = durableQueue(dataDir, { maxDeliveryCount: 1 });
    const probe = createDeliveryProbe();
    await first.publish([change('A', 'a1'), change('B', 'b1')]);
    first.start(probe.handler, { maxConcurrentSessions: 2 });
    const deliveries = [await probe.delivery(1), await probe.delivery(2)];
    for (const d of deliveries) {
      if (d.message.messageId === 'a1') d.fail('mapping missing');
      else d.complete();
    }
    await first.waitUntilIdle();
    await first.stop();
    const linesBefore = readFileSync(join(dataDir, JOURNAL_FILE), 'utf8').trim().split('\n').length;

    const second = durableQueue(dataDir, { maxDeliveryCount: 1 });
    await second.publish([change('B', 'b1'), change('A', 'a1')]);

    expect(second.stats()).toMatchObject({ active: 0, deadLettered: 1, duplicatesDropped: 2 });
    expect(second.deadLetters()).toMatchObject([{ messageId: 'a1', deadLetterErrorDescription: 'mapping missing' }]);
    const linesAfter = readFileSync(join(dataDir, JOURNAL_FILE), 'utf8').trim().split('\n').length;
    expect(linesAfter).toBeLessThan(linesBefore);
  });

  it('refuses a journal with a damaged line before its end, naming the file and the line', () => {
    const dataDir = join(root, 'queue');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, JOURNAL_FILE), '{"op":"complete","seq":1}\nnot json\n{"op":"complete","seq":2}\n');

    expect(() => durableQueue(dataDir)).toThrow(new RegExp(`${JOURNAL_FILE} line 2 is not a valid record`));
  });
});
