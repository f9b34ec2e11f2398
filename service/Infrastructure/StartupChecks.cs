using OutlookCrm.Service.Attachments;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Intake;
using OutlookCrm.Service.Mailbox;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// Refuses to start a service that is not safely configured, saying what to fix. Everything but
/// Development is treated as production: a Staging slot serves real tenants too.
/// </summary>
public static class StartupChecks
{
    public static void Verify(WebApplicationBuilder builder, AuthSettings auth, DatabaseSettings database, MailboxSettings mailbox, IntakeSettings intake, AttachmentSettings attachments)
    {
        if (builder.Environment.IsDevelopment()) return;
        var problems = new List<string>();
        if (auth.Mode == AuthMode.Development)
            problems.Add("Auth:Mode is Development, which signs anyone in (POST /dev/token); outside the Development environment only Microsoft Entra tokens are accepted (set Auth:Mode=Entra).");
        var azureAd = builder.Configuration.GetSection("AzureAd");
        if (auth.Mode == AuthMode.Entra)
        {
            foreach (var key in new[] { "Instance", "ClientId", "TenantId" })
                if (string.IsNullOrWhiteSpace(azureAd[key])) problems.Add($"AzureAd:{key} is not set.");
            if (string.IsNullOrWhiteSpace(azureAd["ClientSecret"]) && !azureAd.GetSection("ClientCredentials").GetChildren().Any())
                problems.Add("AzureAd:ClientCredentials (a certificate, or AzureAd:ClientSecret) is not set; it is needed to call Microsoft Graph on behalf of users.");
        }
        if (mailbox.Source == MailboxSource.None && !intake.ManualDelivery)
            problems.Add("Mailbox:Source is None, so intake emails could not be sent; set Mailbox:Source=Graph, or Intake:ManualDelivery=true to have the pane show each intake link for the practitioner to pass on.");
        if (database.Provider is null)
            problems.Add("Database:Provider is not set (SqlServer or Sqlite).");
        else if (database.Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(database.ConnectionString))
            problems.Add("Database:ConnectionString is not set for SqlServer.");
        problems.AddRange(AttachmentSetup.ConfigurationProblems(attachments));
        if (problems.Count > 0)
            throw new InvalidOperationException($"OutlookCrm cannot start in the {builder.Environment.EnvironmentName} environment: " + string.Join(" ", problems));
    }
}
