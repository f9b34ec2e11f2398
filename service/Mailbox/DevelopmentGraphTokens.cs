using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace OutlookCrm.Service.Mailbox;

/// <summary>
/// Development sign-in with the mailbox on Graph (<c>Mailbox:Source=Graph</c>): there is no Entra to ask
/// for an on-behalf-of token, so each user gets a token naming that user, for a Graph stand-in on this
/// machine only (the end-to-end tests' fake Graph). Registered only in the Development environment with
/// development sign-in and a loopback <c>Mailbox:GraphBaseUrl</c>, so no such token ever reaches Microsoft.
/// Long-running sessions are kept as Microsoft.Identity.Web keeps them: a key, then that user's token by key alone.
/// </summary>
public sealed class DevelopmentGraphTokens : ITokenAcquisition
{
    readonly ConcurrentDictionary<string, string> sessions = new(StringComparer.Ordinal);

    public static bool CanServe(MailboxSettings settings) =>
        Uri.TryCreate(settings.GraphBaseUrl, UriKind.Absolute, out var graph) && graph.IsLoopback;

    public Task<string> GetAccessTokenForUserAsync(IEnumerable<string> scopes, string? authenticationScheme = null, string? tenantId = null,
        string? userFlow = null, ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null)
    {
        var userId = user?.FindFirst("oid")?.Value;
        if (userId is null)
        {
            if (tokenAcquisitionOptions?.LongRunningWebApiSessionKey is { } key && sessions.TryGetValue(key, out var owner)) userId = owner;
            else throw new MsalUiRequiredException("invalid_grant", "No such session.");
        }
        else if (tokenAcquisitionOptions?.LongRunningWebApiSessionKey == TokenAcquisitionOptions.LongRunningWebApiSessionKeyAuto)
        {
            tokenAcquisitionOptions.LongRunningWebApiSessionKey = $"development-session-{Guid.NewGuid():N}";
            sessions[tokenAcquisitionOptions.LongRunningWebApiSessionKey] = userId;
        }
        return Task.FromResult(TokenFor(userId));
    }

    public static string TokenFor(string userId) => $"development-graph-token-for-{userId}";

    public Task<AuthenticationResult> GetAuthenticationResultForUserAsync(IEnumerable<string> scopes, string? authenticationScheme = null, string? tenantId = null,
        string? userFlow = null, ClaimsPrincipal? user = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        throw new NotSupportedException("Development Graph tokens are access tokens only.");

    public Task<string> GetAccessTokenForAppAsync(string scope, string? authenticationScheme = null, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        throw new NotSupportedException("The service reads mailboxes on behalf of users only.");

    public Task<AuthenticationResult> GetAuthenticationResultForAppAsync(string scope, string? authenticationScheme = null, string? tenant = null, TokenAcquisitionOptions? tokenAcquisitionOptions = null) =>
        throw new NotSupportedException("The service reads mailboxes on behalf of users only.");

    public void ReplyForbiddenWithWwwAuthenticateHeader(IEnumerable<string> scopes, MsalUiRequiredException msalServiceException, string? authenticationScheme = JwtBearerDefaults.AuthenticationScheme, HttpResponse? httpResponse = null) =>
        throw new NotSupportedException();

    public string GetEffectiveAuthenticationScheme(string? authenticationScheme) => authenticationScheme ?? JwtBearerDefaults.AuthenticationScheme;

    public Task ReplyForbiddenWithWwwAuthenticateHeaderAsync(IEnumerable<string> scopes, MsalUiRequiredException msalServiceException, HttpResponse? httpResponse = null) =>
        throw new NotSupportedException();
}
