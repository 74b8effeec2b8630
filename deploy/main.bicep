// Opbakning on Azure: App Service (Linux, Node LTS) + Azure Bot with the Teams channel and an SSO connection,
// Storage for the case records, Key Vault for the secrets, Log Analytics + Application Insights.
// Step-by-step guide: deploy/README.md. Deploy with:
//   az deployment group create -g <rg> -f deploy/main.bicep -p @deploy/main.parameters.json -p microsoftAppPassword=<secret>

targetScope = 'resourceGroup'

// ── Names and placement ──────────────────────────────────────────────────────────────────────────────────────────

@description('Azure region for everything except the bot (Azure Bot is a global resource). Use an EU region.')
param location string = resourceGroup().location

@description('Short prefix for resource names (lower-case letters, digits, hyphens).')
@minLength(3)
@maxLength(16)
param namePrefix string = 'opbakning'

@description('Web app name: the bot domain becomes <webAppName>.azurewebsites.net. Choose it before the Entra app registration (its Application ID URI contains the domain).')
@minLength(2)
@maxLength(60)
param webAppName string

@description('Tags for every resource.')
param tags object = {
  app: 'opbakning'
}

// ── Bot identity (Entra app registration, single tenant) ─────────────────────────────────────────────────────────

@description('Application (client) ID of the bot\'s Entra app registration (MicrosoftAppId).')
@minLength(36)
@maxLength(36)
param microsoftAppId string

@description('A client secret of that app registration (MicrosoftAppPassword). Goes to Key Vault and the OAuth connection only.')
@secure()
param microsoftAppPassword string

@description('Tenant of the app registration (MicrosoftAppTenantId). Defaults to the tenant of this deployment.')
param microsoftAppTenantId string = tenant().tenantId

@description('Application ID URI of the app registration; empty = api://<bot domain>/botid-<microsoftAppId>. Must equal what "Expose an API" shows.')
param aadAppUri string = ''

@description('OAUTH_CONNECTION_NAME: name of the Azure Bot OAuth connection setting used for Teams SSO.')
param oauthConnectionName string = 'graph'

@description('Delegated Graph scopes for the SSO connection: README "Microsoft Graph: permissions" (deploy/README.md explains each).')
param graphScopes string = 'Calendars.ReadWrite ChannelMessage.Send User.ReadBasic.All offline_access openid profile'

// ── What the bot reads (src/config.ts) ───────────────────────────────────────────────────────────────────────────

@description('GRAPH_ENDPOINT: Microsoft Graph base URL (change only for a national cloud).')
param graphEndpoint string = 'https://graph.microsoft.com'

@description('LOG_LEVEL.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'silent'
])
param logLevel string = 'info'

@description('POLICY_FILE: absolute path of the municipality\'s own policy file on the web app, e.g. /home/site/wwwroot/config/policy.json; empty = built-in policy.')
param policyFile string = ''

@description('DEPARTMENTS_FILE: absolute path of the departments file on the web app, e.g. /home/site/wwwroot/config/departments.json; empty = none.')
param departmentsFile string = ''

// ── Hosting ──────────────────────────────────────────────────────────────────────────────────────────────────────

@description('App Service plan SKU.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Node.js runtime. The project supports Node 20 and 22 (package.json engines).')
@allowed([
  'NODE|20-lts'
  'NODE|22-lts'
])
param linuxFxVersion string = 'NODE|20-lts'

// ── Storage ──────────────────────────────────────────────────────────────────────────────────────────────────────

@description('Storage account name (3–24 lower-case letters and digits, unique in Azure).')
@minLength(3)
@maxLength(24)
param storageAccountName string = take('${toLower(replace(namePrefix, '-', ''))}${uniqueString(resourceGroup().id)}', 24)

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Allow shared-key access on the storage account. Must stay true: the bot uses a key-based connection string (STORAGE_CONNECTION_STRING).')
param allowSharedKeyAccess bool = true

@description('Reach the storage account only through a private endpoint (needs the two subnets below).')
param enableStoragePrivateEndpoint bool = false

@description('Subnet for the storage private endpoint (when enableStoragePrivateEndpoint).')
param privateEndpointSubnetId string = ''

