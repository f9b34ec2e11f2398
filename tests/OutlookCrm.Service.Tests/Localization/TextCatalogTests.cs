using System.Net;
using System.Net.Http.Headers;
using OutlookCrm.Service.Localization;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Localization;

public class TextCatalogTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public void Every_catalog_has_exactly_the_keys_english_has()
    {
        var catalog = new TextCatalog();
        Assert.Contains("pt-BR", catalog.Languages);
        var english = catalog.Texts("en").Keys.ToHashSet();
        foreach (var language in catalog.Languages)
        {
            var keys = catalog.Texts(language).Keys.ToHashSet();
            Assert.True(english.SetEquals(keys), $"{language}: missing [{string.Join(", ", english.Except(keys))}], extra [{string.Join(", ", keys.Except(english))}]");
            Assert.All(catalog.Texts(language).Values, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        }
    }

    [Fact]
    public void The_client_reads_of_a_formulario_inicial_in_Portuguese_never_of_an_admissao()
    {
        // "Admissão" is the practice's word (the pane speaks it); a client could read it as being hired or hospitalised.
        var portuguese = new TextCatalog().Texts("pt-BR");
        var clientFacing = portuguese.Where(t => t.Key.StartsWith("intake.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(clientFacing);
        Assert.All(clientFacing, t => Assert.DoesNotContain("admiss", t.Value, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Seu formulário inicial", portuguese["intake.default.subject"]);
        Assert.Equal("Formulário inicial", portuguese["intake.form.title"]);
        Assert.Contains("formulário inicial", portuguese["intake.form.gone.body"]);
    }

    [Theory]
    [InlineData("/support?lang=pt-BR", null, "Ajuda e suporte")]
    [InlineData("/privacy", "pt-BR,pt;q=0.9,en;q=0.5", "Privacidade")]
    [InlineData("/terms", "pt-PT", "Termos de uso")]
    [InlineData("/terms", "de-DE", "Terms of use")]
    [InlineData("/support", null, "Help and support")]
    public async Task Info_pages_speak_the_readers_language(string url, string? acceptLanguage, string heading)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{System.Net.WebUtility.HtmlEncode(heading)}</h1>", html);
        Assert.Contains("frame-ancestors 'none'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_development_manifest_is_served_once_built_and_explained_before()
    {
        var path = Path.Combine(Path.GetTempPath(), "outlookcrm-tests", Guid.NewGuid().ToString("N"), "manifest.xml");
        using var withManifest = new ServiceFactory();
        withManifest.Settings["Manifest:DevelopmentPath"] = path;
        var http = withManifest.CreateClient();

        await Json.ProblemAsync(await http.GetAsync("/manifest.xml"), 404, "not-found");

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "<?xml version=\"1.0\"?><OfficeApp xsi:type=\"MailApp\"/>");
        var response = await http.GetAsync("/manifest.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<OfficeApp", await response.Content.ReadAsStringAsync());
    }
}
