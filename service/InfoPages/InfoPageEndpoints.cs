using System.Globalization;
using OutlookCrm.Service.Localization;

namespace OutlookCrm.Service.InfoPages;

/// <summary>The support, privacy and terms pages the add-in manifests link to, in the reader's language.</summary>
public static class InfoPageEndpoints
{
    static readonly Dictionary<string, string[]> Paragraphs = new()
    {
        ["support"] = ["support.intro", "support.admin"],
        ["privacy"] = ["privacy.what", "privacy.mailbox", "privacy.where", "privacy.audit", "privacy.rights"],
        ["terms"] = ["terms.use", "terms.accounts", "terms.data"],
    };

    public static void MapInfoPages(this WebApplication app)
    {
        foreach (var page in Paragraphs.Keys)
            app.MapGet($"/{page}", (HttpRequest request, TextCatalog texts, IConfiguration configuration) => Render(page, request, texts, configuration["Support:Email"]))
                .AllowAnonymous().ExcludeFromDescription();
    }

    static IResult Render(string page, HttpRequest request, TextCatalog texts, string? supportEmail)
    {
        var language = texts.LanguageFor(request);
        var paragraphs = Paragraphs[page].Select(key => texts.Text(language, key)).ToList();
        if (page == "support")
            paragraphs.Add(string.IsNullOrWhiteSpace(supportEmail)
                ? texts.Text(language, "support.contactMissing")
                : texts.Text(language, "support.contact", ("email", supportEmail)));
        var languages = texts.Languages.Order().Select(code => (code, CultureInfo.GetCultureInfo(code).NativeName, $"/{page}?lang={code}"));
        var nonce = HtmlPage.NewNonce();
        request.HttpContext.Response.Headers.ContentSecurityPolicy = HtmlPage.ContentSecurityPolicy(nonce);
        var body = HtmlPage.LanguageLinks(language, texts.Text(language, "page.language"), languages) + HtmlPage.Paragraphs(paragraphs);
        var html = HtmlPage.Document(language, texts.Text(language, $"{page}.title"), texts.Text(language, "product.tagline"), nonce, body);
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
