// A private DNS zone linked to the network, so the app resolves a service's name to its private endpoint.
param zoneName string
param networkId string

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: zoneName
  location: 'global'
}

resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'app-network'
  location: 'global'
  properties: {
    virtualNetwork: {
      id: networkId
    }
    registrationEnabled: false
  }
}

output zoneId string = zone.id
