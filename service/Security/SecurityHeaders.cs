using Microsoft.Net.Http.Headers;
using OutlookCrm.Service.Pane;

namespace OutlookCrm.Service.Security;

/// <summary>
/// Headers on every response. Pages get a Content Security Policy that allows exactly the service
/// itself, Office.js's CDN and the Outlook hosts that frame the pane; everything else (API, health)
/// gets a policy that allows nothing and must never be stored by a cache: it is health information.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, SecuritySettings settings, IWebHostEnvironment environment)
{
    static readonly string OfficeCdn = new Uri(PaneHosting.OfficeJsCdn).GetLeftPart(UriPartial.Authority);

    readonly string pagePolicy = string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' {OfficeCdn}",
        // Fluent UI (Griffel) inserts its atomic CSS at run time.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        $"connect-src 'self' {OfficeCdn} https://login.microsoftonline.com",
        "frame-src 'self' https://login.microsoftonline.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        $"frame-ancestors 'self' {string.Join(' ', settings.FrameAncestors)}");

    const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
    const string ReferencePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' https://fonts.googleapis.com; font-src 'self' data: https://fonts.gstatic.com; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            var path = http.Request.Path;
            if (IsPage(http))
            {
                // A page that set its own (stricter) policy keeps it.
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                    headers.ContentSecurityPolicy = path.StartsWithSegments("/scalar") && environment.IsDevelopment() ? ReferencePolicy : pagePolicy;
            }
            else
            {
                headers.ContentSecurityPolicy = ApiPolicy;
                headers["X-Frame-Options"] = "DENY";
                // Static files set their own caching (PaneHosting); everything else may hold client data.
                if (!headers.ContainsKey(HeaderNames.CacheControl)) headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(http);
    }

    static bool IsPage(HttpContext http) =>
        http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
}
