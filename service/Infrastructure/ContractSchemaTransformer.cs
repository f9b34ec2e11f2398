using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// Makes the OpenAPI document say what the service actually writes, so the pane's generated types are exact:
/// a string property marked <c>[property: AllowedValues(...)]</c> is an enum of those values, and numbers are
/// numbers (the web JSON options also read "5" as 5, which the framework describes as number-or-string).
/// </summary>
sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        var allowed = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(AllowedValuesAttribute), inherit: true)
            .OfType<AllowedValuesAttribute>().FirstOrDefault();
        if (allowed is not null)
        {
            var values = allowed.Values.Select(v => (JsonNode?)JsonValue.Create(v as string)).ToList();
            if (schema.Type?.HasFlag(JsonSchemaType.Null) == true && !values.Contains(null)) values.Add(null);
            schema.Enum = values!;
        }
        return Task.CompletedTask;
    }
}
