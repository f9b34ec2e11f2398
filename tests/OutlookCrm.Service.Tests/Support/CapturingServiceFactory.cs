using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Tests.Support;

public sealed class CapturingServiceFactory : ServiceFactory
{
    public CommandCapture Capture { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(Capture)));
    }
}
