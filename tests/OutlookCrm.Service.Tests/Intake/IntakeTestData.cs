using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Intake;

static partial class IntakeTestData
{
    public static async Task<JsonObject> SendAsync(TenantSession session, Guid clientId, object? body = null, int status = 201) =>
        await Json.ReadAsync(await session.PostJsonAsync($"/api/clients/{clientId}/intakes", body ?? new { }), status);

    /// <summary>The newest link the development outbox holds for an address.</summary>
    public static async Task<string> LinkForAsync(HttpClient http, string address)
    {
        var outbox = await Json.ReadAsync(await http.GetAsync("/api/dev/outbox"), 200);
        return outbox["items"]!.AsArray().First(m => m!.Str("to") == address)!.Str("link");
    }

    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    /// <summary>A browser-like client: keeps cookies (the anti-forgery cookie), does not follow redirects.</summary>
    public static HttpClient Browser(ServiceFactory factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>Opens the form and returns its anti-forgery field, as a browser would submit it.</summary>
    public static async Task<(string Html, KeyValuePair<string, string> Antiforgery)> OpenFormAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {html}");
        var match = HiddenField().Match(html);
        Assert.True(match.Success, "The form has no anti-forgery field.");
        return (html, new(WebUtility.HtmlDecode(match.Groups[1].Value), WebUtility.HtmlDecode(match.Groups[2].Value)));
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string path, KeyValuePair<string, string> antiforgery, params (string Name, string Value)[] answers) =>
        browser.PostAsync(path, new FormUrlEncodedContent(answers.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)).Append(antiforgery)));

    public static readonly (string, string)[] CompleteDefaultAnswers =
    [
        ("q-full-name", "Ana Souza"),
        ("q-details-correct", "yes"),
        ("q-reason", "Anxiety at work"),
        ("q-consent", "yes"),
    ];

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex HiddenField();
}
