using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Mailbox;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.SendSaves;

public sealed class SendSaveFollowUpSettings
{
    public const string Section = "SendSaves";

    /// <summary>Resolve in the background after Outlook's send event reports a send (false: only the pane's resolve saves).</summary>
    public bool BackgroundResolve { get; set; } = true;

    /// <summary>
    /// The waits before each background attempt, counted from the previous one: the sent message reaches
    /// Sent Items some seconds after the event. After the last, what is still pending waits for the pane's resolve.
    /// </summary>
    public List<TimeSpan> BackgroundDelays { get; set; } = [];

    public static readonly TimeSpan[] DefaultDelays = [TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20)];

    /// <summary>At most this many sends are followed at once on an instance; beyond it the pane's resolve saves them.</summary>
    public int MaxFollowed { get; set; } = 1000;
}

/// <summary>One reported send to resolve for its sender without them: who they are, and the session Graph is called with.</summary>
public sealed class SendSaveFollowUp(Guid tenantId, Guid workspaceId, Guid userId, string? name, string? email, string sendKey, UserSession session)
{
    public Guid TenantId { get; } = tenantId;
    public Guid WorkspaceId { get; } = workspaceId;
    public Guid UserId { get; } = userId;
    public string? Name { get; } = name;
    public string? Email { get; } = email;
    public string SendKey { get; } = sendKey;
    public UserSession Session { get; } = session;
}

/// <summary>
/// Save on send without the pane: when the send event reports a send, this in-process worker runs the
/// sender's resolve (the same <see cref="SendSaveResolver"/> as the pane's, exactly once per client under
/// races) after each of the configured delays until nothing of that send is pending. Audited as the sender
/// with the action <c>send-save.resolve-background</c>. Held in memory: a restart forgets what it was
/// following, and the pane's resolve saves it then, as before.
/// </summary>
public sealed class SendSaveFollowUps(
    IServiceScopeFactory scopes, SendSaveFollowUpSettings settings, TimeProvider clock, ILogger<SendSaveFollowUps> logger) : BackgroundService
{
    public const string AuditAction = "send-save.resolve-background";

    // Unbounded: `followed` caps what is queued and running together at MaxFollowed.
    readonly Channel<SendSaveFollowUp> queue = Channel.CreateUnbounded<SendSaveFollowUp>(new UnboundedChannelOptions { SingleReader = true });
    int followed;

    public bool Enabled => settings.BackgroundResolve && settings.BackgroundDelays.Count > 0;

    /// <summary>False when this instance already follows as many sends as it may (the pane's resolve will save this one).</summary>
    public bool TryFollow(SendSaveFollowUp followUp)
    {
        if (!Enabled) return false;
        if (Interlocked.Increment(ref followed) > settings.MaxFollowed || !queue.Writer.TryWrite(followUp))
        {
            Interlocked.Decrement(ref followed);
            logger.LogWarning("Too many sends followed in the background; this one waits for the pane's resolve");
            return false;
        }
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var followUp in queue.Reader.ReadAllAsync(stoppingToken))
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(FollowAsync(followUp, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        await Task.WhenAll(running);
    }

    async Task FollowAsync(SendSaveFollowUp followUp, CancellationToken stoppingToken)
    {
        try
        {
            foreach (var delay in settings.BackgroundDelays)
            {
                await Task.Delay(delay, clock, stoppingToken);
                if (!await ResolveAsync(followUp, stoppingToken)) return;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception e)
        {
            // Whatever failed, the saves are still pending: the pane's resolve picks them up.
            logger.LogWarning("A background resolve of save on send failed: {Error}", e.GetType().Name);
        }
        finally
        {
            Interlocked.Decrement(ref followed);
        }
    }

    /// <summary>One resolve as the sender; true while something of this send is still pending.</summary>
    async Task<bool> ResolveAsync(SendSaveFollowUp followUp, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentUser>().Resolve(followUp.TenantId, followUp.UserId, followUp.WorkspaceId, followUp.Name, followUp.Email);
        var audit = services.GetRequiredService<AuditTrail>();
        audit.BeginWithoutRequest(AuditAction, "send-save");
        var writer = services.GetRequiredService<AuditWriter>();
        Microsoft.AspNetCore.Http.HttpResults.Ok<ResolveResult> result;
        try
        {
            result = await followUp.Session.RunAsync(() => services.GetRequiredService<SendSaveResolver>().ResolveAsync(cancellationToken));
        }
        catch (Exception e) when (!audit.IsCommitted && e is not OperationCanceledException)
        {
            await writer.WriteAsync(audit.Complete(ProblemExceptionHandler.Translate(e).Code, replay: false), CancellationToken.None);
            throw;
        }
        if (!audit.IsCommitted) await writer.WriteAsync(audit.Complete(AuditTrail.Success, replay: false), cancellationToken);
        if (result.Value is { Mailbox: not "ok" } answer) logger.LogInformation("Background resolve: mailbox {Mailbox}", answer.Mailbox);
        var db = services.GetRequiredService<AppDbContext>();
        return await db.SendSaves.AnyAsync(r => r.UserId == followUp.UserId && r.SendKey == followUp.SendKey && r.State == SendSaveState.Pending, cancellationToken);
    }
}
