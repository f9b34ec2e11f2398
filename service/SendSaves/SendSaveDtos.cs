namespace OutlookCrm.Service.SendSaves;

public sealed record SendSaveRequest(List<Guid>? ClientIds);

/// <summary>What the send event reports: the recipients' addresses, used only when the pane left no choice and the sender's default applies.</summary>
public sealed record SendReportRequest(List<string?>? Recipients);

/// <summary>One send's saves. <c>State</c> of each client: pending, saved, expired or skipped.</summary>
public sealed record SendSaveDto(string Key, IReadOnlyList<SendSaveClientDto> Clients);

public sealed record SendSaveClientDto(Guid ClientId, string State, Guid? SavedEmailId, string? Reason);

/// <param name="Mailbox">ok, unavailable (Sent Items could not be read now: everything pending stays pending) or not-connected.</param>
public sealed record ResolveResult(
    IReadOnlyList<ResolvedSave> Saved, IReadOnlyList<ResolvedSave> Skipped, IReadOnlyList<ResolvedSave> Expired, int Pending, string Mailbox);

public sealed record ResolvedSave(string Key, Guid ClientId, Guid? SavedEmailId, string? Subject, string? Reason, DateTime CreatedAt);

/// <summary>The caller's save defaults. In a PUT, a setting left out (null) keeps its value; at least one is required.</summary>
public sealed record SaveSettingsDto(bool? SaveToKnownClientsWhenSent, bool? SaveConversationsAutomatically);
