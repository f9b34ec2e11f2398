// The app reaches SQL and blob storage over private endpoints in this network; neither has a public
// endpoint. Only the app's private traffic enters it (route-all stays off), so Microsoft Graph and
// Entra are still reached directly.
param location string
param name string

resource network 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.20.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.20.1.0/24'
          defaultOutboundAccess: false
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: '10.20.2.0/24'
          defaultOutboundAccess: false
        }
      }
    ]
  }
}

// The names Azure resolves privately for SQL and blob endpoints in this cloud.
module sqlZone 'privateDnsZone.bicep' = {
  name: 'dns-sql'
  params: {
    zoneName: 'privatelink${environment().suffixes.sqlServerHostname}'
    networkId: network.id
  }
}

module blobZone 'privateDnsZone.bicep' = {
  name: 'dns-blob'
  params: {
    zoneName: 'privatelink.blob.${environment().suffixes.storage}'
    networkId: network.id
  }
}

output appSubnetId string = network.properties.subnets[0].id
output endpointSubnetId string = network.properties.subnets[1].id
output sqlZoneId string = sqlZone.outputs.zoneId
output blobZoneId string = blobZone.outputs.zoneId
