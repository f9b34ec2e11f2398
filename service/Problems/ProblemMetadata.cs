namespace OutlookCrm.Service.Problems;

/// <summary>
/// Problems are thrown (<see cref="ApiProblem"/>) rather than returned, so the statuses an endpoint can
/// answer with a problem are declared here for the OpenAPI document; each body is the ProblemDetails schema with its code.
/// </summary>
public static class ProblemMetadata
{
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }
}
