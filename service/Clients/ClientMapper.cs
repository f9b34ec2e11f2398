using Riok.Mapperly.Abstractions;

namespace OutlookCrm.Service.Clients;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ClientMapper
{
    public static partial ClientSummary ToSummary(this Client client);

    [MapProperty(nameof(Client.Version), nameof(ClientRecord.Version), Use = nameof(ETagOf))]
    public static partial ClientRecord ToRecord(this Client client, IReadOnlyList<ClientEmailDto> emails, IReadOnlyList<ClientFieldDto> fields, string? createdByName, string? updatedByName);

    /// <summary>The strong entity tag of a client version, quotes included (RFC 9110).</summary>
    public static string ETagOf(long version) => Infrastructure.IfMatch.ETagOf(version);
}
