using System.Net;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Workspaces;

public class HealthAndDocsTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_a_token(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_contract_in_development()
    {
        var document = await Json.ReadAsync(await factory.CreateClient().GetAsync("/openapi/v1.json"), 200);
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/lookup", "/api/clients", "/api/clients/{id}", "/api/clients/{id}/emails", "/api/clients/{id}/emails/{address}", "/api/fields", "/api/clients/{id}/fields/{fieldId}", "/api/me" })
            Assert.True(paths.ContainsKey(path), $"{path} is missing");
    }

    [Fact]
    public async Task Reference_page_is_served_in_development()
    {
        var response = await factory.CreateClient().GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
