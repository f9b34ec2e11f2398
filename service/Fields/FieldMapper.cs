using Riok.Mapperly.Abstractions;

namespace OutlookCrm.Service.Fields;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class FieldMapper
{
    public static partial FieldDto ToDto(this FieldDefinition field);
}
