import { describe, expect, it } from 'vitest';
import type { ServiceBusMessage } from '@azure/service-bus';
import type { ChangeMessage } from '../../../src/app/changeMessage.js';
import { IntegrationError } from '../../../src/domain/errors.js';
import { sendInBatches } from '../../../src/adapters/serviceBus/sendInBatches.js';
import type { BatchSender, MessageBatch } from '../../../src/adapters/serviceBus/sendInBatches.js';

// The only fake in the transport tests: there is no Service Bus (nor an emulator) on this machine, so a
// sender that enforces a batch size limit the way ServiceBusMessageBatch.tryAddMessage does stands in for it.
class FakeBatch implements MessageBatch {
  readonly messages: ServiceBusMessage[] = [];
  private bytes = 0;
  constructor(readonly maxSizeInBytes: number) {}
  get count(): number {
    return this.messages.length;
  }
  tryAddMessage(message: ServiceBusMessage): boolean {
    const size = Buffer.byteLength(JSON.stringify(message), 'utf8');
    if (this.bytes + size > this.maxSizeInBytes) return false;
    this.bytes += size;
    this.messages.push(message);
    return true;
  }
}

class FakeSender implements BatchSender<FakeBatch> {
  readonly sent: ServiceBusMessage[][] = [];
  batchesCreated = 0;
  constructor(private readonly maxSizeInBytes: number) {}
  async createMessageBatch(): Promise<FakeBatch> {
    this.batchesCreated += 1;
    return new FakeBatch(this.maxSizeInBytes);
  }
  async sendMessages(batch: FakeBatch): Promise<void> {
    this.sent.push([...batch.messages]);
  }
}

function resync(orderNumber: string, index: number, padding = ''): ChangeMessage {
  return {
    messageId: `resync-${orderNumber}-${index}`,
    sessionId: orderNumber,
    body: { kind: 'resync', orderNumber, requestedAt: `2025-03-01T10:00:0${index % 10}.000-03:00${padding}` },
  };
}

/** Size of one message as the fake batch counts it. */
function sizeOf(message: ChangeMessage): number {
  return Buffer.byteLength(
    JSON.stringify({
      messageId: message.messageId,
      sessionId: message.sessionId,
      body: message.body,
      contentType: 'application/json',
      subject: message.body.kind,
    }),
    'utf8',
  );
}

describe('sendInBatches', () => {
  it('splits messages over several batches when they do not fit in one, keeping their order', async () => {
    const messages = Array.from({ length: 7 }, (_, i) => resync(`ORD-${i}`, i));
    const sizes = [...new Set(messages.map(sizeOf))];
    expect(sizes).toHaveLength(1); // equal sizes, so the limit below fits exactly three
    const sender = new FakeSender((sizes[0] ?? 0) * 3);

    await sendInBatches(sender, messages);

    expect(sender.sent.map((batch) => batch.length)).toEqual([3, 3, 1]);
    expect(sender.sent.flat().map((m) => m.messageId)).toEqual(messages.map((m) => m.messageId));
  });

  it('sends everything in a single batch when it fits', async () => {
    const messages = [resync('ORD-1', 1), resync('ORD-1', 2), resync('ORD-2', 3)];
    const sender = new FakeSender(256 * 1024);

    await sendInBatches(sender, messages);

    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]?.map((m) => m.messageId)).toEqual(['resync-ORD-1-1', 'resync-ORD-1-2', 'resync-ORD-2-3']);
  });

  it('sets messageId, the order number as sessionId, a JSON body object and the body kind as subject', async () => {
    const message = resync('ORD-42', 1);
    const sender = new FakeSender(256 * 1024);

    await sendInBatches(sender, [message]);

    expect(sender.sent[0]?.[0]).toEqual({
      messageId: 'resync-ORD-42-1',
      sessionId: 'ORD-42',
      body: message.body,
      contentType: 'application/json',
      subject: 'resync',
    });
  });

  it('fails naming the order and the messageId when one message does not fit even in an empty batch', async () => {
    const small = resync('ORD-1', 1);
    const huge = resync('ORD-BIG', 2, 'x'.repeat(5_000));
    const sender = new FakeSender(sizeOf(small) * 2);

    const error = await sendInBatches(sender, [small, huge]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IntegrationError);
    expect((error as IntegrationError).message).toContain('ORD-BIG');
    expect((error as IntegrationError).message).toContain('resync-ORD-BIG-2');
    // The batch before it was sent: a re-publish is deduplicated by Service Bus.
    expect(sender.sent.flat().map((m) => m.messageId)).toEqual(['resync-ORD-1-1']);
  });

  it('fails the same way when the oversized message comes first', async () => {
    const huge = resync('ORD-BIG', 1, 'x'.repeat(5_000));
    const sender = new FakeSender(1_000);

    const error = await sendInBatches(sender, [huge, resync('ORD-2', 2)]).catch((e: unknown) => e);

    expect(String(error)).toMatch(/resync-ORD-BIG-1 of order ORD-BIG/);
    expect(sender.sent).toEqual([]);
  });

  it('sends nothing and opens no batch for an empty list', async () => {
    const sender = new FakeSender(1_000);

    await sendInBatches(sender, []);

    expect(sender.sent).toEqual([]);
    expect(sender.batchesCreated).toBe(0);
  });
});
