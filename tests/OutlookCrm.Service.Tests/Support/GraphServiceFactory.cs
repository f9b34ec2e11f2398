using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Web;
using Moq;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>
/// The service with the mailbox source on Microsoft Graph, pointed at a <see cref="FakeGraphServer"/>.
/// Token acquisition (on-behalf-of against Entra) cannot run here: a Moq stand-in answers each user
/// with a token naming that user, so tests can see whose token reached Graph.
/// </summary>
public sealed class GraphServiceFactory : ServiceFactory, IAsyncLifetime
{
    public FakeGraphServer Graph { get; private set; } = null!;
    public Mock<ITokenAcquisition> Tokens { get; } = new();

    public async Task InitializeAsync()
    {
        Graph = await FakeGraphServer.StartAsync();
        Settings["Mailbox:Source"] = "Graph";
        Settings["Mailbox:GraphBaseUrl"] = Graph.BaseUrl;
        Settings["Mailbox:Budget"] = "00:00:03";
        Tokens.Setup(t => t.GetAccessTokenForUserAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<ClaimsPrincipal?>(), It.IsAny<TokenAcquisitionOptions?>()))
            .Returns((IEnumerable<string> _, string? _, string? _, string? _, ClaimsPrincipal? user, TokenAcquisitionOptions? _) =>
                Task.FromResult(TokenFor(Guid.Parse(user!.FindFirst("oid")!.Value))));
    }

    public static string TokenFor(Guid userId) => $"graph-token-for-{userId:N}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(Tokens.Object)));
    }

    async Task IAsyncLifetime.DisposeAsync() => await Graph.DisposeAsync();
}
