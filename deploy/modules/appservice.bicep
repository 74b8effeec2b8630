// Linux App Service plan and web app for the bot: Node LTS, HTTPS only, runs as the user-assigned managed identity,
// health check on /healthz, no FTP and no basic-auth publishing, console and HTTP logs to Log Analytics.
// App settings are set separately (appsettings.bicep), after the identity may read the Key Vault.

@description('Azure region.')
param location string

@description('App Service plan name.')
param planName string

@description('Web app name; the bot\'s host name becomes <name>.azurewebsites.net.')
param siteName string

@description('App Service plan SKU (B1 or larger: Always On is needed so that the bot answers Teams quickly).')
param skuName string

@description('Runtime stack.')
param linuxFxVersion string

@description('Start command (package.json "start:prod").')
param startCommand string

@description('Optional subnet for regional VNet integration (needed to reach a storage private endpoint); empty = none.')
param appServiceSubnetId string

@description('Log Analytics workspace for the diagnostic settings.')
param workspaceId string

@description('Resource id of the user-assigned managed identity the web app runs as (identity.bicep).')
param identityId string

@description('Tags for every resource.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(appServiceSubnetId) ? null : appServiceSubnetId
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: startCommand
      healthCheckPath: '/healthz'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      remoteDebuggingEnabled: false
      vnetRouteAllEnabled: !empty(appServiceSubnetId)
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Container stdout (the bot's JSON log lines) for the log stream; kept briefly on the app's file system.
resource logs 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'logs'
  properties: {
    applicationLogs: {
      fileSystem: {
        level: 'Information'
      }
    }
    httpLogs: {
      fileSystem: {
        enabled: true
        retentionInDays: 3
        retentionInMb: 35
      }
    }
    detailedErrorMessages: {
      enabled: false
    }
    failedRequestsTracing: {
      enabled: false
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
      {
        category: 'AppServiceAuditLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
