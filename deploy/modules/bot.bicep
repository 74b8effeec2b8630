// Azure Bot (single tenant) with the Microsoft Teams channel. The bot's app registration signs in without a secret by
// default: the bot through the managed identity's federated credential, the SSO connection through the token service's
// federated credential ("Microsoft Entra ID v2 with Federated Credentials", set up in the portal: deploy/README.md).
// Only when a client secret is given does this module create the SSO connection itself, with the classic Azure AD v2
// provider and that secret (token exchange URL = the Application ID URI, delegated Graph scopes).

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

@description('Client secret of the app registration for the OAuth connection; empty (default) = no secret, the connection is set up with federated credentials in the portal.')
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

resource ssoConnection 'Microsoft.BotService/botServices/connections@2022-09-15' = if (!empty(clientSecret)) {
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
output oauthConnectionName string = oauthConnectionName
output teamsChannel string = teams.name
