using System.Globalization;
using System.Text;

namespace OutlookCrm.Service.Addresses;

/// <summary>
/// An email address as typed, plus the form it is matched on: trimmed, NFC, lower-cased,
/// with the domain in its ASCII (A-label) form. Dots and +tags are kept: they can be distinct mailboxes.
/// </summary>
public readonly record struct EmailAddress(string Original, string Normalized)
{
    public const int MaxLength = 254;
    public const int MaxLocalPartLength = 64;

    static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };
    const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    public static bool TryParse(string? input, out EmailAddress address)
    {
        address = default;
        if (input is null) return false;
        var trimmed = input.Trim();
        if (trimmed.Length is 0 or > MaxLength * 4) return false;

        string composed;
        try { composed = trimmed.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { return false; } // lone surrogates

        var at = composed.LastIndexOf('@');
        if (at <= 0 || at == composed.Length - 1) return false;
        var local = composed[..at];
        var domain = composed[(at + 1)..];

        if (!IsDotAtom(local) || Encoding.UTF8.GetByteCount(local) > MaxLocalPartLength) return false;
        if (!TryGetAsciiDomain(domain, out var asciiDomain)) return false;
        if (Encoding.UTF8.GetByteCount(local) + 1 + asciiDomain.Length > MaxLength) return false;

        address = new EmailAddress(trimmed, local.ToLowerInvariant() + "@" + asciiDomain);
        return true;
    }

    /// <summary>The matching form of an address that is known to be valid (stored values).</summary>
    public static string Normalize(string input) =>
        TryParse(input, out var address) ? address.Normalized : throw new ArgumentException("Not a valid address.", nameof(input));

    static bool IsDotAtom(string local)
    {
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var rune in local.EnumerateRunes())
        {
            if (rune.Value > 0x7F)
            {
                if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)) return false;
                continue; // RFC 6531: UTF-8 local parts
            }
            var c = (char)rune.Value;
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && !AtextSymbols.Contains(c)) return false;
        }
        return true;
    }

    /// <summary>A domain in matching form: NFC, its ASCII (A-label) form, lower-cased.</summary>
    public static bool TryNormalizeDomain(string? input, out string ascii)
    {
        ascii = "";
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 253 * 4) return false;
        try { return TryGetAsciiDomain(trimmed.Normalize(NormalizationForm.FormC), out ascii); }
        catch (ArgumentException) { return false; } // lone surrogates
    }

    static bool TryGetAsciiDomain(string domain, out string ascii)
    {
        ascii = "";
        if (domain.EndsWith('.')) return false;
        try { ascii = Idn.GetAscii(domain).ToLowerInvariant(); }
        catch (ArgumentException) { return false; }
        return ascii.Contains('.') && ascii.Length <= 253 && !ascii.Split('.').Any(label => label.Length == 0);
    }

    public override string ToString() => Original;
}
