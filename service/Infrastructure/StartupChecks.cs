using OutlookCrm.Service.Auth;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>Refuses to start a Production service that is not safely configured, saying what to fix.</summary>
public static class StartupChecks
{
    public static void Verify(WebApplicationBuilder builder, AuthSettings auth, DatabaseSettings database)
    {
        if (!builder.Environment.IsProduction()) return;
        var problems = new List<string>();
        if (auth.Mode == AuthMode.Development)
            problems.Add("Auth:Mode is Development; production accepts only Microsoft Entra tokens (set Auth:Mode=Entra).");
        var azureAd = builder.Configuration.GetSection("AzureAd");
        if (auth.Mode == AuthMode.Entra)
        {
            foreach (var key in new[] { "Instance", "ClientId", "TenantId" })
                if (string.IsNullOrWhiteSpace(azureAd[key])) problems.Add($"AzureAd:{key} is not set.");
            if (string.IsNullOrWhiteSpace(azureAd["ClientSecret"]) && !azureAd.GetSection("ClientCredentials").GetChildren().Any())
                problems.Add("AzureAd:ClientCredentials (a certificate, or AzureAd:ClientSecret) is not set; it is needed to call Microsoft Graph on behalf of users.");
        }
        if (database.Provider is null)
            problems.Add("Database:Provider is not set (SqlServer or Sqlite).");
        else if (database.Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(database.ConnectionString))
            problems.Add("Database:ConnectionString is not set for SqlServer.");
        if (problems.Count > 0)
            throw new InvalidOperationException("OutlookCrm cannot start in Production: " + string.Join(" ", problems));
    }
}
