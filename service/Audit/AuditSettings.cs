namespace OutlookCrm.Service.Audit;

public sealed class AuditSettings
{
    public const string Section = "Audit";
    public const int MaxRetentionYears = 100;

    /// <summary>
    /// Years an audit record is kept before an admin may archive it (export to a file, then remove).
    /// Unset (the default): records are kept forever and archiving is refused.
    /// </summary>
    public int? RetentionYears { get; set; }

    /// <summary>Refuses to start with a retention that is not a whole number of years from 1 to 100.</summary>
    public void Validate()
    {
        if (RetentionYears is < 1 or > MaxRetentionYears)
            throw new InvalidOperationException($"{Section}:RetentionYears must be from 1 to {MaxRetentionYears} years, or unset to keep audit records forever.");
    }
}
