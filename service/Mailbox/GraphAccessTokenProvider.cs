using System.Security.Claims;
using Microsoft.Graph;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OutlookCrm.Service.Mailbox;

/// <summary>
/// Gives the Graph client the caller's own Graph token, obtained on behalf of the caller from the
/// token that called us (Microsoft.Identity.Web's token cache is per user and tenant). One instance
/// per request and user: a token is never handed to another user's request, or to another host.
/// </summary>
public sealed class GraphAccessTokenProvider(ITokenAcquisition tokens, ClaimsPrincipal user, IEnumerable<string> scopes, Uri graphBase) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphBase.Host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri) || uri.Port != graphBase.Port) return string.Empty;
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback) throw new InvalidOperationException("Microsoft Graph must be reached over HTTPS.");
        return await tokens.GetAccessTokenForUserAsync(scopes, authenticationScheme: null, tenantId: null, userFlow: null, user: user, tokenAcquisitionOptions: null);
    }
}

/// <summary>The one way the service builds a Graph client: for the signed-in caller, with these scopes, on a named HttpClient.</summary>
public static class CallerGraph
{
    public static GraphServiceClient For(
        IHttpClientFactory httpClients, string httpClientName, ITokenAcquisition tokens, IHttpContextAccessor http, IEnumerable<string> scopes, string graphBaseUrl)
    {
        var caller = http.HttpContext?.User ?? throw new InvalidOperationException("No signed-in user.");
        var authentication = new BaseBearerTokenAuthenticationProvider(new GraphAccessTokenProvider(tokens, caller, scopes, new Uri(graphBaseUrl)));
        return new GraphServiceClient(httpClients.CreateClient(httpClientName), authentication, graphBaseUrl);
    }
}
