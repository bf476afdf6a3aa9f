import { describe, expect, it } from 'vitest';
import { createServiceBusPublisher } from '../../../src/adapters/serviceBus/serviceBusPublisher.js';
import { IntegrationError } from '../../../src/domain/errors.js';

describe('createServiceBusPublisher', () => {
  it('refuses to start without a namespace or a connection string, naming both settings', () => {
    let error: unknown;
    try {
      createServiceBusPublisher({ connectionString: null, fullyQualifiedNamespace: null, queueName: 'changes' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IntegrationError);
    expect((error as IntegrationError).code).toBe('CONFIG_INVALID');
    expect((error as IntegrationError).message).toContain('ServiceBusConnection__fullyQualifiedNamespace');
  });

  it('publishing an empty list needs no connection, and close releases the client', async () => {
    // The client connects lazily: nothing here touches the network (no Service Bus on this machine).
    const publisher = createServiceBusPublisher({
      connectionString: 'Endpoint=sb://127.0.0.1/;SharedAccessKeyName=test;SharedAccessKey=bm90LWEta2V5',
      fullyQualifiedNamespace: null,
      queueName: 'changes',
    });
    await publisher.publish([]);
    await expect(publisher.close()).resolves.toBeUndefined();
  });
});
