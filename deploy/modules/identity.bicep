// The bot's one identity: a user-assigned managed identity. The web app runs as it (storage, Key Vault references,
// telemetry), and the bot's Entra app registration trusts it through a federated credential, so the bot signs in to the
// Bot Framework without a secret. User-assigned rather than system-assigned: it exists before the web app, its client id
// is known to the app settings, and it survives the web app being recreated.

@description('Azure region.')
param location string

@description('Identity name.')
param name string

@description('Tags for every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
@description('MANAGED_IDENTITY_CLIENT_ID.')
output clientId string = identity.properties.clientId
@description('Object id: the subject of the app registration\'s federated credential, and the principal of the role assignments.')
output principalId string = identity.properties.principalId
