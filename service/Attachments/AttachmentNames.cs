using System.Globalization;
using System.Text;

namespace OutlookCrm.Service.Attachments;

/// <summary>
/// An attachment's name is data: control and bidirectional-override characters are dropped (a
/// right-to-left override can make "exe.pdf" read as "fdp.exe"), path separators become "_", and a
/// long name is shortened keeping its extension. The result is shown as text and offered as the
/// download's file name; it never names anything stored.
/// </summary>
public static class AttachmentNames
{
    public const int MaxLength = 200;
    const string Fallback = "attachment";

    public static string Clean(string? name)
    {
        var text = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || IsFormatting(c)) continue;
            text.Append(c is '/' or '\\' or ':' ? '_' : c);
        }
        var clean = text.ToString().Trim().Trim('.').Trim();
        if (clean.Length == 0) return Fallback;
        return clean.Length <= MaxLength ? clean : Shorten(clean);
    }

    /// <summary>Bidirectional overrides, isolates and marks, zero-width characters: invisible, but they change what a name reads as.</summary>
    static bool IsFormatting(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    static string Shorten(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length is 0 or > 16) extension = "";
        var stem = name[..(MaxLength - extension.Length - 1)];
        // Never cut a surrogate pair in half.
        if (char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
        return stem + "…" + extension;
    }
}
