using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>
/// The one page cursor of every list: the last position shown, sealed with Data Protection (encrypted and
/// authenticated) and bound to a scope (the workspace and whatever narrows the list), so a forged, corrupt
/// or transplanted cursor is a 400 invalid-cursor rather than someone else's page.
/// </summary>
public sealed class SealedCursor(IDataProtectionProvider protection)
{
    public const int MaxLength = 2048;
    const char Separator = '\u001d';
    // One protector per list, made once: every page of the history and the clients list seals or opens a cursor.
    readonly ConcurrentDictionary<string, IDataProtector> protectors = new(StringComparer.Ordinal);

    IDataProtector For(string purpose) => protectors.GetOrAdd(purpose, protection.CreateProtector);

    /// <param name="purpose">The list's own Data Protection purpose: one list's cursor never opens another's.</param>
    public string Seal(string purpose, string scope, string position) =>
        Base64Url.EncodeToString(For(purpose).Protect(Encoding.UTF8.GetBytes($"{scope}{Separator}{position}")));

    /// <summary>The position sealed in <paramref name="cursor"/>; 400 invalid-cursor unless it was sealed for this list and scope.</summary>
    public string Open(string purpose, string scope, string cursor)
    {
        try
        {
            if (cursor.Length > MaxLength) throw ApiProblem.InvalidCursor();
            var text = Encoding.UTF8.GetString(For(purpose).Unprotect(Base64Url.DecodeFromChars(cursor)));
            var separator = text.IndexOf(Separator);
            if (separator < 0 || text[..separator] != scope) throw ApiProblem.InvalidCursor();
            return text[(separator + 1)..];
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw ApiProblem.InvalidCursor();
        }
    }
}
