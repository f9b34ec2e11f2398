using System.Net;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Security;

/// <summary>
/// Plain HTTP is only for this machine (local runs, tests, a reverse proxy on loopback). From
/// anywhere else a page is redirected to HTTPS and an API call refused, so tokens never cross a
/// network in clear. Behind a TLS-terminating proxy, enable forwarded headers so the scheme is known.
/// </summary>
public sealed class HttpsOutsideLoopback(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.IsHttps || IsLocal(http.Connection.RemoteIpAddress)) return next(http);
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            http.Response.Redirect($"https://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}", permanent: true, preserveMethod: true);
            return Task.CompletedTask;
        }
        throw new ApiProblem(400, ProblemCodes.HttpsRequired, "This service only accepts HTTPS.");
    }

    // The test host has no remote address; a real socket always has one.
    static bool IsLocal(IPAddress? address) => address is null || IPAddress.IsLoopback(address);
}
