using System.Globalization;
using System.Text;

namespace OutlookCrm.Service.Clients;

public static class ClientNames
{
    public static string Display(string firstName, string lastName, string? preferredName)
    {
        var given = string.IsNullOrWhiteSpace(preferredName) ? firstName : preferredName;
        return string.IsNullOrEmpty(lastName) ? given : $"{given} {lastName}";
    }

    /// <summary>
    /// Case- and accent-insensitive form used for sorting and search, so "joao" finds "João"
    /// (Portuguese names carry accents that people often leave out when typing).
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    // U+001F (unit separator) sorts below every printable character, so "Li" sorts before "Lima".
    public static string SortKey(string lastName, string firstName, Guid id) =>
        $"{Fold(lastName)}\u001f{Fold(firstName)}\u001f{id:N}";

    public static IEnumerable<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : Fold(text).Split([' ', '-', '\'', '.', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
