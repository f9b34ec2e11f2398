using System.Net.Http.Json;
using OutlookCrm.Service.Tests.Intake;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Clients;

public class IdempotencyExpiryTests
{
    [Fact]
    public async Task A_key_is_kept_24_hours_then_forgotten()
    {
        using var factory = new ClockedServiceFactory();
        var session = await factory.SignInAsync();
        var key = Guid.NewGuid().ToString();
        async Task<Guid> CreateAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/clients") { Content = JsonContent.Create(new { firstName = "Keyed", lastName = "Once" }) };
            request.Headers.Add("Idempotency-Key", key);
            return (await Json.ReadAsync(await session.Http.SendAsync(request), 201)).Id();
        }

        var first = await CreateAsync();
        factory.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(first, await CreateAsync());
        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.NotEqual(first, await CreateAsync());
    }
}
