// Azure SQL with Microsoft Entra authentication only (no SQL login, no password anywhere), reached by
// the app through a private endpoint; audited to Log Analytics.
param location string
param serverName string
param databaseName string
param databaseSku object
param zoneRedundant bool
param adminObjectId string
param adminLogin string
param adminPrincipalType string
param endpointSubnetId string
param privateDnsZoneId string
param workspaceId string
@description('Empty: no public access. An IP: public access from that address only, while an admin sets up or migrates.')
param setupClientIp string

resource server 'Microsoft.Sql/servers@2023-08-01' = {
  name: serverName
  location: location
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: empty(setupClientIp) ? 'Disabled' : 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      principalType: adminPrincipalType
      login: adminLogin
      sid: adminObjectId
      tenantId: tenant().tenantId
    }
  }
}

resource setupAccess 'Microsoft.Sql/servers/firewallRules@2023-08-01' = if (!empty(setupClientIp)) {
  parent: server
  name: 'admin-setup'
  properties: {
    startIpAddress: setupClientIp
    endIpAddress: setupClientIp
  }
}

resource database 'Microsoft.Sql/servers/databases@2023-08-01' = {
  parent: server
  name: databaseName
  location: location
  sku: databaseSku
  properties: {
    zoneRedundant: zoneRedundant
  }
}

module endpoint 'privateEndpoint.bicep' = {
  name: 'endpoint-sql'
  params: {
    location: location
    name: '${serverName}-endpoint'
    subnetId: endpointSubnetId
    targetId: server.id
    groupId: 'sqlServer'
    privateDnsZoneId: privateDnsZoneId
  }
}

resource databaseLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: database
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    // The database's own categories; its audit events go through master (below).
    logs: [
      {
        category: 'Errors'
        enabled: true
      }
      {
        category: 'Timeouts'
        enabled: true
      }
      {
        category: 'Blocks'
        enabled: true
      }
      {
        category: 'Deadlocks'
        enabled: true
      }
      {
        category: 'AutomaticTuning'
        enabled: true
      }
      {
        category: 'SQLInsights'
        enabled: true
      }
      {
        category: 'QueryStoreRuntimeStatistics'
        enabled: true
      }
      {
        category: 'QueryStoreWaitStatistics'
        enabled: true
      }
      {
        category: 'DatabaseWaitStatistics'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Basic'
        enabled: true
      }
    ]
  }
}

// Server auditing to Azure Monitor lands through the master database's diagnostic setting.
resource master 'Microsoft.Sql/servers/databases@2023-08-01' existing = {
  parent: server
  name: 'master'
}

resource auditLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: master
  name: 'audit-to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'SQLSecurityAuditEvents'
        enabled: true
      }
    ]
  }
}

resource auditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01' = {
  parent: server
  name: 'default'
  properties: {
    state: 'Enabled'
    isAzureMonitorTargetEnabled: true
  }
  dependsOn: [
    auditLogs
  ]
}

output serverName string = server.name
output serverFqdn string = server.properties.fullyQualifiedDomainName
