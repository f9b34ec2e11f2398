using Microsoft.Identity.Web;

namespace OutlookCrm.Service.Mailbox;

/// <summary>
/// Lets the service call Graph for a user after their request has ended (save on send's background
/// resolve). In Entra mode this is Microsoft.Identity.Web's long-running on-behalf-of session: its key
/// names the session in the token cache and is not itself a token, but it is kept in memory only and
/// never logged. Where no token is needed (Development's in-memory Sent Items) a session has no key.
/// </summary>
public sealed class UserSession
{
    static readonly AsyncLocal<UserSession?> current = new();

    UserSession(string? key) => Key = key;

    /// <summary>The long-running session's key, or null where Graph is not called with a token.</summary>
    internal string? Key { get; }

    public static readonly UserSession WithoutToken = new(null);

    internal static UserSession ForKey(string key) => new(key);

    /// <summary>The session Graph calls use on this async flow when there is no request (see <see cref="CallerGraph"/>).</summary>
    internal static UserSession? Current => current.Value;

    /// <summary>Runs <paramref name="work"/> with Graph calls made for this session's user (no request needed).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        current.Value = this;
        try { return await work(); }
        finally { current.Value = null; }
    }

    public override string ToString() => "user session";
}

/// <summary>Starts, inside the signed-in user's request, a session the service may use for that user afterwards.</summary>
public interface IUserSessions
{
    /// <summary>Null when no session could be started now (the user's consent or Entra unavailable): nothing runs without the user then.</summary>
    Task<UserSession?> StartAsync(CancellationToken cancellationToken);
}

/// <summary>Without Graph there is no token to keep: work for the user runs as that user on this instance.</summary>
public sealed class TokenlessUserSessions : IUserSessions
{
    public Task<UserSession?> StartAsync(CancellationToken cancellationToken) => Task.FromResult<UserSession?>(UserSession.WithoutToken);
}

/// <summary>
/// The first on-behalf-of call with <see cref="TokenAcquisitionOptions.LongRunningWebApiSessionKeyAuto"/>
/// creates the session in Microsoft.Identity.Web's token cache and returns its key; later calls pass that
/// key and no user. The cache is per instance (AddInMemoryTokenCaches), so the session lives as long as this process.
/// </summary>
public sealed class GraphUserSessions(ITokenAcquisition tokens, IHttpContextAccessor http, MailboxSettings settings, ILogger<GraphUserSessions> logger) : IUserSessions
{
    public async Task<UserSession?> StartAsync(CancellationToken cancellationToken)
    {
        if (http.HttpContext?.User is not { } caller) return null;
        // The send event waits for this request: Entra gets the mailbox's budget, then the pane's resolve saves instead.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.Budget);
        var options = new TokenAcquisitionOptions
        {
            LongRunningWebApiSessionKey = TokenAcquisitionOptions.LongRunningWebApiSessionKeyAuto,
            CancellationToken = budget.Token,
        };
        try
        {
            await tokens.GetAccessTokenForUserAsync(settings.Scopes, authenticationScheme: null, tenantId: null, userFlow: null, user: caller, tokenAcquisitionOptions: options);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("No long-running session for the background work: {Error}", e.GetType().Name);
            return null;
        }
        return options.LongRunningWebApiSessionKey is { Length: > 0 } key && key != TokenAcquisitionOptions.LongRunningWebApiSessionKeyAuto
            ? UserSession.ForKey(key) : null;
    }
}
