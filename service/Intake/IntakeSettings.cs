namespace OutlookCrm.Service.Intake;

public sealed class IntakeSettings
{
    public const string Section = "Intake";
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(14);
    /// <summary>Origin of the public form links; by default the origin the request came in on.</summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>
    /// No email is sent: the pane shows the link for the practitioner to pass on. For a practice
    /// without a mailbox connection (Mailbox:Source=None), which start-up otherwise refuses outside Development.
    /// </summary>
    public bool ManualDelivery { get; set; }
}
