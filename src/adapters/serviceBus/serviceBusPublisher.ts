import { ServiceBusClient } from '@azure/service-bus';
import type { ServiceBusMessageBatch } from '@azure/service-bus';
import { DefaultAzureCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import type { ChangePublisher } from '../../app/ports.js';
import { IntegrationError } from '../../domain/errors.js';
import { sendInBatches } from './sendInBatches.js';

export interface ServiceBusPublisherOptions {
  /** `ServiceBusConnection` as a connection string: local or test use only. */
  connectionString: string | null;
  /** `ServiceBusConnection__fullyQualifiedNamespace` (`<name>.servicebus.windows.net`): identity-based, preferred. */
  fullyQualifiedNamespace: string | null;
  queueName: string;
  /** Defaults to DefaultAzureCredential (managed identity in Azure, the developer's login locally). */
  credential?: TokenCredential;
}

/** A ChangePublisher that can release its AMQP connection at shutdown. */
export interface ServiceBusPublisher extends ChangePublisher {
  close(): Promise<void>;
}

/**
 * Publishes change messages to the Service Bus queue. Create it once per process: the client holds one
 * AMQP connection and the sender one link, both opened lazily on the first send and reused after.
 * The queue must not be partitioned: with duplicate detection on, a partitioned queue refuses batches
 * whose messages have different session ids.
 */
export function createServiceBusPublisher(options: ServiceBusPublisherOptions): ServiceBusPublisher {
  const client = createClient(options);
  const sender = client.createSender(options.queueName);
  return {
    publish: (messages) => sendInBatches<ServiceBusMessageBatch>(sender, messages),
    async close() {
      await sender.close();
      await client.close();
    },
  };
}

function createClient(options: ServiceBusPublisherOptions): ServiceBusClient {
  if (options.fullyQualifiedNamespace) {
    return new ServiceBusClient(options.fullyQualifiedNamespace, options.credential ?? new DefaultAzureCredential());
  }
  if (options.connectionString) return new ServiceBusClient(options.connectionString);
  throw new IntegrationError(
    'CONFIG_INVALID',
    'no Service Bus connection: set ServiceBusConnection__fullyQualifiedNamespace (identity-based, used in Azure) ' +
      'or ServiceBusConnection (a connection string, local use only)',
  );
}
