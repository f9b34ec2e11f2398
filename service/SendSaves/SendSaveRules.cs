namespace OutlookCrm.Service.SendSaves;

public static class SendSaveRules
{
    /// <summary>The Internet header the pane stamps on the draft; it travels with the sent message into Sent Items.</summary>
    public const string HeaderName = "x-outlookcrm-send-key";
    public const int MinKeyLength = 16;
    public const int MaxKeyLength = 64;
    public const int MaxClients = 20;
    /// <summary>A save not resolved in this time (the email was never sent, or the mailbox never answered) is closed as expired and reported.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    /// <summary>Sent Items is read from this long before the oldest pending save (the clocks of Exchange and this service differ).</summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

    /// <summary>A random key: letters, digits, '-' and '_' only (it becomes a header value and a URL segment).</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: >= MinKeyLength and <= MaxKeyLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
