using OutlookCrm.Service.Mailbox;

namespace OutlookCrm.Service.Colleagues;

public static class ColleagueSetup
{
    /// <summary>Graph's verified domains where the service reads the mailbox through Graph; Colleagues:Domains otherwise (Development).</summary>
    public static void AddColleagues(this WebApplicationBuilder builder, MailboxSettings mailbox)
    {
        var settings = builder.Configuration.GetSection(ColleagueSettings.Section).Get<ColleagueSettings>() ?? new ColleagueSettings();
        builder.Services.AddSingleton(settings);
        if (mailbox.Source == MailboxSource.Graph)
        {
            builder.Services.AddSingleton<OrganizationDomainCache>();
            builder.Services.AddScoped<IOrganizationDomains, GraphOrganizationDomains>();
        }
        else
        {
            builder.Services.AddSingleton<IOrganizationDomains, ConfiguredOrganizationDomains>();
        }
    }
}
