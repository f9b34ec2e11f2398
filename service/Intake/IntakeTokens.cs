using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OutlookCrm.Service.Intake;

/// <summary>Single-use intake links: 256 random bits, of which only the SHA-256 is stored.</summary>
public static class IntakeTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Anything that is not 43 URL-safe characters cannot be one of ours: no database round trip.</summary>
    public static bool IsWellFormed(string token) =>
        token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
