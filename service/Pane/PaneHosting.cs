using System.Net;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using OutlookCrm.Service.Auth;

namespace OutlookCrm.Service.Pane;

/// <summary>
/// Serves the built task pane (addin/dist) on the API's own origin, and in Development the
/// browser preview: the same pane page with Office.js swapped for the local fake.
/// </summary>
public static class PaneHosting
{
    public const string OfficeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    public const string AuthConfigMeta = "outlookcrm-auth-config";
    const string FakeOfficeJs = "/fake-office.js";

    public static string? ResolveDistPath(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration["Pane:DistPath"];
        var candidates = configured is not null
            ? [Path.GetFullPath(configured, environment.ContentRootPath)]
            : new[] { Path.Combine(environment.ContentRootPath, "wwwroot"), Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "addin", "dist")) };
        return candidates.FirstOrDefault(path => File.Exists(Path.Combine(path, "taskpane.html")));
    }

    public static void UseTaskPane(this WebApplication app, AuthSettings auth)
    {
        var distPath = ResolveDistPath(app.Configuration, app.Environment);
        if (distPath is null)
        {
            app.Logger.LogWarning("The task pane is not built (no taskpane.html); run npm run build in addin/.");
            return;
        }

        var files = new PhysicalFileProvider(distPath);
        var previewEnabled = app.Environment.IsDevelopment() && auth.Mode == AuthMode.Development;
        var authConfig = JsonSerializer.Serialize(AuthConfigEndpoints.For(auth, app.Configuration), JsonSerializerOptions.Web);
        app.MapGet("/taskpane.html", (HttpContext http) => Page(http, PaneWithAuthConfig(distPath, authConfig))).ExcludeFromDescription();
        if (previewEnabled)
        {
            app.MapGet("/preview", (HttpRequest request) => Results.Redirect("/preview.html" + request.QueryString)).ExcludeFromDescription();
            app.MapGet("/preview/taskpane.html", (HttpContext http) =>
                Page(http, PaneWithAuthConfig(distPath, authConfig).Replace(OfficeJsCdn, FakeOfficeJs, StringComparison.Ordinal))).ExcludeFromDescription();
            // Save on send's event runtime on fake Office: the preview's Send runs OnMessageSend in it.
            if (File.Exists(Path.Combine(distPath, "send-event.html")))
                app.MapGet("/preview/send-event.html", (HttpContext http) =>
                    Page(http, File.ReadAllText(Path.Combine(distPath, "send-event.html")).Replace(OfficeJsCdn, FakeOfficeJs, StringComparison.Ordinal))).ExcludeFromDescription();
        }
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = previewEnabled ? files : new HidePreviewFiles(files),
            OnPrepareResponse = context =>
            {
                // Hashed bundles never change; icons rarely do (Outlook caches them too); pages must be
                // re-read so a deploy is picked up.
                var path = context.Context.Request.Path;
                context.Context.Response.Headers.CacheControl =
                    path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable"
                    : path.StartsWithSegments("/icons") ? "public, max-age=604800"
                    : "no-cache";
            },
        });
    }

    /// <summary>The built page with the sign-in configuration in a meta element (no inline script: the CSP forbids it).</summary>
    static string PaneWithAuthConfig(string distPath, string authConfigJson) =>
        File.ReadAllText(Path.Combine(distPath, "taskpane.html"))
            .Replace("<head>", $"<head><meta name=\"{AuthConfigMeta}\" content=\"{WebUtility.HtmlEncode(authConfigJson)}\">", StringComparison.OrdinalIgnoreCase);

    static IResult Page(HttpContext http, string html)
    {
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>Outside the development preview, the preview page, its bundle and fake Office.js are not served.</summary>
    sealed class HidePreviewFiles(IFileProvider inner) : IFileProvider
    {
        // Vite names an entry's bundle assets/<entry>-<hash>.js; the preview entry is "preview" (addin/vite.config.ts).
        static bool IsPreview(string path)
        {
            var file = path.TrimStart('/');
            return file == "fake-office.js"
                || file.StartsWith("preview", StringComparison.OrdinalIgnoreCase)
                || file.StartsWith("assets/preview-", StringComparison.OrdinalIgnoreCase);
        }

        public IFileInfo GetFileInfo(string subpath) => IsPreview(subpath) ? new NotFoundFileInfo(subpath) : inner.GetFileInfo(subpath);
        public IDirectoryContents GetDirectoryContents(string subpath) => inner.GetDirectoryContents(subpath);
        public Microsoft.Extensions.Primitives.IChangeToken Watch(string filter) => inner.Watch(filter);
    }
}
