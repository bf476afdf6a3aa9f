// Service Bus Standard: sessions (one order at a time, in order) and duplicate detection (the
// extract may publish the same change twice after a crash; the deterministic messageId drops it).
param name string
param location string
param tags object
param queueName string
@description('Must equal SERVICEBUS_MAX_DELIVERY_COUNT: both come from the same variable in main.bicep.')
param maxDeliveryCount int

resource serviceBusNamespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    // Identity only: no SAS keys that could leak into a setting.
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = {
  parent: serviceBusNamespace
  name: queueName
  properties: {
    // sessionId = order number: the dispatcher sees one order's changes one at a time, in order.
    requiresSession: true
    // messageId = deterministic id of the change: a re-published change within a day is dropped.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P1D'
    // A partitioned queue refuses batches mixing session ids when duplicate detection is on.
    enablePartitioning: false
    // Long enough for one order's sends with retries; the trigger renews the session lock anyway.
    lockDuration: 'PT1M'
    maxDeliveryCount: maxDeliveryCount
    defaultMessageTimeToLive: 'P14D'
    // An expired change must not vanish: it lands in the dead-letter queue, which raises an alert.
    deadLetteringOnMessageExpiration: true
    maxSizeInMegabytes: 1024
  }
}

output name string = serviceBusNamespace.name
// The host name alone (no scheme, no port), as ServiceBusConnection__fullyQualifiedNamespace wants it.
output fullyQualifiedNamespace string = split(split(serviceBusNamespace.properties.serviceBusEndpoint, '//')[1], ':')[0]
