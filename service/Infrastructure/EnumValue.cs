namespace OutlookCrm.Service.Infrastructure;

/// <summary>The one reading of an enum from a caller's text (a body property or a query value).</summary>
public static class EnumValue
{
    /// <summary>
    /// A defined member by its name in any case. Never a number ("1" would name a member by position)
    /// and never a combination ("text, email", which Enum.TryParse ORs into whatever member that happens
    /// to be): both are refused like any unknown name.
    /// </summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is not null && !text.Contains(',') && !int.TryParse(text, out _)
            && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
