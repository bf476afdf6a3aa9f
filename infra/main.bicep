targetScope = 'subscription'

// e-Millennium → H&M order status bridge: Function App (Flex Consumption) + Service Bus + Table
// Storage + Key Vault + Application Insights, all reached with one user-assigned managed identity.
// No secret and no key-based connection string lives in an app setting: the secrets sit in Key
// Vault, app settings reference them, and every connection is identity-based.

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; with the subscription and location it seeds the resource token used in every name.')
param environmentName string

@minLength(1)
@description('Primary location for all resources (must offer Flex Consumption, e.g. brazilsouth, eastus2).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

param resourceGroupName string = ''

// ---- H&M order API (contracts/hm-order-api.md) ----
@description('HM_ENABLED: master switch. Off by default: changes are tracked, nothing is sent until it is turned on on purpose.')
param hmEnabled bool = false
@description('HM_API_URL: base URL of H&M\'s order API. Required once hmEnabled is true.')
param hmApiUrl string = ''
@description('HM_CLIENT_ID: Entra ID application (client) id used for client credentials.')
param hmClientId string = ''
@secure()
@description('HM_CLIENT_SECRET: stored in Key Vault, never in an app setting.')
param hmClientSecret string
@secure()
@description('HM_SUBSCRIPTION_KEY: the APIM subscription key, stored in Key Vault.')
param hmSubscriptionKey string
@description('HM_RESOURCE: tokens are asked for "<hmResource>/.default".')
param hmResource string = ''
@description('HM_TENANT_ID: Entra tenant of H&M\'s API.')
param hmTenantId string = ''
param hmAuthorityHost string = 'https://login.microsoftonline.com'
@description('HM_ITEM_DISCOUNT_TYPE: the "type" written on every line discount.')
param hmItemDiscountType string = ''
@description('HM_BARCODE_TYPE: which typed barcode is sent as the EAN; empty sends "barra".')
param hmBarcodeType string = ''
@description('HM_MAPPINGS: brands, freight types and voucher payment types (see contracts/hm-order-api.md).')
param hmMappings object = {}
param hmTimeoutMs int = 10000
param hmMaxRetries int = 3

// ---- e-Millennium ERP (contracts/erp-millennium.md) ----
@description('ERP_BASE_URL: the e-Millennium gateway, e.g. http://erp-host:6017.')
param erpBaseUrl string
@allowed([
  'basic'
  'session'
])
param erpAuthMode string = 'basic'
param erpUsername string
@secure()
@description('ERP_PASSWORD: stored in Key Vault, never in an app setting.')
param erpPassword string
@description('ERP_VITRINE: the ERP storefront id; empty for none.')
param erpVitrine string = ''
param erpOrdersPath string = '/api/millenium_eco/pedido_venda/listapedidos'
param erpReturnsPath string = '/api/millenium_eco/troca_devolucao/lista'
param erpPageSize int = 100
param erpTimeoutMs int = 15000

// ---- Extraction ----
@description('EXTRACT_SCHEDULE: six-field NCRONTAB for the extract timer.')
param extractSchedule string = '0 */1 * * * *'
@description('EXTRACT_MAX_PAGES: pages read per run, so that one run stays short after a backlog.')
param extractMaxPages int = 20
@description('EXTRACT_START_TRANS_ID: the ERP trans_id a feed with no stored cursor starts from (go-live); empty reads the whole feed.')
param extractStartTransId string = ''
@description('SERVICEBUS_REDELIVERY_DELAY_MS: first wait before a message is abandoned after a transient failure (doubles per delivery, at most 60 s), so that the deliveries span a short outage.')
param serviceBusRedeliveryDelayMs int = 5000

// ---- Operations ----
@description('E-mail that receives the alerts; empty creates the alert rules without a notification.')
param alertEmail string = ''
@description('Upper bound of Flex Consumption instances. Sessions already serialise each order; this caps the load on the ERP and on H&M.')
param maximumInstanceCount int = 40

// Names the code relies on. test/infra/infraConsistency.test.ts checks them against src/:
// the queue name and delivery count against src/config (SERVICEBUS_QUEUE_NAME, SERVICEBUS_MAX_DELIVERY_COUNT),
// the tables against TABLE_NAMES in src/adapters/tables/tableNames.ts.
var serviceBusQueueName = 'order-changes'
var serviceBusMaxDeliveryCount = 10
var tableNames = [
  'Cursors'
  'OrderState'
  'IntegrationRecords'
  'IntegrationRecordIndex'
]

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-api-${resourceToken}'
// Flex Consumption deploys from a blob container the app reads with its identity.
var deploymentStorageContainerName = 'app-package-${functionAppName}'

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

// One user-assigned identity for everything the app reaches: it exists before the app, so its
// role assignments are in place when the app first starts (Key Vault references resolve at start).
module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentStorageContainerName
    tableNames: tableNames
  }
}

