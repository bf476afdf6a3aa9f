// Key Vault (RBAC authorisation) holding the three secrets. Their values come from secure
// parameters only (azd prompts for them or reads them from its environment); the app settings
// hold @Microsoft.KeyVault(...) references, never the values.
param name string
param location string
param tags object
@secure()
param hmClientSecret string
@secure()
param hmSubscriptionKey string
@secure()
param erpPassword string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access is granted with Azure roles (Key Vault Secrets User), not access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

// Secret names allow only letters, digits and dashes, hence not the setting names themselves.
resource hmClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'hm-client-secret'
  properties: {
    value: hmClientSecret
  }
}

resource hmSubscriptionKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'hm-subscription-key'
  properties: {
    value: hmSubscriptionKey
  }
}

resource erpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'erp-password'
  properties: {
    value: erpPassword
  }
}

output name string = vault.name
// Version-less URIs: a rotated secret is picked up without a redeployment.
output hmClientSecretUri string = hmClientSecretSecret.properties.secretUri
output hmSubscriptionKeyUri string = hmSubscriptionKeySecret.properties.secretUri
output erpUserSecretUri string = erpPasswordSecret.properties.secretUri
