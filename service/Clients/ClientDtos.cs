using System.ComponentModel.DataAnnotations;
using OutlookCrm.Service.Fields;

namespace OutlookCrm.Service.Clients;

public sealed record ClientEmailDto(string Address, [property: AllowedValues(ClientEmailDto.PrimaryKind, ClientEmailDto.FieldKind)] string Kind, Guid? FieldId, string? Label)
{
    public const string PrimaryKind = "primary";
    public const string FieldKind = "field";
}

public sealed record ClientFieldDto(Guid FieldId, string Label, FieldType Type, string Value);

public sealed record ClientRecord(
    Guid Id,
    string FirstName,
    string LastName,
    string? PreferredName,
    string DisplayName,
    DateOnly? DateOfBirth,
    string? Phone,
    string? Email,
    ClientStatus Status,
    IReadOnlyList<ClientEmailDto> Emails,
    IReadOnlyList<ClientFieldDto> Fields,
    string Version,
    DateTime CreatedAt,
    Guid CreatedBy,
    DateTime UpdatedAt,
    Guid UpdatedBy,
    string? CreatedByName,
    string? UpdatedByName);

public sealed record ClientSummary(Guid Id, string FirstName, string LastName, string? PreferredName, string DisplayName, string? Email, ClientStatus Status);

public sealed record ClientPage(IReadOnlyList<ClientSummary> Items, string? NextCursor);

public sealed record CreateClientRequest(
    string? FirstName,
    string? LastName,
    string? PreferredName,
    string? DateOfBirth,
    string? Phone,
    string? Email,
    [property: AllowedValues("active", "inactive")] string? Status,
    bool AllowSharedEmail);

public sealed record LinkEmailRequest(
    string? Address,
    [property: AllowedValues("primary", "secondary")] string? As,
    string? Label,
    bool AllowSharedEmail,
    bool ReplacePrimary,
    bool KeepPreviousAsSecondary);