@description('Subnet delegated to Microsoft.Web/serverFarms for the web app\'s VNet integration (when enableStoragePrivateEndpoint).')
param appServiceSubnetId string = ''

// ── Key Vault and monitoring ─────────────────────────────────────────────────────────────────────────────────────

@description('Key Vault name (3–24 characters, unique in Azure).')
@minLength(3)
@maxLength(24)
param keyVaultName string = 'kv-${take(uniqueString(resourceGroup().id, namePrefix), 13)}'

@description('Key Vault purge protection (recommended; cannot be turned off once on).')
param keyVaultPurgeProtection bool = true

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

// ── Resources ────────────────────────────────────────────────────────────────────────────────────────────────────

var botDomain = '${webAppName}.azurewebsites.net'
var applicationIdUri = empty(aadAppUri) ? 'api://${botDomain}/botid-${microsoftAppId}' : aadAppUri

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageAccountName
    skuName: storageSku
    allowSharedKeyAccess: allowSharedKeyAccess
    enablePrivateEndpoint: enableStoragePrivateEndpoint
    privateEndpointSubnetId: privateEndpointSubnetId
    containerName: 'opbakning'
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: keyVaultName
    enablePurgeProtection: keyVaultPurgeProtection
    storageAccountName: storage.outputs.name
    microsoftAppPassword: microsoftAppPassword
    tags: tags
  }
}

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    location: location
    planName: '${namePrefix}-plan'
    siteName: webAppName
    skuName: appServicePlanSku
    linuxFxVersion: linuxFxVersion
    startCommand: 'node dist/src/main.js'
    appServiceSubnetId: enableStoragePrivateEndpoint ? appServiceSubnetId : ''
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: app.outputs.principalId
    keyVaultName: keyVault.outputs.name
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

// Exactly the variables src/config.ts reads. PORT is not set: App Service on Linux sets PORT for the Node
// container itself (8080). HOST is not set: with MicrosoftAppId set the bot listens on 0.0.0.0.
var codeSettings = union(
  {
    STORAGE_CONNECTION_STRING: keyVault.outputs.storageConnectionReference
    MicrosoftAppId: microsoftAppId
    MicrosoftAppPassword: keyVault.outputs.appPasswordReference
    MicrosoftAppTenantId: microsoftAppTenantId
    MicrosoftAppType: 'SingleTenant'
    GRAPH_ENDPOINT: graphEndpoint
    GRAPH_AUTH: 'sso'
    OAUTH_CONNECTION_NAME: oauthConnectionName
    LOG_LEVEL: logLevel
  },
  empty(policyFile) ? {} : { POLICY_FILE: policyFile },
  empty(departmentsFile) ? {} : { DEPARTMENTS_FILE: departmentsFile }
)

// For App Service itself, not the bot: the uploaded zip is already built (npm ci, npm run build, npm prune).
var platformSettings = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}

module settings 'modules/appsettings.bicep' = {
  name: 'appsettings'
  dependsOn: [
    roles
  ]
  params: {
    siteName: app.outputs.name
    appSettings: union(codeSettings, platformSettings)
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${namePrefix}-bot-${uniqueString(resourceGroup().id)}'
    displayName: 'Opbakning'
    microsoftAppId: microsoftAppId
    tenantId: microsoftAppTenantId
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    clientSecret: microsoftAppPassword
    oauthConnectionName: oauthConnectionName
    graphScopes: graphScopes
    tokenExchangeUrl: applicationIdUri
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

// ── What the next steps need ─────────────────────────────────────────────────────────────────────────────────────

output webAppName string = app.outputs.name
@description('BOT_DOMAIN for npm run package.')
output botDomain string = app.outputs.defaultHostName
output messagingEndpoint string = 'https://${app.outputs.defaultHostName}/api/messages'
@description('AAD_APP_URI for npm run package; must equal the Application ID URI of the app registration.')
output applicationIdUri string = applicationIdUri
output oauthConnectionName string = bot.outputs.oauthConnectionName
output botName string = bot.outputs.name
output keyVaultName string = keyVault.outputs.name
output storageAccountName string = storage.outputs.name
output appSettingNames array = settings.outputs.names
