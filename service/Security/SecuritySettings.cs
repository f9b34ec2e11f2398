namespace OutlookCrm.Service.Security;

public sealed class SecuritySettings
{
    public const string Section = "Security";

    /// <summary>Outlook hosts allowed to frame the pane (Outlook on the web, new Outlook).</summary>
    public List<string> FrameAncestors { get; set; } =
    [
        "https://outlook.office.com",
        "https://outlook.office365.com",
        "https://outlook.cloud.microsoft",
        "https://*.outlook.com",
    ];
}
