// Key Vault for the Entra client secret: RBAC only (no access policies), soft delete with purge
// protection, every access logged.
param location string
param name string
param workspaceId string
@description('Who may set the secrets: the admin running docs/deploy.md.')
param adminObjectId string
param adminPrincipalType string

// Built-in role: Key Vault Secrets Officer.
var secretsOfficerRole = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForTemplateDeployment: false
    enabledForDiskEncryption: false
    // Public so the admin can set the secret from a workstation; RBAC still decides every read.
    publicNetworkAccess: 'Enabled'
  }
}

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, adminObjectId, secretsOfficerRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRole)
    principalId: adminObjectId
    principalType: adminPrincipalType
  }
}

resource vaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
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
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output vaultUri string = vault.properties.vaultUri
