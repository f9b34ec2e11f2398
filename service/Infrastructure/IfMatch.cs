namespace OutlookCrm.Service.Infrastructure;

/// <summary>Versions as entity tags, and the one If-Match check every conditional write uses.</summary>
public static class IfMatch
{
    public static string ETagOf(long version) => $"\"{version}\"";

    /// <summary>
    /// Strong comparison (RFC 9110 13.1.1): a list matches when any of its tags does, "*" matches any
    /// existing record, and a weak tag (W/"…") never matches.
    /// </summary>
    public static bool Allows(string header, long version)
    {
        var current = ETagOf(version);
        return header.Split(',', StringSplitOptions.TrimEntries).Any(tag => tag == "*" || tag == current);
    }
}
