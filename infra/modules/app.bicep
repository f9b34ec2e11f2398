// The service on App Service for Linux (.NET 10, code deployment): several instances behind the
// platform's TLS front end, with a system-assigned identity and the settings the service reads
// (README.md, Configuration). Its outbound private traffic goes through the network's app subnet.
param location string
param planName string
param siteName string
param sku string
param instanceCount int
param zoneRedundant bool
param subnetId string
param workspaceId string
param insightsName string
@description('Versionless Key Vault URI of the Entra client secret, so a new version is picked up without a deployment.')
param clientSecretUri string
param entraClientId string
param entraTenantId string
param allowedTenantId string
param sqlServerFqdn string
param databaseName string
@description('The storage account\'s blob endpoint and the attachments container, reached with the app\'s managed identity.')
param blobEndpoint string
param attachmentsContainerName string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Stateless instances (cursors, keys and data are in the database): any instance serves any call.
    clientAffinityEnabled: false
    virtualNetworkSubnetId: subnetId
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet OutlookCrm.Service.dll'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      remoteDebuggingEnabled: false
      webSocketsEnabled: false
      // Ready means the database answers; an instance that cannot reach it is taken out of rotation.
      healthCheckPath: '/health/ready'
    }
  }
}

// Deployments sign in with Microsoft Entra (az webapp deploy), never with FTP or Kudu passwords.
resource noFtpPassword 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource noScmPassword 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// ASP.NET Core configuration as environment variables ("__" for ":"); tests start the service with
// exactly these (tests/OutlookCrm.Service.Tests/Infra).
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    Auth__Mode: 'Entra'
    Auth__AllowedTenants__0: allowedTenantId
    AzureAd__Instance: environment().authentication.loginEndpoint
    AzureAd__TenantId: entraTenantId
    AzureAd__ClientId: entraClientId
    AzureAd__ApplicationIdHost: '${site.properties.defaultHostName}/${entraClientId}'
    AzureAd__ClientSecret: '@Microsoft.KeyVault(SecretUri=${clientSecretUri})'
    Database__Provider: 'SqlServer'
    Database__ConnectionString: 'Server=tcp:${sqlServerFqdn},1433;Database=${databaseName};Authentication=Active Directory Default;Encrypt=True;'
    // The admin applies migrations with a privileged identity (docs/decisions/0011); the app's own
    // user cannot change the schema, nor drop the audit trail's append-only triggers.
    Database__MigrateOnStartup: 'false'
    Mailbox__Source: 'Graph'
    // Several instances share no disk: attachments live in the storage account (Entra access only).
    Attachments__Store: 'AzureBlob'
    Attachments__AzureBlobServiceUri: blobEndpoint
    Attachments__AzureBlobContainer: attachmentsContainerName
    // The platform terminates TLS: trust its X-Forwarded-For/-Proto, or every call looks like plain HTTP.
    ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    XDT_MicrosoftApplicationInsights_Mode: 'recommended'
    // No browser telemetry script in the pane's pages: the CSP allows none, and they show client data.
    APPINSIGHTS_JAVASCRIPT_ENABLED: 'false'
  }
}

resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceAppLogs'
        enabled: true
      }
      {
        category: 'AppServiceAuditLogs'
        enabled: true
      }
      {
        category: 'AppServiceIPSecAuditLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
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

output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName
