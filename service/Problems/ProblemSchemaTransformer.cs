using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OutlookCrm.Service.Problems;

/// <summary>
/// Describes our problem bodies in the OpenAPI document: the framework's ProblemDetails schema plus the
/// <c>code</c> every problem carries (an enum of <see cref="ProblemCodes.All"/>) and a validation problem's <c>errors</c>.
/// </summary>
sealed class ProblemSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type)) return Task.CompletedTask;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Stable code of the problem; the pane translates it (the title is English, for people reading logs).\n\n"
                + string.Join("\n", ProblemCodes.Described.Select(d => $"- `{d.Code}`: {d.When}")),
            Enum = ProblemCodes.All.Select(code => (JsonNode)JsonValue.Create(code)).ToList(),
        };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "validation-failed: the messages for each property of the request.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("code");
        return Task.CompletedTask;
    }
}

/// <summary>The same document wherever it is produced (build time, a test host, a server): no server addresses in it.</summary>
sealed class StableDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [];
        return Task.CompletedTask;
    }
}
