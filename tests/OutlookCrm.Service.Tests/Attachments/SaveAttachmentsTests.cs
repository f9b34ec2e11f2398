using System.Net;
using System.Text.Json.Nodes;
using OutlookCrm.Service.Tests.Support;
using static OutlookCrm.Service.Tests.Attachments.AttachmentTestData;
using static OutlookCrm.Service.Tests.History.HistoryTestData;

namespace OutlookCrm.Service.Tests.Attachments;

/// <summary>Saving an email saves its attachments, read from the (fake) Graph mailbox on behalf of the user.</summary>
public class SaveAttachmentsTests(AttachmentServiceFactory factory) : IClassFixture<AttachmentServiceFactory>
{
    [Fact]
    public async Task Saving_an_email_stores_its_files_and_the_history_lists_them_in_order()
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        var letter = Bytes(1500);
        var form = Bytes(900);
        factory.Graph.AddAttachment(message, "referral.pdf", letter);
        factory.Graph.AddAttachment(message, "logo.png", Bytes(300), "image/png", isInline: true);
        factory.Graph.AddAttachment(message, "insurance-form.docx", form, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        factory.Graph.AddAttachment(message, "Forwarded message", [], "message/rfc822", declaredSize: 2000, odataType: "#microsoft.graph.itemAttachment");

        var saved = await SaveMessageAsync(session, client, message);
        Assert.Equal(["referral.pdf", "insurance-form.docx", "Forwarded message"], saved["attachments"]!.AsArray().Select(a => a!.Str("name")).ToArray());

        var item = (await HistoryAsync(session, client))["items"]!.AsArray().Single(i => i!.Str("kind") == "saved-email")!;
        var listed = item["attachments"]!.AsArray();
        Assert.Equal(["referral.pdf", "insurance-form.docx", "Forwarded message"], listed.Select(a => a!.Str("name")).ToArray());
        Assert.Equal([1500L, 900L, 2000L], listed.Select(a => a!["size"]!.GetValue<long>()).ToArray());
        Assert.Equal(",,not-a-file", SkipReasons(listed));
        Assert.Equal(letter, await DownloadBytesAsync(session, client, saved, listed[0]!));
        Assert.Equal(form, await DownloadBytesAsync(session, client, saved, listed[1]!));
        Assert.Equal(new[] { Sha256(letter), Sha256(form) }.Order(), factory.StoredFiles(await session.WorkspaceIdAsync()));
        Assert.All(factory.Graph.AttachmentRequests.Where(r => r.Path.Contains(message.Str("id"))), r => Assert.Equal($"Bearer {GraphServiceFactory.TokenFor(session.UserId)}", r.Authorization));
    }

    [Fact]
    public async Task A_download_is_opaque_bytes_to_save_whatever_the_sender_declared_and_is_audited()
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        factory.Graph.AddAttachment(message, "invoice.html", Text("<script>alert(document.cookie)</script>"), "text/html");

        var saved = await SaveMessageAsync(session, client, message);
        var response = await DownloadAsync(session, client, saved, saved["attachments"]![0]!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("invoice.html", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        var audit = (await Json.ReadAsync(await session.Http.GetAsync("/api/audit?action=attachment.download"), 200))["items"]!.AsArray();
        var entry = Assert.Single(audit)!;
        Assert.Equal(client.ToString(), entry.Str("objectId"));
        Assert.Equal("success", entry.Str("outcome"));
    }

    [Theory]
    [InlineData("../../x", "_.._x")]
    [InlineData("\u202Efdp.exe", "fdp.exe")]
    [InlineData("re\u0000port\r\n.txt", "report.txt")]
    [InlineData("C:\\Windows\\evil.bat", "C__Windows_evil.bat")]
    [InlineData("<img src=x onerror=alert(1)>.png", "<img src=x onerror=alert(1)>.png")]
    [InlineData("   ", "attachment")]
    public async Task Hostile_file_names_are_text_and_never_name_what_is_stored(string name, string shown)
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        var content = Bytes(100);
        factory.Graph.AddAttachment(message, name, content);

        var saved = await SaveMessageAsync(session, client, message);
        var attachment = saved["attachments"]![0]!;
        Assert.Equal(shown, attachment.Str("name"));
        Assert.Equal([Sha256(content)], factory.StoredFiles(await session.WorkspaceIdAsync()));
        var response = await DownloadAsync(session, client, saved, attachment);
        Assert.Equal(shown, response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task A_300_character_name_is_shortened_keeping_its_extension()
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        factory.Graph.AddAttachment(message, new string('a', 296) + ".pdf", Bytes(10));

        var name = (await SaveMessageAsync(session, client, message))["attachments"]![0]!.Str("name");
        Assert.Equal(200, name.Length);
        Assert.EndsWith("….pdf", name);
    }

    [Fact]
    public async Task Files_over_the_limits_are_listed_as_skipped_with_the_reason_and_not_stored()
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        var tooLarge = Bytes(AttachmentServiceFactory.MaxFileBytes + 1);
        var first = Bytes(3500);
        var second = Bytes(3000); // 3,500 + 3,000 is over the 6,000 an email may store
        var lying = Bytes(AttachmentServiceFactory.MaxFileBytes + 500);
        var small = Bytes(1000);
        factory.Graph.AddAttachment(message, "scan.tiff", tooLarge);
        factory.Graph.AddAttachment(message, "first.pdf", first);
        factory.Graph.AddAttachment(message, "second.pdf", second);
        factory.Graph.AddAttachment(message, "claims-small.pdf", lying, declaredSize: 10);
        factory.Graph.AddAttachment(message, "small.pdf", small);

        var saved = await SaveMessageAsync(session, client, message);
        var listed = saved["attachments"]!.AsArray();
        Assert.Equal("file-too-large,,email-too-large,email-too-large,", SkipReasons(listed));
        Assert.Equal(new[] { Sha256(first), Sha256(small) }.Order(), factory.StoredFiles(await session.WorkspaceIdAsync()));
        await Json.ProblemAsync(await DownloadAsync(session, client, saved, listed[0]!), 404, "attachment-not-found");
        Assert.Equal(small, await DownloadBytesAsync(session, client, saved, listed[4]!));
    }

