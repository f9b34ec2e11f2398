using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.History.HistoryTestData;

namespace OutlookCrm.Service.Tests.History;

/// <summary>Whole conversations: saved emails remember their Outlook conversation, and the pane asks which records hold it.</summary>
public class ConversationSaveTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    static string NewConversation() => "AAQkADU3Y2M4+/" + Guid.NewGuid().ToString("N") + "=";
    static string NewMessageId() => $"<{Guid.NewGuid():N}@mail.example.com>";

    static async Task<JsonArray> SavedToAsync(TenantSession session, string conversation, string? messageId = null) =>
        (await Json.ReadAsync(await session.Http.GetAsync($"/api/conversations/saved?conversationId={Uri.EscapeDataString(conversation)}"
            + (messageId is null ? "" : $"&internetMessageId={Uri.EscapeDataString(messageId)}")), 200))["clients"]!.AsArray();

    [Fact]
    public async Task A_later_email_of_a_saved_conversation_names_the_records_that_hold_it()
    {
        var session = await factory.SignInAsync();
        var ana = await session.CreateClientAsync("Ana", "Souza", "ana.conv@example.com");
        var conversation = NewConversation();
        var first = NewMessageId();
        var later = NewMessageId();

        Assert.Empty(await SavedToAsync(session, conversation, later));
        await SaveAsync(session, ana.Id(), Email(first, "ana.conv@example.com", DateTime.UtcNow.AddDays(-1), conversationId: conversation), 201);

        var forLater = Assert.Single(await SavedToAsync(session, conversation, later))!.AsObject();
        Assert.Equal(ana.Id(), forLater.Id("clientId"));
        Assert.Equal("Ana Souza", forLater.Str("name"));
        Assert.False(forLater["messageSaved"]!.GetValue<bool>());
        Assert.True(Assert.Single(await SavedToAsync(session, conversation, first))!["messageSaved"]!.GetValue<bool>());
        Assert.Empty(await SavedToAsync(session, NewConversation(), later));

        // "Save this one too", clicked or automatic, twice (two panes, a retry): saved exactly once.
        var saved = await SaveAsync(session, ana.Id(), Email(later, "ana.conv@example.com", DateTime.UtcNow, "Re: Session notes", conversationId: conversation), 201);
        var again = await SaveAsync(session, ana.Id(), Email(later, "ana.conv@example.com", DateTime.UtcNow, "Re: Session notes", conversationId: conversation), 200);
        Assert.Equal(saved.Id(), again.Id());
        Assert.True(Assert.Single(await SavedToAsync(session, conversation, later))!["messageSaved"]!.GetValue<bool>());
        var items = (await HistoryAsync(session, ana.Id()))["items"]!.AsArray().Where(i => i!.Str("kind") == "saved-email").ToList();
        Assert.Equal(2, items.Count);
        Assert.Single(items, i => i!.Str("internetMessageId") == later);
    }

    [Fact]
    public async Task Every_record_holding_the_conversation_is_named_and_an_unsaved_one_drops_out()
    {
        var session = await factory.SignInAsync();
        var ana = await session.CreateClientAsync("Ana", "Souza", "ana.two@example.com");
        var bia = await session.CreateClientAsync("Bia", "Reis", "bia.two@example.com");
        var conversation = NewConversation();
        await SaveAsync(session, ana.Id(), Email(NewMessageId(), "ana.two@example.com", DateTime.UtcNow.AddDays(-2), conversationId: conversation), 201);
        var biaSaved = await SaveAsync(session, bia.Id(), Email(NewMessageId(), "bia.two@example.com", DateTime.UtcNow.AddDays(-1), conversationId: conversation), 201);

        Assert.Equal(["Bia Reis", "Ana Souza"], (await SavedToAsync(session, conversation)).Select(c => c!.Str("name")).ToArray());

        await session.Http.DeleteAsync($"/api/clients/{bia.Id()}/saved-emails/{biaSaved.Id()}");
        Assert.Equal(["Ana Souza"], (await SavedToAsync(session, conversation)).Select(c => c!.Str("name")).ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("conversationId=")]
    [InlineData("conversationId=a%20b")]
    [InlineData("conversationId=a%00b")]
    [InlineData("conversationId=ok&internetMessageId=%0A")]
    public async Task Bad_conversation_queries_are_refused(string query)
    {
        var session = await factory.SignInAsync();
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/conversations/saved?{query}"), 400, "validation-failed");
    }

    [Fact]
    public async Task Conversation_ids_are_opaque_up_to_256_characters()
    {
        var session = await factory.SignInAsync();
        var client = await session.CreateClientAsync("Caio", "Lima", "caio.conv@example.com");
        var longest = new string('Q', 255) + "=";
        await SaveAsync(session, client.Id(), Email(NewMessageId(), "caio.conv@example.com", DateTime.UtcNow, conversationId: longest), 201);
        Assert.Single(await SavedToAsync(session, longest));

        var tooLong = longest + "A";
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/conversations/saved?conversationId={tooLong}"), 400, "validation-failed");
        var refused = await Json.ProblemAsync(await session.PostJsonAsync($"/api/clients/{client.Id()}/saved-emails",
            Email(NewMessageId(), "caio.conv@example.com", DateTime.UtcNow, conversationId: tooLong)), 400, "validation-failed");
        Assert.NotNull(refused["errors"]!["conversationId"]);
        // Without a conversation (an older pane, a blank one) the email is still saved.
        await SaveAsync(session, client.Id(), Email(NewMessageId(), "caio.conv@example.com", DateTime.UtcNow, conversationId: ""), 201);
    }

    [Fact]
    public async Task Saving_later_conversation_emails_automatically_is_a_per_user_setting_next_to_save_on_send()
    {
        var ana = await factory.SignInAsync();
        var bruno = await factory.SignInAsync(ana.TenantId);
        var settings = await Json.ReadAsync(await ana.Http.GetAsync("/api/me/save-settings"), 200);
        Assert.False(settings["saveConversationsAutomatically"]!.GetValue<bool>());

        await Json.ReadAsync(await ana.Http.PutAsJsonAsync("/api/me/save-settings", new { saveToKnownClientsWhenSent = true }), 200);
        var both = await Json.ReadAsync(await ana.Http.PutAsJsonAsync("/api/me/save-settings", new { saveConversationsAutomatically = true }), 200);
        Assert.True(both["saveToKnownClientsWhenSent"]!.GetValue<bool>()); // left out: kept
        Assert.True(both["saveConversationsAutomatically"]!.GetValue<bool>());
        Assert.True((await Json.ReadAsync(await ana.Http.GetAsync("/api/me/save-settings"), 200))["saveConversationsAutomatically"]!.GetValue<bool>());
        Assert.False((await Json.ReadAsync(await bruno.Http.GetAsync("/api/me/save-settings"), 200))["saveConversationsAutomatically"]!.GetValue<bool>());

        await Json.ProblemAsync(await ana.Http.PutAsJsonAsync("/api/me/save-settings", new { }), 400, "validation-failed");
    }
}
