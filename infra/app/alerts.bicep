// Alert rules operators act on. Each description says what happened and where to look.
param resourceToken string
param tags object
@description('E-mail for notifications; empty: the rules still fire and show in Azure Monitor.')
param alertEmail string
param serviceBusNamespaceName string
param queueName string
param applicationInsightsName string

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: serviceBusNamespaceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'hm-bridge'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = empty(alertEmail) ? [] : [
  {
    actionGroupId: actionGroup.id
  }
]

// A dead-lettered change is an order whose statuses stopped reaching H&M: never normal.
resource deadLetterAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-dead-letters-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    description: 'Messages are in the dead-letter queue of ${queueName}: an order change outlived its deliveries or expired. Check the status API failures, fix the cause, then resync the order.'
    severity: 1
    enabled: true
    scopes: [
      serviceBus.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'DeadLetteredMessages'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: [
                queueName
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Average'
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

// Function executions are logged as Application Insights requests; a failed one is an invocation
// that threw (transient errors that outlived retries, or a bug).
resource executionFailuresAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-function-failures-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    description: 'Function executions failed (extract, dispatch or status). See Application Insights > Failures for the exception and the order number.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'FailedExecutions'
          metricNamespace: 'microsoft.insights/components'
          metricName: 'requests/failed'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Count'
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

// Exceptions without a failed execution (caught, logged, retried) — a lower-severity early warning.
resource exceptionsAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-exceptions-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    description: 'Exceptions were logged by the app. Often transient (ERP or H&M unavailable); persistent ones need a look in Application Insights > Failures.'
    severity: 3
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'Exceptions'
          metricNamespace: 'microsoft.insights/components'
          metricName: 'exceptions/count'
          operator: 'GreaterThan'
          threshold: 10
          timeAggregation: 'Count'
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}