    [Fact]
    public async Task A_file_that_is_larger_than_it_declared_is_stopped_at_the_file_limit()
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        factory.Graph.AddAttachment(message, "claims-small.pdf", Bytes(AttachmentServiceFactory.MaxFileBytes + 1), declaredSize: 10);

        var saved = await SaveMessageAsync(session, client, message);
        Assert.Equal("file-too-large", saved["attachments"]![0]!.Str("skipReason"));
        Assert.Empty(factory.StoredFiles(await session.WorkspaceIdAsync()));
    }

    [Fact]
    public async Task The_same_file_is_stored_once_per_workspace_and_listed_under_each_email()
    {
        var session = await factory.SignInAsync();
        var (client, address, message) = await ClientWithMessageAsync(factory, session);
        var other = NewMessage(factory, address);
        var content = Bytes(2000);
        factory.Graph.AddAttachment(message, "consent.pdf", content);
        factory.Graph.AddAttachment(other, "consent (signed).pdf", content);
        factory.Graph.AddAttachment(other, "consent copy.pdf", content);

        var first = await SaveMessageAsync(session, client, message);
        var second = await SaveMessageAsync(session, client, other);
        var elsewhere = await factory.SignInAsync();
        var (theirClient, _, theirMessage) = await ClientWithMessageAsync(factory, elsewhere);
        factory.Graph.AddAttachment(theirMessage, "consent.pdf", content);
        await SaveMessageAsync(elsewhere, theirClient, theirMessage);

        Assert.Equal(["consent (signed).pdf", "consent copy.pdf"], second["attachments"]!.AsArray().Select(a => a!.Str("name")).ToArray());
        Assert.Equal([Sha256(content)], factory.StoredFiles(await session.WorkspaceIdAsync()));
        Assert.Equal([Sha256(content)], factory.StoredFiles(await elsewhere.WorkspaceIdAsync()));
        Assert.Equal(content, await DownloadBytesAsync(session, client, first, first["attachments"]![0]!));
        Assert.Equal(content, await DownloadBytesAsync(session, client, second, second["attachments"]![1]!));
    }

    [Fact]
    public async Task Saving_again_answers_the_first_save_without_reading_the_mailbox_again()
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        factory.Graph.AddAttachment(message, "notes.pdf", Bytes(100));
        var first = await SaveMessageAsync(session, client, message);
        var reads = factory.Graph.AttachmentRequests.Count(r => r.Path.Contains(message.Str("id")));

        var again = await SaveMessageAsync(session, client, message, status: 200);
        Assert.Equal(first.Id(), again.Id());
        Assert.Equal(first["attachments"]![0]!.AsObject().Id(), again["attachments"]![0]!.AsObject().Id());
        Assert.Equal(reads, factory.Graph.AttachmentRequests.Count(r => r.Path.Contains(message.Str("id"))));
    }

    [Fact]
    public async Task Throttling_is_retried_after_retry_after()
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        var content = Bytes(500);
        factory.Graph.AddAttachment(message, "receipt.pdf", content);
        factory.Graph.AttachmentFaults.Enqueue(FakeGraphServer.Status(429, "0"));
        factory.Graph.AttachmentFaults.Enqueue(FakeGraphServer.Status(503, "0"));

        var saved = await SaveMessageAsync(session, client, message);
        Assert.Equal(content, await DownloadBytesAsync(session, client, saved, saved["attachments"]![0]!));
    }

    [Fact]
    public async Task A_mailbox_that_stays_unavailable_saves_nothing_and_a_later_save_works()
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        factory.Graph.AddAttachment(message, "receipt.pdf", Bytes(500));
        for (var i = 0; i < 4; i++) factory.Graph.AttachmentFaults.Enqueue(FakeGraphServer.Status(503, "0"));

        var refused = await session.PostJsonAsync($"/api/clients/{client}/saved-emails", Email(message.Str("internetMessageId"), message["from"]!["emailAddress"]!.Str("address"), DateTime.UtcNow.AddHours(-1)));
        await Json.ProblemAsync(refused, 503, "attachments-unavailable");
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.DoesNotContain((await HistoryAsync(session, client))["items"]!.AsArray(), i => i!.Str("kind") == "saved-email");

        var saved = await SaveMessageAsync(session, client, message);
        Assert.Single(saved["attachments"]!.AsArray());
    }

    [Fact]
    public async Task A_message_the_mailbox_does_not_have_is_saved_without_attachments()
    {
        var session = await factory.SignInAsync();
        var client = (await session.CreateClientAsync("Bea", "Lima", "bea.lima@example.com")).Id();

        var saved = await SaveAsync(session, client, Email("<not-in-mailbox@x.example.com>", "bea.lima@example.com", DateTime.UtcNow));
        Assert.Empty(saved["attachments"]!.AsArray());
    }

    [Fact]
    public async Task Another_tenants_attachment_is_not_found()
    {
        var owner = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, owner);
        factory.Graph.AddAttachment(message, "private.pdf", Bytes(100));
        var saved = await SaveMessageAsync(owner, client, message);
        var intruder = await factory.SignInAsync();

        await Json.ProblemAsync(await DownloadAsync(intruder, client, saved, saved["attachments"]![0]!), 404, "attachment-not-found");
        var ownClient = (await intruder.CreateClientAsync("Own", "Client")).Id();
        await Json.ProblemAsync(await DownloadAsync(intruder, ownClient, saved, saved["attachments"]![0]!), 404, "attachment-not-found");
    }

    [Fact]
    public async Task An_attachment_is_only_found_under_its_own_client_and_email()
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        factory.Graph.AddAttachment(message, "a.pdf", Bytes(100));
        var saved = await SaveMessageAsync(session, client, message);
        var otherClient = (await session.CreateClientAsync("Other", "Person")).Id();
        var attachment = saved["attachments"]![0]!.AsObject().Id();

        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{otherClient}/saved-emails/{saved.Id()}/attachments/{attachment}"), 404, "attachment-not-found");
        await Json.ProblemAsync(await session.Http.GetAsync($"/api/clients/{client}/saved-emails/{Guid.NewGuid()}/attachments/{attachment}"), 404, "attachment-not-found");
    }

    [Fact]
    public async Task Export_includes_the_files_and_erasure_removes_those_no_other_record_lists()
    {
        var session = await factory.SignInAsync();
        var (client, _, message) = await ClientWithMessageAsync(factory, session);
        var own = Bytes(700);
        var shared = Bytes(800);
        factory.Graph.AddAttachment(message, "own.pdf", own);
        factory.Graph.AddAttachment(message, "shared.pdf", shared);
        await SaveMessageAsync(session, client, message);
        var (sibling, _, siblingMessage) = await ClientWithMessageAsync(factory, session);
        factory.Graph.AddAttachment(siblingMessage, "shared.pdf", shared);
        var siblingSaved = await SaveMessageAsync(session, sibling, siblingMessage);
        var workspace = await session.WorkspaceIdAsync();

        var export = await Json.ReadAsync(await session.Http.GetAsync($"/api/clients/{client}/export"), 200);
        var files = export["attachments"]!.AsArray();
        Assert.Equal(["own.pdf", "shared.pdf"], files.Select(f => f!.Str("name")).ToArray());
        Assert.Equal(own, Convert.FromBase64String(files[0]!.Str("contentBase64")));
        Assert.Equal(Sha256(shared), files[1]!.Str("sha256"));
        Assert.Equal(["own.pdf", "shared.pdf"], export["savedEmails"]![0]!["attachments"]!.AsArray().Select(a => a!.Str("name")).ToArray());

        Assert.Equal(HttpStatusCode.NoContent, (await session.Http.DeleteAsync($"/api/clients/{client}")).StatusCode);
        Assert.Equal([Sha256(shared)], factory.StoredFiles(workspace));
        Assert.Equal(shared, await DownloadBytesAsync(session, sibling, siblingSaved, siblingSaved["attachments"]![0]!));

        Assert.Equal(HttpStatusCode.NoContent, (await session.Http.DeleteAsync($"/api/clients/{sibling}/saved-emails/{siblingSaved.Id()}")).StatusCode);
        Assert.Empty(factory.StoredFiles(workspace));
    }

    /// <summary>Each attachment's skip reason, empty when stored, comma-separated.</summary>
    static string SkipReasons(JsonArray listed) => string.Join(",", listed.Select(a => a!["skipReason"]?.GetValue<string>() ?? ""));
}
