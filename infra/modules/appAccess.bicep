// What the app's managed identity may do beyond SQL (whose user docs/deploy.md creates): read the
// vault's secrets, and read and write blobs in the attachments container only.
@description('Names the role assignments, so they are known before the identity exists.')
param appName string
param principalId string
param vaultName string
param storageAccountName string
param containerName string

// Built-in roles: Key Vault Secrets User, Storage Blob Data Contributor.
var secretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'
var blobContributorRole = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobs 'blobServices' existing = {
    name: 'default'

    resource container 'containers' existing = {
      name: containerName
    }
  }
}

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, appName, secretsUserRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRole)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource useAttachments 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account::blobs::container
  name: guid(account::blobs::container.id, appName, blobContributorRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobContributorRole)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
