// Key Vault (RBAC, soft delete, optional purge protection) for what must still be secret, and only when something
// must: it is deployed only on the key-based storage path or when a bot client secret is given (main.bicep). The default
// deployment has neither, so it has no vault. Holds, each only when chosen: the bot's client secret and the storage
// connection string (built here from the account key, so no person handles the key). The web app's identity may read
// them (Key Vault Secrets User on this vault alone) through Key Vault references.

@description('Azure region.')
param location string

@description('Key Vault name: 3–24 letters, digits and hyphens, starting with a letter, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Purge protection: a deleted vault and its secrets cannot be purged before the retention ends. Cannot be turned off again.')
param enablePurgeProtection bool

@description('Store a storage connection string built from the account key (the key-based path). False: no key is read or stored.')
param storeStorageKey bool

@description('The storage account whose connection string is stored (when storeStorageKey).')
param storageAccountName string

@description('Client secret of the bot\'s Entra app registration (MicrosoftAppPassword); empty = none stored.')
@secure()
param microsoftAppPassword string

@description('Object id of the managed identity that reads the secrets (the web app\'s identity).')
param readerPrincipalId string

@description('Tags for every resource.')
param tags object

var roleIds = {
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(microsoftAppPassword)) {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: microsoftAppPassword
    contentType: 'Client secret of the bot app registration (MicrosoftAppPassword)'
  }
}

// The only place the account key is read, and only on the key-based path.
resource storageConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeStorageKey) {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    contentType: 'Azure Storage connection string (STORAGE_CONNECTION_STRING)'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, roleIds.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output secretsUserRoleAssignmentId string = secretsUser.id
// Versionless URIs: App Service picks up a rotated secret within 24 hours (or at once on restart). Empty when not stored.
output appPasswordReference string = empty(microsoftAppPassword) ? '' : '@Microsoft.KeyVault(SecretUri=${appPasswordSecret.properties.secretUri})'
output storageConnectionReference string = storeStorageKey ? '@Microsoft.KeyVault(SecretUri=${storageConnectionSecret.properties.secretUri})' : ''
