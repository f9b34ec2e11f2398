using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Intake;
using OutlookCrm.Service.Mailbox;

namespace OutlookCrm.Service.Tests.Workspaces;

/// <summary>
/// The string values the OpenAPI document lists for a property ([AllowedValues], which the pane's types
/// are generated from) are the ones the service writes: what an enum turns into is checked here.
/// </summary>
public class ContractValuesTests
{
    static IReadOnlyList<string> Allowed<T>(string property) =>
        typeof(T).GetProperty(property)!.GetCustomAttribute<AllowedValuesAttribute>()!.Values.Cast<string>().ToList();

    static string Camel<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    [Fact]
    public void Intake_delivery_lists_every_delivery()
    {
        Assert.Equal(Enum.GetValues<IntakeDelivery>().Select(Camel), Allowed<IntakeDto>(nameof(IntakeDto.Delivery)));
    }

    [Fact]
    public void Intake_status_lists_every_stored_status_and_the_derived_ones()
    {
        var allowed = Allowed<IntakeDto>(nameof(IntakeDto.Status));
        Assert.All(Enum.GetValues<IntakeStatus>().Select(Camel), status => Assert.Contains(status, allowed));
        var now = DateTime.UtcNow;
        foreach (var delivery in Enum.GetValues<IntakeDelivery>())
            foreach (var (sentAt, expiresAt) in new[] { (now, now.AddDays(1)), (now.AddDays(-2), now.AddDays(-1)) })
                Assert.Contains(IntakeEndpoints.StatusOf(new IntakeRequest { Status = IntakeStatus.Sent, Delivery = delivery, SentAt = sentAt, ExpiresAt = expiresAt }, now), allowed);
    }

    [Fact]
    public void History_mailbox_source_lists_every_mailbox_state()
    {
        Assert.Equal(Enum.GetValues<MailboxState>().Select(HistoryEndpoints.StateName), Allowed<HistorySources>(nameof(HistorySources.Mailbox)));
    }
}
