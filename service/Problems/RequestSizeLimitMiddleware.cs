using Microsoft.AspNetCore.Http.Features;

namespace OutlookCrm.Service.Problems;

/// <summary>Refuses oversized bodies up front (413) and caps streamed ones at the same size.</summary>
sealed class RequestSizeLimitMiddleware(RequestDelegate next, long maxBytes)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentLength > maxBytes) throw ApiProblem.PayloadTooLarge(maxBytes);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        return next(http);
    }
}
