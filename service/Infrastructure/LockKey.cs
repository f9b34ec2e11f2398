using OutlookCrm.Service.Addresses;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// What a write must hold alone while it checks and then changes (is this address free? then link
/// it). Built only here, so two writers that contend for the same thing always name it the same way.
/// </summary>
public readonly record struct LockKey
{
    LockKey(string value) => Value = value;

    public string Value { get; }

    public static LockKey Address(EmailAddress address) => new("address:" + address.Normalized);
    public static LockKey Client(Guid clientId) => new($"client:{clientId:N}");
    public static LockKey FieldDefinitions { get; } = new("field-definitions");
    public static LockKey Members(Guid workspaceId) => new($"members:{workspaceId:N}");
    public static LockKey DefaultIntakeTemplate { get; } = new("intake-default-template");
    public static LockKey Idempotency(Guid userId, string key) => new($"idempotency:{userId:N}:{key}");
    public static LockKey SavedEmail(Guid clientId, string internetMessageId) => new($"saved-email:{clientId:N}:{internetMessageId}");
    /// <summary>One sender's saves of one send (the pane's choice and the send event may race).</summary>
    public static LockKey SendSave(Guid userId, string sendKey) => new($"send-save:{userId:N}:{sendKey}");
    /// <summary>Closing one sender's saves (expiry, or a resolved one).</summary>
    public static LockKey SendSaveExpiry(Guid userId) => new($"send-save-close:{userId:N}");
    public static LockKey Intake(Guid intakeId) => new($"intake:{intakeId:N}");
    public static LockKey NeverTrackList { get; } = new("never-track");
    public static LockKey AuditArchive { get; } = new("audit-archive");
    /// <summary>The workspace's stored attachment contents: registering one, and removing the unlisted ones.</summary>
    public static LockKey Attachments { get; } = new("attachments");

    public override string ToString() => Value;
}
