using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OutlookCrm.Service.Clients;

namespace OutlookCrm.Service.SendSaves;

public enum SendSaveState { Pending, Saved, Expired, Skipped }

/// <summary>
/// "Save to record when sent", for one client of one email being written: the pane stamps the draft
/// with a random send key (an Internet header) and records here which clients it is to be saved to.
/// Once the sent message is found in the sender's Sent Items it is saved with the ordinary save path
/// and the row is closed (saved, skipped with the reason, or expired after <see cref="SendSaveRules.Lifetime"/>).
/// </summary>
public sealed class SendSave
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    /// <summary>The sender: only their own Sent Items can hold the message, so only they resolve it.</summary>
    public Guid UserId { get; set; }
    public string SendKey { get; set; } = "";
    public Guid ClientId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When Outlook's send event told us the email was going (null where the event is not available).</summary>
    public DateTime? SentReportedAt { get; set; }
    public SendSaveState State { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? SavedEmailId { get; set; }
    /// <summary>Why a skipped save was skipped: a problem code (for example not-tracked).</summary>
    public string? Reason { get; set; }
}

sealed class SendSaveConfiguration : IEntityTypeConfiguration<SendSave>
{
    public void Configure(EntityTypeBuilder<SendSave> e)
    {
        e.HasKey(x => x.Id);
        e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.SendKey).HasMaxLength(SendSaveRules.MaxKeyLength);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasMaxLength(64);
        // Exactly one row per client of one send: two racing writers cannot both add it.
        e.HasIndex(x => new { x.WorkspaceId, x.UserId, x.SendKey, x.ClientId }).IsUnique();
        e.HasIndex(x => new { x.WorkspaceId, x.UserId, x.State, x.CreatedAt });
    }
}
