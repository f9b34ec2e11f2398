using System.Collections.Frozen;
using System.Text.RegularExpressions;
using OutlookCrm.Service.Clients;

namespace OutlookCrm.Service.Suggestions;

/// <summary>
/// Name keys that survive how people write names in an email header: case, accents, middle names,
/// "Last, First" order. A key is "given family", folded (see <see cref="ClientNames.Fold"/>).
/// </summary>
public static partial class PersonNames
{
    // Words that join family names ("Maria da Silva", "Jan van der Berg"): never a family on their own.
    static readonly FrozenSet<string> Particles =
        FrozenSet.ToFrozenSet(["da", "das", "de", "do", "dos", "e", "di", "du", "del", "della", "van", "von", "der", "den", "la", "le", "y"], StringComparer.Ordinal);

    const int MaxFamilyWords = 3;

    /// <summary>The keys a client can be found under: each given name with each family word.</summary>
    public static IEnumerable<string> KeysOf(string firstName, string lastName, string? preferredName)
    {
        var given = new[] { FirstWord(firstName), FirstWord(preferredName) }.OfType<string>().Distinct(StringComparer.Ordinal);
        var family = Words(lastName).Take(MaxFamilyWords).ToList();
        return family.Count == 0
            ? given
            : given.SelectMany(g => family.Select(f => $"{g} {f}"));
    }

    /// <summary>How a display name reads, in the order people usually write it and reversed.</summary>
    public static DisplayNameKeys Read(string? displayName)
    {
        var cleaned = Decorations().Replace(displayName ?? "", " ");
        if (cleaned.Length > 200) return DisplayNameKeys.None;

        var comma = cleaned.IndexOf(',');
        if (comma > 0)
        {
            // "Costa, Beatriz Maria": the writer said which part is the family name.
            var family = Words(cleaned[..comma]).LastOrDefault();
            var given = Words(cleaned[(comma + 1)..]).FirstOrDefault();
            return family is null || given is null
                ? DisplayNameKeys.None
                : new DisplayNameKeys($"{given} {family}", null, Whole(cleaned.Replace(',', ' ')));
        }

        var words = Words(cleaned).ToList();
        return words.Count switch
        {
            0 => DisplayNameKeys.None,
            1 => new DisplayNameKeys(words[0], null, null),
            _ => new DisplayNameKeys($"{words[0]} {words[^1]}", $"{words[^1]} {words[0]}", Whole(cleaned)),
        };
    }

    /// <summary>A whole display name as seen on an email, for remembering it; null when it is only one word.</summary>
    public static string? SeenKey(string? displayName) => Read(displayName).Whole;

    static string? Whole(string text)
    {
        var words = ClientNames.Words(text);
        return words.Count() >= 2 ? string.Join(' ', words) : null;
    }

    static string? FirstWord(string? text) => Words(text).FirstOrDefault();

    static IEnumerable<string> Words(string? text) => ClientNames.Words(text).Where(w => !Particles.Contains(w) && w.Any(char.IsLetter));

    // What mail clients wrap around a name: quotes, an address in angle brackets, a role in parentheses.
    [GeneratedRegex(@"""|<[^>]*>|\([^)]*\)|\[[^\]]*\]|\S+@\S+")]
    private static partial Regex Decorations();
}

/// <param name="Name">"given family" as written.</param>
/// <param name="Reversed">"given family" when the words were written family first ("Costa Beatriz").</param>
/// <param name="Whole">Every word, for names seen on saved emails.</param>
public sealed record DisplayNameKeys(string? Name, string? Reversed, string? Whole)
{
    public static readonly DisplayNameKeys None = new(null, null, null);
}
