using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.History;

/// <summary>
/// A place in a client's history: items are ordered newest first by time, then by key (source
/// prefix + id), so every item has exactly one place and pages never overlap.
/// </summary>
public sealed record HistoryPosition(DateTime Time, string Key) : IComparable<HistoryPosition>
{
    /// <summary>Descending order: a negative result means this item comes first (is newer).</summary>
    public int CompareTo(HistoryPosition? other)
    {
        if (other is null) return -1;
        var byTime = other.Time.CompareTo(Time);
        return byTime != 0 ? byTime : string.CompareOrdinal(other.Key, Key);
    }

    public bool IsAfter(HistoryPosition cursor) => CompareTo(cursor) > 0;
}

/// <summary>History cursors are sealed with Data Protection and bound to the workspace and client.</summary>
public sealed class HistoryCursors(IDataProtectionProvider protection)
{
    readonly IDataProtector protector = protection.CreateProtector("OutlookCrm.History.Cursor.v1");

    public string Encode(Guid workspaceId, Guid clientId, HistoryPosition position) =>
        Base64Url.EncodeToString(protector.Protect(Encoding.UTF8.GetBytes($"{workspaceId:N}|{clientId:N}|{position.Time.Ticks}|{position.Key}")));

    public HistoryPosition Decode(Guid workspaceId, Guid clientId, string cursor)
    {
        try
        {
            if (cursor.Length > 2048) throw ApiProblem.InvalidCursor();
            var parts = Encoding.UTF8.GetString(protector.Unprotect(Base64Url.DecodeFromChars(cursor))).Split('|', 4);
            if (parts.Length != 4 || parts[0] != workspaceId.ToString("N") || parts[1] != clientId.ToString("N") || !long.TryParse(parts[2], out var ticks))
                throw ApiProblem.InvalidCursor();
            return new HistoryPosition(new DateTime(ticks, DateTimeKind.Utc), parts[3]);
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException or ArgumentOutOfRangeException)
        {
            throw ApiProblem.InvalidCursor();
        }
    }
}
