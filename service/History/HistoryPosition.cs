using OutlookCrm.Service.Infrastructure;
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

/// <summary>History cursors: a position, sealed (<see cref="SealedCursor"/>) and bound to the workspace and client.</summary>
public static class HistoryCursor
{
    const string Purpose = "OutlookCrm.History.Cursor.v1";

    static string Scope(Guid workspaceId, Guid clientId) => $"{workspaceId:N}|{clientId:N}";

    public static string Seal(this SealedCursor cursors, Guid workspaceId, Guid clientId, HistoryPosition position) =>
        cursors.Seal(Purpose, Scope(workspaceId, clientId), $"{position.Time.Ticks}|{position.Key}");

    public static HistoryPosition OpenHistory(this SealedCursor cursors, Guid workspaceId, Guid clientId, string cursor)
    {
        var parts = cursors.Open(Purpose, Scope(workspaceId, clientId), cursor).Split('|', 2);
        if (parts.Length != 2 || !long.TryParse(parts[0], out var ticks) || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            throw ApiProblem.InvalidCursor();
        return new HistoryPosition(new DateTime(ticks, DateTimeKind.Utc), parts[1]);
    }
}
