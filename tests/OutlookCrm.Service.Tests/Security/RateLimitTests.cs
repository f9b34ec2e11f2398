using System.Net;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Security;

public class RateLimitTests
{
    sealed class LowLimitFactory : ServiceFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:UserPermitsPerMinute", "60");    // bucket of 10, 1 per second
            builder.UseSetting("RateLimits:TenantPermitsPerMinute", "120"); // bucket of 20, 2 per second
        }
    }

    [Fact]
    public async Task A_user_over_the_limit_gets_429_with_retry_after()
    {
        using var factory = new LowLimitFactory();
        var session = await factory.SignInAsync();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 15; i++) responses.Add(await session.Http.GetAsync("/api/me"));

        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) >= 10);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        await Json.ProblemAsync(refused, 429, "too-many-requests");
    }

    [Fact]
    public async Task A_tenant_is_limited_across_its_users_and_other_tenants_are_not()
    {
        using var factory = new LowLimitFactory();
        var tenant = Guid.NewGuid();
        var users = new List<TenantSession>();
        for (var i = 0; i < 4; i++) users.Add(await factory.SignInAsync(tenant));
        var statuses = new List<HttpStatusCode>();
        foreach (var user in users)
            for (var i = 0; i < 8; i++) statuses.Add((await user.Http.GetAsync("/api/me")).StatusCode);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses); // 32 calls, tenant bucket of about 20
        var other = await factory.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("/api/me")).StatusCode);
    }
}
