// Opbakning on Azure: App Service (Linux, Node LTS) running as a user-assigned managed identity, Azure Bot with the
// Teams channel, Storage for the case records (Entra ID only: shared keys off), Log Analytics + Application Insights.
// By default nothing secret exists: no storage key is read or stored, and the bot has no client secret (federated
// credential). Key Vault is deployed only for what a municipality chooses to keep secret (the key-based storage path
// or a client secret). Step-by-step guide: deploy/README.md. Deploy with:
//   az deployment group create -g <rg> -f deploy/main.bicep -p @deploy/main.parameters.json

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

@description('Optional client secret of that app registration (MicrosoftAppPassword). Empty (default, recommended): no secret; the bot signs in through its managed identity\'s federated credential. Given: it goes to Key Vault and the OAuth connection only.')
@secure()
param microsoftAppPassword string = ''

@description('Only if the Azure Bot OAuth connection cannot use federated credentials (deploy/README.md, step 2b): a client secret of the app registration for that connection alone. It is stored only in the connection; the bot itself stays without a secret. Empty (default) = none.')
@secure()
param oauthClientSecret string = ''

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

@description('The key-based storage path, off by default: true turns shared-key access on and stores a connection string built from the account key in Key Vault (STORAGE_CONNECTION_STRING). False: shared keys are off and the bot signs in with its managed identity (STORAGE_ACCOUNT_URL).')
param useStorageKey bool = false

@description('Reach the storage account only through a private endpoint (needs the two subnets below).')
param enableStoragePrivateEndpoint bool = false

@description('Subnet for the storage private endpoint (when enableStoragePrivateEndpoint).')
param privateEndpointSubnetId string = ''

@description('Subnet delegated to Microsoft.Web/serverFarms for the web app\'s VNet integration (when enableStoragePrivateEndpoint).')
param appServiceSubnetId string = ''

// ── Key Vault and monitoring ─────────────────────────────────────────────────────────────────────────────────────

@description('Key Vault name (3–24 characters, unique in Azure); the vault exists only when useStorageKey or microsoftAppPassword is set.')
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
// Something secret exists only if the deployment chose it; otherwise there is no vault at all.
var needsKeyVault = useStorageKey || !empty(microsoftAppPassword)
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

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: '${namePrefix}-id'
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageAccountName
    skuName: storageSku
    allowSharedKeyAccess: useStorageKey
    enablePrivateEndpoint: enableStoragePrivateEndpoint
    privateEndpointSubnetId: privateEndpointSubnetId
    containerName: 'opbakning'
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = if (needsKeyVault) {
  name: 'keyvault'
  params: {
    location: location
    name: keyVaultName
    enablePurgeProtection: keyVaultPurgeProtection
    storeStorageKey: useStorageKey
    storageAccountName: storage.outputs.name
    microsoftAppPassword: microsoftAppPassword
    readerPrincipalId: identity.outputs.principalId
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
    identityId: identity.outputs.id
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    containerName: storage.outputs.containerName
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

// Exactly the variables src/config.ts reads. PORT is not set: App Service on Linux sets PORT for the Node
// container itself (8080). HOST is not set: with MicrosoftAppId set the bot listens on 0.0.0.0.
// By default: STORAGE_ACCOUNT_URL and no MicrosoftAppPassword, so the managed identity (MANAGED_IDENTITY_CLIENT_ID) signs
// in to storage and, through the app registration's federated credential, to the Bot Framework.
var codeSettings = union(
  {
    MANAGED_IDENTITY_CLIENT_ID: identity.outputs.clientId
    MicrosoftAppId: microsoftAppId
    MicrosoftAppTenantId: microsoftAppTenantId
    MicrosoftAppType: 'SingleTenant'
    GRAPH_ENDPOINT: graphEndpoint
    GRAPH_AUTH: 'sso'
    OAUTH_CONNECTION_NAME: oauthConnectionName
    LOG_LEVEL: logLevel
  },
  useStorageKey
    ? { STORAGE_CONNECTION_STRING: keyVault.outputs.storageConnectionReference }
    : { STORAGE_ACCOUNT_URL: storage.outputs.blobEndpoint },
  empty(microsoftAppPassword) ? {} : { MicrosoftAppPassword: keyVault.outputs.appPasswordReference },
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
    clientSecret: empty(oauthClientSecret) ? microsoftAppPassword : oauthClientSecret
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
@description('MANAGED_IDENTITY_CLIENT_ID: client id of the bot\'s user-assigned managed identity.')
output managedIdentityClientId string = identity.outputs.clientId
@description('The app registration\'s federated credential for the bot: issuer, subject (the identity\'s object id) and audience. deploy/README.md step 2b.')
output botFederatedCredential object = {
  issuer: '${environment().authentication.loginEndpoint}${microsoftAppTenantId}/v2.0'
  subject: identity.outputs.principalId
  audience: 'api://AzureADTokenExchange'
}
@description('Whether a Key Vault was deployed (only for the key-based storage path or a client secret).')
output keyVaultDeployed bool = needsKeyVault
output botName string = bot.outputs.name
output keyVaultName string = needsKeyVault ? keyVault.outputs.name : ''
output storageAccountName string = storage.outputs.name
output appSettingNames array = settings.outputs.names
