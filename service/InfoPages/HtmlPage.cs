using System.Net;
using System.Text;

namespace OutlookCrm.Service.InfoPages;

/// <summary>
/// The frame of the service's own pages (info pages, the public intake form): every text encoded,
/// no script, one stylesheet allowed by a per-response nonce.
/// </summary>
public static class HtmlPage
{
    const string Style = """
        :root { color-scheme: light dark; --accent: #0e7c7b; --error: #b3261e; }
        body { font-family: "Segoe UI", system-ui, -apple-system, sans-serif; margin: 0; line-height: 1.5; background: Canvas; color: CanvasText; }
        header { background: var(--accent); color: #fff; padding: 1rem 1.25rem; }
        header h1 { margin: 0; font-size: 1.4rem; }
        header p { margin: .25rem 0 0; }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        nav { font-size: .9rem; margin-bottom: 1rem; }
        nav a, nav strong { margin-right: .75rem; }
        a { color: var(--accent); }
        fieldset { border: 1px solid #8888; border-radius: 8px; margin: 0 0 1.25rem; padding: .75rem 1rem 1rem; }
        legend { font-weight: 600; padding: 0 .25rem; }
        .question { margin: .9rem 0; }
        .question > label, .question > .label { display: block; font-weight: 600; margin-bottom: .25rem; }
        input[type=text], input[type=date], textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 1px solid #888; border-radius: 6px; }
        textarea { min-height: 7rem; }
        .choice { display: flex; gap: .5rem; align-items: flex-start; margin: .25rem 0; }
        .choice input { margin-top: .3rem; }
        .error { color: var(--error); font-weight: 600; margin: 0 0 .25rem; }
        .summary { border: 2px solid var(--error); border-radius: 8px; padding: .5rem 1rem; margin-bottom: 1rem; }
        .summary a { color: var(--error); font-weight: 600; }
        button { font: inherit; background: var(--accent); color: #fff; border: 0; border-radius: 6px; padding: .7rem 1.4rem; cursor: pointer; }
        button:focus-visible, input:focus-visible, input:focus-within, textarea:focus-visible, a:focus-visible, .summary:focus { outline: 3px solid #f2b400; outline-offset: 2px; }
        @media (prefers-color-scheme: dark) { :root { --error: #ffb4ab; } a { color: #5fd0cf; } }
        @media (forced-colors: active) { button { border: 1px solid ButtonText; } }
        """;

    /// <param name="heading">The page's h1 when it differs from its title (a title that starts with "Error:").</param>
    public static string Document(string language, string title, string? tagline, string nonce, string bodyHtml, string? heading = null)
    {
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"{Encode(language)}\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">");
        html.Append($"<title>{Encode(title)}</title><style nonce=\"{Encode(nonce)}\">{Style}</style></head><body>");
        html.Append($"<header><h1>{Encode(heading ?? title)}</h1>");
        if (tagline is not null) html.Append($"<p>{Encode(tagline)}</p>");
        html.Append("</header><main>").Append(bodyHtml).Append("</main></body></html>");
        return html.ToString();
    }

    public static string LanguageLinks(string current, string label, IEnumerable<(string Code, string Name, string Href)> languages)
    {
        var html = new StringBuilder($"<nav aria-label=\"{Encode(label)}\">");
        foreach (var (code, name, href) in languages)
            html.Append(code.Equals(current, StringComparison.OrdinalIgnoreCase)
                ? $"<strong lang=\"{Encode(code)}\">{Encode(name)}</strong>"
                : $"<a href=\"{Encode(href)}\" lang=\"{Encode(code)}\" hreflang=\"{Encode(code)}\">{Encode(name)}</a>");
        return html.Append("</nav>").ToString();
    }

    public static string Paragraphs(IEnumerable<string> paragraphs) => string.Concat(paragraphs.Select(p => $"<p>{Encode(p)}</p>"));

    /// <summary>A strict policy for the service's own pages: nothing but this page's stylesheet and same-origin forms.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'none'; style-src 'nonce-{nonce}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static string NewNonce() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
