using Microsoft.AspNetCore.Http.Features;

namespace OutlookCrm.Service.Problems;

/// <summary>Refuses oversized bodies up front (413) and caps streamed ones at the same size.</summary>
sealed class RequestSizeLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentLength > RequestLimits.MaxBodyBytes) throw ApiProblem.PayloadTooLarge(RequestLimits.MaxBodyBytes);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
        return next(http);
    }
}
