// Log Analytics workspace and a workspace-based Application Insights component.
// Local (key-based) auth is off on both: only Entra identities can ingest or query. IP addresses are masked.

@description('Azure region.')
param location string

@description('Prefix for resource names.')
param namePrefix string

@description('Days the workspace keeps logs (30–730).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Tags for every resource.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-log'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-appi'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
    DisableIpMasking: false
    RetentionInDays: retentionInDays
  }
}

output workspaceId string = workspace.id
output appInsightsName string = appInsights.name
