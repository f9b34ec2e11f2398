using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace OutlookCrm.Service.Localization;

/// <summary>
/// The service's own texts (pages it renders, emails it sends) in every language that has a file in
/// Localization/ (en.json is the reference). Adding a language is adding one file.
/// </summary>
public sealed class TextCatalog
{
    public const string DefaultLanguage = "en";
    readonly FrozenDictionary<string, FrozenDictionary<string, string>> byLanguage;

    public TextCatalog() : this(Path.Combine(AppContext.BaseDirectory, "Localization")) { }

    public TextCatalog(string directory)
    {
        byLanguage = Directory.GetFiles(directory, "*.json")
            .ToFrozenDictionary(
                file => Path.GetFileNameWithoutExtension(file),
                file => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!.ToFrozenDictionary(),
                StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Languages => byLanguage.Keys;

    public IReadOnlyDictionary<string, string> Texts(string language) => byLanguage[language];

    /// <summary>The best language we have for a request: ?lang=, then Accept-Language, then English.</summary>
    public string LanguageFor(HttpRequest request, string? preferred = null)
    {
        foreach (var candidate in new[] { preferred, request.Query["lang"].ToString() }.Concat(AcceptLanguage(request)))
            if (Match(candidate) is { } language) return language;
        return DefaultLanguage;
    }

    public string Text(string language, string key, params (string Name, string Value)[] args)
    {
        var text = byLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var found) ? found : byLanguage[DefaultLanguage][key];
        foreach (var (name, value) in args) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }

    string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        if (byLanguage.ContainsKey(tag)) return byLanguage.Keys.First(k => k.Equals(tag, StringComparison.OrdinalIgnoreCase));
        var primary = tag.Split('-')[0];
        // "pt" and "pt-PT" readers get Brazilian Portuguese rather than English.
        return byLanguage.Keys.FirstOrDefault(k => k.Split('-')[0].Equals(primary, StringComparison.OrdinalIgnoreCase));
    }

    static IEnumerable<string> AcceptLanguage(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.ToString())
            .Where(l => l != "*");

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language);
}
