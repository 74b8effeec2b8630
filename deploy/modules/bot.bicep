// Azure Bot (Azure-managed, single tenant) with the Microsoft Teams channel and the OAuth connection for Teams SSO
// (Azure AD v2 provider, token exchange URL = the Application ID URI, delegated Graph scopes).

@description('Bot resource name (unique in Azure).')
param name string

@description('Name shown in the Azure portal.')
param displayName string

@description('The bot\'s Entra app (client) id = MicrosoftAppId.')
param microsoftAppId string

@description('Tenant of the single-tenant app registration.')
param tenantId string

@description('Messaging endpoint: https://<bot domain>/api/messages.')
param endpoint string

@description('Client secret of the app registration, used by the token service for the OAuth connection.')
@secure()
param clientSecret string

@description('Name of the OAuth connection setting.')
param oauthConnectionName string

@description('Delegated Microsoft Graph scopes, space separated.')
param graphScopes string

@description('Application ID URI of the app registration (api://<bot domain>/botid-<app id>).')
param tokenExchangeUrl string

@description('Log Analytics workspace for the diagnostic settings.')
param workspaceId string

@description('Tags for every resource.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: 'F0' // Teams is a standard channel: no charge for its messages
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
    isStreamingSupported: false
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

resource ssoConnection 'Microsoft.BotService/botServices/connections@2022-09-15' = {
  parent: bot
  name: oauthConnectionName
  location: 'global'
  properties: {
    serviceProviderDisplayName: 'Azure Active Directory v2'
    serviceProviderId: '30dd229c-58e3-4a48-bdfd-91ec48eb906c'
    clientId: microsoftAppId
    clientSecret: clientSecret
    scopes: graphScopes
    parameters: [
      {
        key: 'tenantID'
        value: tenantId
      }
      {
        key: 'tokenExchangeUrl'
        value: tokenExchangeUrl
      }
    ]
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: bot
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

output name string = bot.name
output oauthConnectionName string = ssoConnection.name
output teamsChannel string = teams.name
