using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Auth;

public class ValidatedTokenCacheTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public void Remembers_a_token_until_it_expires_and_only_that_exact_token()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T10:00:00Z"));
        using var cache = new ValidatedTokenCache(clock);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", "x")], "test"));
        cache.Remember("token-a", principal, clock.GetUtcNow().AddMinutes(5));

        Assert.True(cache.TryGet("token-a", out var found));
        Assert.Same(principal, found);
        Assert.False(cache.TryGet("token-b", out _));
        Assert.False(cache.TryGet("token-a ", out _));

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(cache.TryGet("token-a", out _));
    }

    [Fact]
    public void Never_remembers_an_expired_token()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T10:00:00Z"));
        using var cache = new ValidatedTokenCache(clock);
        cache.Remember("old", new ClaimsPrincipal(), clock.GetUtcNow().AddSeconds(-1));
        Assert.False(cache.TryGet("old", out _));
    }

    [Fact]
    public async Task A_cached_token_keeps_working_and_a_forged_one_is_still_refused()
    {
        var session = await factory.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/me")).StatusCode);

        var forged = session.AccessToken[..^4] + (session.AccessToken[^4] == 'A' ? "BBBB" : "AAAA");
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me")).StatusCode);
    }
}
