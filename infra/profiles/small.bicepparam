// A small practice (a handful of practitioners): two Basic instances, a 10-DTU Standard database,
// locally redundant storage, logs kept the included 30 days. Scale up with larger.bicepparam.
// Identity parameters (prefix, entraClientId, adminObjectId, adminLogin) come on the command line
// (docs/deploy.md).
using '../main.bicep'

param appServiceSku = 'B1'
param instanceCount = 2
param zoneRedundant = false
param databaseSku = {
  name: 'S0'
  tier: 'Standard'
}
param storageRedundancy = 'Standard_LRS'
param logRetentionDays = 30
