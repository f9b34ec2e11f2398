using System.Security.Claims;
using Microsoft.Graph;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OutlookCrm.Service.Mailbox;

/// <summary>
/// Gives the Graph client the caller's own Graph token, obtained on behalf of the caller from the
/// token that called us (Microsoft.Identity.Web's token cache is per user and tenant). One instance
/// per request and user: a token is never handed to another user's request, or to another host.
/// Outside a request (<paramref name="user"/> null) the token comes from the user's long-running
/// session (<see cref="UserSession"/>), by its key alone.
/// </summary>
public sealed class GraphAccessTokenProvider(ITokenAcquisition tokens, ClaimsPrincipal? user, IEnumerable<string> scopes, Uri graphBase, string? sessionKey = null) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphBase.Host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri) || uri.Port != graphBase.Port) return string.Empty;
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback) throw new InvalidOperationException("Microsoft Graph must be reached over HTTPS.");
        var options = sessionKey is null ? null : new TokenAcquisitionOptions { LongRunningWebApiSessionKey = sessionKey, CancellationToken = cancellationToken };
        return await tokens.GetAccessTokenForUserAsync(scopes, authenticationScheme: null, tenantId: null, userFlow: null, user: user, tokenAcquisitionOptions: options);
    }
}

/// <summary>
/// The one way the service builds a Graph client: for the signed-in caller, with these scopes, on a named
/// HttpClient; outside a request, for the user whose <see cref="UserSession"/> this flow runs in.
/// </summary>
public static class CallerGraph
{
    public static GraphServiceClient For(
        IHttpClientFactory httpClients, string httpClientName, ITokenAcquisition tokens, IHttpContextAccessor http, IEnumerable<string> scopes, string graphBaseUrl)
    {
        var caller = http.HttpContext?.User;
        var sessionKey = caller is null ? UserSession.Current?.Key ?? throw new InvalidOperationException("No signed-in user.") : null;
        var authentication = new BaseBearerTokenAuthenticationProvider(new GraphAccessTokenProvider(tokens, caller, scopes, new Uri(graphBaseUrl), sessionKey));
        return new GraphServiceClient(httpClients.CreateClient(httpClientName), authentication, graphBaseUrl);
    }
}
