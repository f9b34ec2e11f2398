namespace OutlookCrm.Service.Idempotency;

/// <summary>A response kept for 24 hours so a retried create replays it instead of creating again.</summary>
public sealed class IdempotencyRecord
{
    public Guid WorkspaceId { get; set; }
    public Guid UserId { get; set; }
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string ResponseBody { get; set; } = "";
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public DateTime CreatedAt { get; set; }
}
