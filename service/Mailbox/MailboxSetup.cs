using Microsoft.Extensions.Http.Resilience;
using Microsoft.Identity.Web;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Intake;
using Polly;

namespace OutlookCrm.Service.Mailbox;

public static class MailboxSetup
{
    public static MailboxSettings AddMailbox(this WebApplicationBuilder builder, AuthSettings auth)
    {
        var settings = builder.Configuration.GetSection(MailboxSettings.Section).Get<MailboxSettings>() ?? new MailboxSettings();
        settings.Source ??= auth.Mode == AuthMode.Entra ? MailboxSource.Graph : MailboxSource.None;
        builder.Services.AddSingleton(settings);
        builder.Services.AddScoped<MailboxOwner>();

        if (settings.Source == MailboxSource.None)
        {
            builder.Services.AddSingleton<IMailboxHistory, NotConnectedMailbox>();
            builder.Services.AddSingleton<IMailboxOwnerAccess, NotConnectedMailboxOwners>();
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddSingleton<DevelopmentOutbox>();
            builder.Services.AddSingleton<IIntakeMailer>(sp => sp.GetRequiredService<DevelopmentOutbox>());
            builder.Services.AddSingleton<IUserSessions, TokenlessUserSessions>();
            return settings;
        }

        if (auth.Mode == AuthMode.Development && builder.Environment.IsDevelopment())
        {
            // Development sign-in has no Entra to ask for Graph tokens: only a Graph stand-in on this machine is reachable.
            if (!DevelopmentGraphTokens.CanServe(settings))
                throw new InvalidOperationException("Mailbox:Source=Graph with development sign-in needs a Graph stand-in on this machine (a loopback Mailbox:GraphBaseUrl).");
            builder.Services.AddSingleton<ITokenAcquisition, DevelopmentGraphTokens>();
        }
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<MailboxGates>();
        builder.Services.AddScoped<IMailboxHistory, GraphMailboxHistory>();
        builder.Services.AddScoped<IMailboxOwnerAccess, GraphMailboxOwnerAccess>();
        builder.Services.AddScoped<IIntakeMailer, GraphIntakeMailer>();
        builder.Services.AddScoped<IUserSessions, GraphUserSessions>();
        builder.Services.AddHttpClient(GraphMailboxHistory.HttpClientName)
            .AddResilienceHandler("graph", pipeline => pipeline
                // 429 and 503 are retried after Graph's Retry-After; the caller's budget still caps the total.
                .AddRetry(GraphReadRetry.Options())
                .AddTimeout(TimeSpan.FromSeconds(2)));
        // Sending is not idempotent: a timeout or a dropped connection may follow an accepted message,
        // and a retry would email the client twice. Only Graph's throttling answers (429, 503: not
        // accepted) are retried, after their Retry-After.
        builder.Services.AddHttpClient(GraphIntakeMailer.HttpClientName)
            .AddResilienceHandler("graph-send", pipeline => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode is System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.ServiceUnavailable),
                })
                .AddTimeout(TimeSpan.FromSeconds(10)));
        return settings;
    }
}
