namespace OutlookCrm.Service.Pane;

/// <summary>
/// In Development, the add-in manifest for this service's own https://localhost address (written by
/// scripts/start.sh with manifest/build.mjs), so the pane can be sideloaded in Outlook on the web at once.
/// </summary>
public static class DevelopmentManifest
{
    public static void MapDevelopmentManifest(this WebApplication app)
    {
        var path = Path.GetFullPath(app.Configuration["Manifest:DevelopmentPath"] ?? Path.Combine("..", "manifest", "dist", "dev", "manifest.xml"), app.Environment.ContentRootPath);
        app.MapGet("/manifest.xml", (HttpContext http) =>
        {
            if (!File.Exists(path))
                throw new Problems.ApiProblem(404, Problems.ProblemCodes.NotFound, "The development manifest is not built.", "Run scripts/start.sh, which builds it for https://localhost:5081.");
            http.Response.Headers.CacheControl = "no-cache";
            return Results.File(path, "application/xml; charset=utf-8");
        }).ExcludeFromDescription();
    }
}
