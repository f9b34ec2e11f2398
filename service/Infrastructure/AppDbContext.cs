using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OutlookCrm.Service.Attachments;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Fields;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Intake;
using OutlookCrm.Service.Idempotency;
using OutlookCrm.Service.NeverTrack;
using OutlookCrm.Service.SendSaves;
using OutlookCrm.Service.Suggestions;
using OutlookCrm.Service.Workspaces;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// The one DbContext. Every workspace-owned set is filtered to the caller's workspace, so a query
/// cannot reach another tenant's rows by forgetting a Where. Each provider has a subclass only so
/// that each keeps its own migrations. Contexts are pooled: the caller is attached per request and
/// detached when the context goes back to the pool, and an unattached context sees no workspace at all.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    CurrentUser? currentUser;

    internal Guid WorkspaceId => currentUser?.WorkspaceId ?? Guid.Empty;

    public void AttachUser(CurrentUser user) => currentUser = user;

    public override void Dispose()
    {
        currentUser = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        currentUser = null;
        return base.DisposeAsync();
    }

    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ClientSearchTerm> ClientSearchTerms => Set<ClientSearchTerm>();
    public DbSet<ClientMatchKey> ClientMatchKeys => Set<ClientMatchKey>();
    public DbSet<NeverTrackEntry> NeverTrackEntries => Set<NeverTrackEntry>();
    public DbSet<FieldDefinition> FieldDefinitions => Set<FieldDefinition>();
    public DbSet<FieldValue> FieldValues => Set<FieldValue>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ClientEvent> ClientEvents => Set<ClientEvent>();
    public DbSet<SavedEmail> SavedEmails => Set<SavedEmail>();
    public DbSet<EmailAttachment> EmailAttachments => Set<EmailAttachment>();
    public DbSet<StoredAttachment> StoredAttachments => Set<StoredAttachment>();
    public DbSet<WorkspaceMember> WorkspaceMembers => Set<WorkspaceMember>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<AuditArchive> AuditArchives => Set<AuditArchive>();
    /// <summary>Shared by every instance, so a cookie, cursor or form token one instance sealed opens on another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<IntakeTemplate> IntakeTemplates => Set<IntakeTemplate>();
    public DbSet<IntakeRequest> IntakeRequests => Set<IntakeRequest>();
    public DbSet<SendSave> SendSaves => Set<SendSave>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<string>().HaveMaxLength(1000);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        model.Entity<Client>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<ClientSearchTerm>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<ClientMatchKey>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<NeverTrackEntry>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<FieldDefinition>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<FieldValue>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<IdempotencyRecord>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<ClientEvent>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<SavedEmail>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<EmailAttachment>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<StoredAttachment>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<AuditRecord>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<AuditArchive>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<IntakeTemplate>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<IntakeRequest>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
        model.Entity<SendSave>().HasQueryFilter(e => e.WorkspaceId == WorkspaceId);
    }

    /// <summary>How every DateTime is stored: in UTC, local times converted.</summary>
    internal static DateTime AsStoredUtc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();

    sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => AsStoredUtc(v),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        // Keys are already folded/lower-cased: compare them byte for byte, as SQLite does.
        const string binary = "Latin1_General_100_BIN2_UTF8";
        model.Entity<Client>().Property(e => e.SortKey).UseCollation(binary);
        model.Entity<Client>().Property(e => e.EmailNormalized).UseCollation(binary);
        model.Entity<ClientSearchTerm>().Property(e => e.Term).UseCollation(binary);
        model.Entity<ClientMatchKey>().Property(e => e.Key).UseCollation(binary);
        model.Entity<NeverTrackEntry>().Property(e => e.Value).UseCollation(binary);
        model.Entity<FieldValue>().Property(e => e.EmailNormalized).UseCollation(binary);
        model.Entity<FieldDefinition>().Property(e => e.LabelKey).UseCollation(binary);
        // Opaque values compared exactly, as SQLite does: "abc" and "ABC" are two idempotency keys.
        model.Entity<IdempotencyRecord>().Property(e => e.Key).UseCollation(binary);
        model.Entity<SavedEmail>().Property(e => e.InternetMessageId).UseCollation(binary);
        model.Entity<SendSave>().Property(e => e.SendKey).UseCollation(binary);
    }
}
