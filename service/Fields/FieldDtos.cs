using System.Text.Json;

namespace OutlookCrm.Service.Fields;

public sealed record FieldDto(Guid Id, string Label, FieldType Type);
public sealed record FieldList(IReadOnlyList<FieldDto> Items);
public sealed record CreateFieldRequest(string? Label, string? Type);
public sealed record SetFieldValueRequest(JsonElement Value, bool AllowSharedEmail);
