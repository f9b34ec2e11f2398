namespace OutlookCrm.Service.Mailbox;

public enum MailboxSource { None, Graph }

public sealed class MailboxSettings
{
    public const string Section = "Mailbox";

    /// <summary>Graph when the service runs with Entra; None (not-connected) in Development.</summary>
    public MailboxSource? Source { get; set; }

    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    public string[] Scopes { get; set; } = ["Mail.Read"];

    /// <summary>For a shared or delegate mailbox (<c>/users/{owner}</c>): Graph's <c>.Shared</c> permission.</summary>
    public string[] SharedScopes { get; set; } = ["Mail.Read.Shared"];

    /// <summary>The whole mailbox part of a history page, retries included; then the page answers without it.</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(3);

    public int MaxConcurrentRequestsPerMailbox { get; set; } = 4;

    public int MaxPagesPerRequest { get; set; } = 5;
}
