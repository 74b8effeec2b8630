// Key Vault (RBAC, soft delete, optional purge protection) holding the two secrets the bot reads through
// Key Vault references: the bot's client secret and the storage connection string (built here from the account key,
// so no person handles the key).

@description('Azure region.')
param location string

@description('Key Vault name: 3–24 letters, digits and hyphens, starting with a letter, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Purge protection: a deleted vault and its secrets cannot be purged before the retention ends. Cannot be turned off again.')
param enablePurgeProtection bool

@description('The storage account whose connection string is stored.')
param storageAccountName string

@description('Client secret of the bot\'s Entra app registration (MicrosoftAppPassword).')
@secure()
param microsoftAppPassword string

@description('Tags for every resource.')
param tags object

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

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: microsoftAppPassword
    contentType: 'Client secret of the bot app registration (MicrosoftAppPassword)'
  }
}

resource storageConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    contentType: 'Azure Storage connection string (STORAGE_CONNECTION_STRING)'
  }
}

output name string = vault.name
// Versionless URIs: App Service picks up a rotated secret within 24 hours (or at once on restart).
output appPasswordReference string = '@Microsoft.KeyVault(SecretUri=${appPasswordSecret.properties.secretUri})'
output storageConnectionReference string = '@Microsoft.KeyVault(SecretUri=${storageConnectionSecret.properties.secretUri})'
