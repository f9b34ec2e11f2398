namespace OutlookCrm.Service.Problems;

public static class RequestLimits
{
    /// <summary>Every API body is small JSON; anything larger is refused before it is read.</summary>
    public const long MaxBodyBytes = 64 * 1024;
    public const int MaxJsonDepth = 16;
}