module serviceBus 'app/servicebus.bicep' = {
  name: 'servicebus'
  scope: rg
  params: {
    name: 'sb-${resourceToken}'
    location: location
    tags: tags
    queueName: serviceBusQueueName
    maxDeliveryCount: serviceBusMaxDeliveryCount
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    hmClientSecret: hmClientSecret
    hmSubscriptionKey: hmSubscriptionKey
    erpPassword: erpPassword
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  // The app starts as soon as it exists: its identity must already hold its roles, or the first Key
  // Vault reference and Service Bus listener fail (Key Vault references are not retried right away).
  dependsOn: [
    rbac
  ]
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentStorageContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    // The app's own settings: every name in SETTING_NAMES of src/config, identity-based forms of the
    // connections. The host's own settings (AzureWebJobsStorage__*, Application Insights, the
    // identity's client id) are added by app/api.bicep.
    appSettings: {
      HM_ENABLED: hmEnabled ? 'true' : 'false'
      HM_API_URL: hmApiUrl
      HM_CLIENT_ID: hmClientId
      HM_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.hmClientSecretUri})'
      HM_SUBSCRIPTION_KEY: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.hmSubscriptionKeyUri})'
      HM_RESOURCE: hmResource
      HM_TENANT_ID: hmTenantId
      HM_AUTHORITY_HOST: hmAuthorityHost
      HM_ITEM_DISCOUNT_TYPE: hmItemDiscountType
      HM_BARCODE_TYPE: hmBarcodeType
      HM_MAPPINGS: string(hmMappings)
      HM_TIMEOUT_MS: string(hmTimeoutMs)
      HM_MAX_RETRIES: string(hmMaxRetries)
      // Only for a local simulator's self-signed certificate: H&M's real endpoints use public CAs.
      HM_CA_FILE: ''
      ERP_BASE_URL: erpBaseUrl
      ERP_AUTH_MODE: erpAuthMode
      ERP_USERNAME: erpUsername
      ERP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.erpUserSecretUri})'
      ERP_VITRINE: erpVitrine
      ERP_ORDERS_PATH: erpOrdersPath
      ERP_RETURNS_PATH: erpReturnsPath
      ERP_PAGE_SIZE: string(erpPageSize)
      ERP_TIMEOUT_MS: string(erpTimeoutMs)
      EXTRACT_SCHEDULE: extractSchedule
      EXTRACT_MAX_PAGES: string(extractMaxPages)
      EXTRACT_START_TRANS_ID: extractStartTransId
      ServiceBusConnection__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
      SERVICEBUS_QUEUE_NAME: serviceBusQueueName
      // The dispatcher compares deliveryCount with it to know a delivery is the last before dead-lettering.
      SERVICEBUS_MAX_DELIVERY_COUNT: string(serviceBusMaxDeliveryCount)
      // Service Bus redelivers at once; the dispatcher waits (doubling, at most 60 s) so the deliveries span a short outage.
      SERVICEBUS_REDELIVERY_DELAY_MS: string(serviceBusRedeliveryDelayMs)
      TableStorageConnection__tableServiceUri: storage.outputs.tableServiceUri
    }
  }
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    resourceToken: resourceToken
    tags: tags
    alertEmail: alertEmail
    serviceBusNamespaceName: serviceBus.outputs.name
    queueName: serviceBusQueueName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

// Outputs in UPPER_SNAKE: azd stores them in the environment (.azure/<env>/.env).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
output SERVICE_API_NAME string = api.outputs.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output AZURE_FUNCTION_URI string = api.outputs.uri
output SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output SERVICEBUS_QUEUE_NAME string = serviceBusQueueName
output TABLE_SERVICE_URI string = storage.outputs.tableServiceUri
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
