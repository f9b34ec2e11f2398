using System.Net;
using System.Text;

namespace OutlookCrm.Service.InfoPages;

/// <summary>
/// A small server-rendered page in the practice's language: every text goes through
/// <see cref="WebUtility.HtmlEncode"/>, no script, one stylesheet in the page.
/// </summary>
public static class HtmlPage
{
    const string Style = """
        :root { color-scheme: light dark; --accent: #0e7c7b; }
        body { font-family: "Segoe UI", system-ui, -apple-system, sans-serif; margin: 0; line-height: 1.5; }
        header { background: var(--accent); color: #fff; padding: 1rem 1.25rem; }
        header p { margin: .25rem 0 0; opacity: .9; }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        nav { font-size: .9rem; margin-bottom: 1rem; }
        nav a { margin-right: .75rem; }
        a { color: var(--accent); }
        @media (prefers-color-scheme: dark) { a { color: #5fd0cf; } }
        """;

    public static string Render(string language, string title, string tagline, IEnumerable<(string Code, string Name, string Href)> languages, string languageLabel, IEnumerable<string> paragraphs)
    {
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"{Encode(language)}\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append($"<title>{Encode(title)}</title><style>{Style}</style></head><body>");
        html.Append($"<header><h1>{Encode(title)}</h1><p>{Encode(tagline)}</p></header><main>");
        html.Append($"<nav aria-label=\"{Encode(languageLabel)}\">");
        foreach (var (code, name, href) in languages)
            html.Append(code.Equals(language, StringComparison.OrdinalIgnoreCase)
                ? $"<strong lang=\"{Encode(code)}\">{Encode(name)}</strong> "
                : $"<a href=\"{Encode(href)}\" lang=\"{Encode(code)}\" hreflang=\"{Encode(code)}\">{Encode(name)}</a> ");
        html.Append("</nav>");
        foreach (var paragraph in paragraphs) html.Append($"<p>{Encode(paragraph)}</p>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    static string Encode(string text) => WebUtility.HtmlEncode(text);
}
