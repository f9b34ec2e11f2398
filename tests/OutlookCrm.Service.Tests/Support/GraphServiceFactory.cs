using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Moq;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>
/// The service with the mailbox source on Microsoft Graph, pointed at a <see cref="FakeGraphServer"/>.
/// Token acquisition (on-behalf-of against Entra) cannot run here: a Moq stand-in answers each user
/// with a token naming that user, so tests can see whose token reached Graph and which scopes it was for.
/// Like Microsoft.Identity.Web, a call with <see cref="TokenAcquisitionOptions.LongRunningWebApiSessionKeyAuto"/>
/// starts a long-running session and writes its key into the options; a later call with that key and
/// no user gets that user's token (an unknown key is refused as Entra would: the user must sign in).
/// </summary>
public class GraphServiceFactory : ServiceFactory, IAsyncLifetime
{
    public FakeGraphServer Graph { get; private set; } = null!;
    public Mock<ITokenAcquisition> Tokens { get; } = new();

    /// <summary>How long a history page waits for the mailbox before answering without it.</summary>
    protected virtual TimeSpan MailboxBudget => TimeSpan.FromSeconds(3);

    public async Task InitializeAsync()
    {
        Graph = await FakeGraphServer.StartAsync();
        Settings["Mailbox:Source"] = "Graph";
        Settings["Mailbox:GraphBaseUrl"] = Graph.BaseUrl;
        Settings["Mailbox:Budget"] = MailboxBudget.ToString("c");
        Tokens.Setup(t => t.GetAccessTokenForUserAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<ClaimsPrincipal?>(), It.IsAny<TokenAcquisitionOptions?>()))
            .Returns((IEnumerable<string> _, string? _, string? _, string? _, ClaimsPrincipal? user, TokenAcquisitionOptions? options) =>
                Task.FromResult(Token(user, options)));
    }

    /// <summary>Long-running sessions started, by key: whose they are.</summary>
    public ConcurrentDictionary<string, Guid> Sessions { get; } = new();

    string Token(ClaimsPrincipal? user, TokenAcquisitionOptions? options)
    {
        if (user is null)
            return options?.LongRunningWebApiSessionKey is { } key && Sessions.TryGetValue(key, out var owner)
                ? TokenFor(owner) : throw new MsalUiRequiredException("invalid_grant", "No such session.");
        var userId = Guid.Parse(user.FindFirst("oid")!.Value);
        if (options?.LongRunningWebApiSessionKey == TokenAcquisitionOptions.LongRunningWebApiSessionKeyAuto)
        {
            options.LongRunningWebApiSessionKey = $"session-{Guid.NewGuid():N}";
            Sessions[options.LongRunningWebApiSessionKey] = userId;
        }
        return TokenFor(userId);
    }

    public static string TokenFor(Guid userId) => $"graph-token-for-{userId:N}";

    /// <summary>The scopes of every Graph token asked for on behalf of one user, in order.</summary>
    public List<string[]> ScopesAskedFor(Guid userId) =>
        Tokens.Invocations
            .Where(call => call.Arguments.OfType<ClaimsPrincipal>().Any(user => user.FindFirst("oid")?.Value == userId.ToString()))
            .Select(call => ((IEnumerable<string>)call.Arguments[0]).ToArray())
            .ToList();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(Tokens.Object)));
    }

    async Task IAsyncLifetime.DisposeAsync() => await Graph.DisposeAsync();
}
