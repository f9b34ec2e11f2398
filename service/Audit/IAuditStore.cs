namespace OutlookCrm.Service.Audit;

/// <summary>Appends a batch of audit records in one transaction: all of them or none.</summary>
public interface IAuditStore
{
    Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);
}
