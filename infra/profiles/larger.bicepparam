// A larger practice or a group of clinics: three Premium v3 instances and a 2-vCore General Purpose
// database, both spread across availability zones, zone-redundant storage, logs kept 90 days.
// The region must support availability zones for App Service and Azure SQL.
using '../main.bicep'

param appServiceSku = 'P1v3'
param instanceCount = 3
param zoneRedundant = true
param databaseSku = {
  name: 'GP_Gen5_2'
  tier: 'GeneralPurpose'
}
param storageRedundancy = 'Standard_ZRS'
param logRetentionDays = 90
