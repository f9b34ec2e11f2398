// OutlookCrm as it runs in production: App Service on Linux (two or more instances) in front of
// Azure SQL, with a Storage account for attachments, Key Vault for the Entra client secret and
// Application Insights over one Log Analytics workspace. The app's system-assigned identity reaches
// SQL (Entra-only) and Storage (RBAC); nothing here holds a password. docs/deploy.md walks through it;
// docs/decisions/0011 says why it is shaped this way.
targetScope = 'resourceGroup'

@description('Lowercase letters and digits (3-10) that start every resource name, e.g. "crm".')
@minLength(3)
@maxLength(10)
param prefix string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Application (client) id of the OutlookCrm app registration in Microsoft Entra ID.')
@minLength(36)
@maxLength(36)
param entraClientId string

@description('AzureAd:TenantId: "organizations" for the multi-tenant registration, or one tenant id.')
param entraTenantId string = 'organizations'

@description('The Microsoft 365 tenant whose users may use the service (Auth:AllowedTenants). Default: this subscription\'s tenant.')
param allowedTenantId string = tenant().tenantId

@description('Object id of the Microsoft Entra user or group that administers the database and the vault\'s secrets.')
param adminObjectId string

@description('Sign-in name (user) or display name (group) of that administrator.')
param adminLogin string

@allowed([
  'User'
  'Group'
])
param adminPrincipalType string = 'User'

@description('App Service plan SKU (B1 and up: VNet integration and Always On need Basic or higher).')
param appServiceSku string = 'B1'

@description('App Service instances; two at least, so a restart or a failed health check never takes the service down.')
@minValue(2)
@maxValue(10)
param instanceCount int = 2

@description('Spread the plan and the database across availability zones (Premium v3 and a vCore database only).')
param zoneRedundant bool = false

@description('Azure SQL Database SKU, e.g. {"name":"S0","tier":"Standard"} or {"name":"GP_Gen5_2","tier":"GeneralPurpose"}.')
param databaseSku object = {
  name: 'S0'
  tier: 'Standard'
}

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GZRS'
])
param storageRedundancy string = 'Standard_LRS'

@description('Days Log Analytics keeps logs (30 are included in the price).')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Only while setting up or migrating: your public IP, to reach SQL from your machine. Deploy again without it to close SQL to everything but the app.')
param sqlSetupClientIp string = ''

var suffix = take(uniqueString(resourceGroup().id, prefix), 8)
var siteName = '${prefix}-app-${suffix}'
var vaultName = '${prefix}-kv-${suffix}'
var storageAccountName = '${prefix}st${suffix}'
var insightsName = '${prefix}-insights'
var attachmentsContainerName = 'attachments'
var databaseName = 'outlookcrm'
var clientSecretName = 'entra-client-secret'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: '${prefix}-logs'
    insightsName: insightsName
    retentionDays: logRetentionDays
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    location: location
    name: '${prefix}-vnet'
  }
}

module vault 'modules/vault.bicep' = {
  name: 'vault'
  params: {
    location: location
    name: vaultName
    workspaceId: monitoring.outputs.workspaceId
    adminObjectId: adminObjectId
    adminPrincipalType: adminPrincipalType
  }
}

module database 'modules/database.bicep' = {
  name: 'database'
  params: {
    location: location
    serverName: '${prefix}-sql-${suffix}'
    databaseName: databaseName
    databaseSku: databaseSku
    zoneRedundant: zoneRedundant
    adminObjectId: adminObjectId
    adminLogin: adminLogin
    adminPrincipalType: adminPrincipalType
    endpointSubnetId: network.outputs.endpointSubnetId
    privateDnsZoneId: network.outputs.sqlZoneId
    workspaceId: monitoring.outputs.workspaceId
    setupClientIp: sqlSetupClientIp
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageAccountName
    containerName: attachmentsContainerName
    redundancy: storageRedundancy
    endpointSubnetId: network.outputs.endpointSubnetId
    privateDnsZoneId: network.outputs.blobZoneId
    workspaceId: monitoring.outputs.workspaceId
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    location: location
    planName: '${prefix}-plan'
    siteName: siteName
    sku: appServiceSku
    instanceCount: instanceCount
    zoneRedundant: zoneRedundant
    subnetId: network.outputs.appSubnetId
    workspaceId: monitoring.outputs.workspaceId
    insightsName: insightsName
    clientSecretUri: '${vault.outputs.vaultUri}secrets/${clientSecretName}/'
    entraClientId: entraClientId
    entraTenantId: entraTenantId
    allowedTenantId: allowedTenantId
    sqlServerFqdn: database.outputs.serverFqdn
    databaseName: databaseName
    blobEndpoint: storage.outputs.blobEndpoint
    attachmentsContainerName: attachmentsContainerName
  }
}

module appAccess 'modules/appAccess.bicep' = {
  name: 'app-access'
  // The container exists before access to it is granted: the app (whose identity this names) waits for the storage's endpoint.
  params: {
    appName: siteName
    principalId: app.outputs.principalId
    vaultName: vaultName
    storageAccountName: storageAccountName
    containerName: attachmentsContainerName
  }
}

@description('The host name Outlook reaches the service on: use it for the Entra app\'s URIs and manifest/build.mjs --host.')
output hostName string = app.outputs.defaultHostName

@description('The web app (and the database user of its managed identity).')
output appName string = siteName

output vaultName string = vaultName
output sqlServerName string = database.outputs.serverName
output databaseName string = databaseName
