// Blob storage for the attachments that "every email" work will keep. Entra (RBAC) access only:
// shared keys and anonymous access are off, and the account has no public endpoint.
// (Data Protection keys are in the database's DataProtectionKeys table, not here.)
param location string
param name string
param containerName string
param redundancy string
param endpointSubnetId string
param privateDnsZoneId string
param workspaceId string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: {
    name: redundancy
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
    }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource attachments 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

module endpoint 'privateEndpoint.bicep' = {
  name: 'endpoint-blob'
  params: {
    location: location
    name: '${name}-blob-endpoint'
    subnetId: endpointSubnetId
    targetId: account.id
    groupId: 'blob'
    privateDnsZoneId: privateDnsZoneId
  }
}

resource blobLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: blobs
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

@description('The blob endpoint the service reaches with its managed identity (Attachments__AzureBlobServiceUri).')
output blobEndpoint string = account.properties.primaryEndpoints.blob
