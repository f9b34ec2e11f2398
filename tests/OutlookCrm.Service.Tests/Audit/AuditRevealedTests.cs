using Microsoft.Extensions.DependencyInjection;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Audit;

/// <summary>Revealed client ids are stored compactly; records written in the earlier 32-hex-digit form still read and search.</summary>
public class AuditRevealedTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    [Fact]
    public void Compact_ids_read_back_sorted_and_earlier_hex_ids_still_read()
    {
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.CreateVersion7()];
        var stored = AuditRevealed.Format(ids)!;
        Assert.Equal(3 * 22 + 2, stored.Length);
        Assert.Equal(ids.Order(), AuditRevealed.Parse(stored));
        Assert.Equal([ids[0], ids[1]], AuditRevealed.Parse($"{ids[0]:N} {AuditRevealed.Token(ids[1])}"));
        Assert.Null(AuditRevealed.Format([]));
    }

    [Fact]
    public async Task Who_saw_a_client_finds_records_in_either_form_and_no_record_a_tenant_tells_apart()
    {
        var admin = await factory.SignInAsync();
        var seen = Guid.NewGuid();
        var workspaceId = await admin.WorkspaceIdAsync();
        AuditRecord Record(string revealed) => new()
        {
            WorkspaceId = workspaceId, UserId = admin.UserId, Action = "lookup", ObjectType = "address",
            OccurredAt = DateTime.UtcNow, Outcome = "success", CorrelationId = Guid.NewGuid().ToString("N"), RevealedClients = revealed,
        };
        await factory.Services.GetRequiredService<IAuditStore>().AppendAsync(
            [Record(seen.ToString("N")), Record(AuditRevealed.Format([seen, Guid.NewGuid()])!), Record(AuditRevealed.Format([Guid.NewGuid()])!)], CancellationToken.None);

        var entries = await AuditTrailTests.AuditAsync(admin, $"?clientId={seen}&action=lookup");
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Contains(seen.ToString(), e["revealedClients"]!.AsArray().Select(v => v!.GetValue<string>())));
    }
}
