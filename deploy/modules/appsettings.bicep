// The web app's application settings, replaced as a whole (a setting not listed here is removed).
// Deployed after the role assignments so the Key Vault references resolve on first start.

@description('Web app name.')
param siteName string

@description('Name → value. Secrets are Key Vault references, never values.')
param appSettings object

resource site 'Microsoft.Web/sites@2023-12-01' existing = {
  name: siteName
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}

output names array = map(items(appSettings), setting => setting.key)
