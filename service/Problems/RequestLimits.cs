namespace OutlookCrm.Service.Problems;

public static class RequestLimits
{
    /// <summary>Every API body is small JSON; anything larger is refused before it is read.</summary>
    public const long MaxBodyBytes = 64 * 1024;
    /// <summary>A filled-in intake form: up to 100 answers, long ones included.</summary>
    public const long MaxFormBytes = 512 * 1024;
    public const int MaxJsonDepth = 16;
}
