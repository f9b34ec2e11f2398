using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// The request headers an endpoint reads itself (not bound as parameters), declared for the OpenAPI document
/// so the reference and the generated pane types show them.
/// </summary>
public static class HeaderParameters
{
    /// <summary>If-Match (<see cref="IfMatch"/>): required (missing → 428) or optional.</summary>
    public static RouteHandlerBuilder ReadsIfMatch(this RouteHandlerBuilder endpoint, bool required) =>
        endpoint.WithHeader("If-Match", required,
            "The record's ETag (a list of entity tags, or *); compared strongly: a weak tag never matches." + (required ? " Missing → 428." : ""));

    /// <summary>Idempotency-Key: a retry with the same key and body gets the first response again.</summary>
    public static RouteHandlerBuilder ReadsIdempotencyKey(this RouteHandlerBuilder endpoint) =>
        endpoint.WithHeader("Idempotency-Key", required: false,
            "1 to 100 visible ASCII characters; the same key with the same body replays the first response, with another body → 422.");

    static RouteHandlerBuilder WithHeader(this RouteHandlerBuilder endpoint, string name, bool required, string description) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = required,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });
}
