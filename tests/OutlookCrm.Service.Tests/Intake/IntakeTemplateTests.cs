using System.Net.Http.Json;
using System.Net;
using OutlookCrm.Service.Tests.Support;

namespace OutlookCrm.Service.Tests.Intake;

public class IntakeTemplateTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    static object Template(string name = "Couples intake") => new
    {
        name,
        emailSubject = "Before our first session",
        emailMessage = "Hello {firstName}, please fill this in.",
        language = "en",
        sections = new[]
        {
            new
            {
                title = "About you",
                questions = new object[]
                {
                    new { id = "partner", label = "Partner's name", type = "shortText", required = true },
                    new { id = "goals", label = "Goals", type = "multipleChoice", required = false, options = new[] { "Communication", "Trust", "Other" } },
                },
            },
        },
    };

    [Fact]
    public async Task A_workspace_starts_with_a_new_client_intake_in_its_language()
    {
        var session = await factory.SignInAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/intake/templates");
        request.Headers.AcceptLanguage.ParseAdd("pt-BR");
        var list = await Json.ReadAsync(await session.Http.SendAsync(request), 200);
        var template = list["items"]!.AsArray().Single()!;
        Assert.Equal("Cadastro de novo cliente", template.Str("name"));
        var sections = template["form"]!["sections"]!.AsArray();
        Assert.Equal(4, sections.Count);
        Assert.Contains(sections.SelectMany(s => s!["questions"]!.AsArray()), q => q!.Str("type") == "consent" && q!["required"]!.GetValue<bool>());

        var again = await Json.ReadAsync(await session.Http.GetAsync("/api/intake/templates"), 200);
        Assert.Single(again["items"]!.AsArray());
    }

    [Fact]
    public async Task The_built_in_template_is_shown_in_the_language_asked_for()
    {
        var session = await factory.SignInAsync();
        var english = await Json.ReadAsync(await session.Http.GetAsync("/api/intake/templates?lang=en"), 200);
        Assert.Equal("New client intake", english["items"]![0]!.Str("name"));
        var portuguese = await Json.ReadAsync(await session.Http.GetAsync("/api/intake/templates?language=pt-BR"), 200);
        Assert.Equal("Cadastro de novo cliente", portuguese["items"]![0]!.Str("name"));
        var one = await Json.ReadAsync(await session.Http.GetAsync($"/api/intake/templates/{english["items"]![0]!.Str("id")}?language=pt-BR"), 200);
        Assert.Equal("Seu formulário inicial", one.Str("emailSubject"));
        await Json.ProblemAsync(await session.Http.GetAsync("/api/intake/templates?language=klingon"), 400, "validation-failed");
    }

    [Fact]
    public async Task Admins_create_and_edit_templates()
    {
        var admin = await factory.SignInAsync();
        var created = await Json.ReadAsync(await admin.PostJsonAsync("/api/intake/templates", Template()), 201);
        Assert.Equal("multipleChoice", created["form"]!["sections"]![0]!["questions"]![1].Str("type"));

        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/intake/templates/{created.Str("id")}") { Content = System.Net.Http.Json.JsonContent.Create(Template("Couples intake v2")) };
        request.Headers.TryAddWithoutValidation("If-Match", created.Str("version"));
        var updated = await Json.ReadAsync(await admin.Http.SendAsync(request), 200);
        Assert.Equal("Couples intake v2", updated.Str("name"));

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/intake/templates/{created.Str("id")}") { Content = System.Net.Http.Json.JsonContent.Create(Template("Lost")) };
        stale.Headers.TryAddWithoutValidation("If-Match", created.Str("version"));
        await Json.ProblemAsync(await admin.Http.SendAsync(stale), 412, "version-mismatch");

        // The same strict check as every conditional write: a weak tag never matches, a list or "*" may.
        var weak = new HttpRequestMessage(HttpMethod.Put, $"/api/intake/templates/{created.Str("id")}") { Content = System.Net.Http.Json.JsonContent.Create(Template("Weak")) };
        weak.Headers.TryAddWithoutValidation("If-Match", "W/" + updated.Str("version"));
        await Json.ProblemAsync(await admin.Http.SendAsync(weak), 412, "version-mismatch");
        var listed = new HttpRequestMessage(HttpMethod.Put, $"/api/intake/templates/{created.Str("id")}") { Content = System.Net.Http.Json.JsonContent.Create(Template("Listed")) };
        listed.Headers.TryAddWithoutValidation("If-Match", $"\"999\", {updated.Str("version")}");
        var afterList = await Json.ReadAsync(await admin.Http.SendAsync(listed), 200);
        var star = new HttpRequestMessage(HttpMethod.Put, $"/api/intake/templates/{created.Str("id")}") { Content = System.Net.Http.Json.JsonContent.Create(Template("Star")) };
        star.Headers.TryAddWithoutValidation("If-Match", "*");
        Assert.Equal("Star", (await Json.ReadAsync(await admin.Http.SendAsync(star), 200)).Str("name"));
        Assert.NotEqual(updated.Str("version"), afterList.Str("version"));
    }

    [Fact]
    public async Task Staff_cannot_change_templates()
    {
        var tenant = Guid.NewGuid();
        var admin = await factory.SignInAsync(tenant);
        await admin.Http.GetAsync("/api/me");
        var staff = await factory.SignInAsync(tenant);
        await Json.ProblemAsync(await staff.PostJsonAsync("/api/intake/templates", Template()), 403, "admin-required");
    }

    [Theory]
    [InlineData("""{"name":"","emailSubject":"s","emailMessage":"m","sections":[{"title":"t","questions":[{"label":"q","type":"shortText"}]}]}""", "name")]
    [InlineData("""{"name":"n","emailSubject":"s","emailMessage":"m","sections":[]}""", "sections")]
    [InlineData("""{"name":"n","emailSubject":"s","emailMessage":"m","sections":[{"title":"t","questions":[]}]}""", "sections[0].questions")]
    [InlineData("""{"name":"n","emailSubject":"s","emailMessage":"m","sections":[{"title":"t","questions":[{"label":"q","type":"video"}]}]}""", "sections[0].questions[0].type")]
    [InlineData("""{"name":"n","emailSubject":"s","emailMessage":"m","sections":[{"title":"t","questions":[{"label":"q","type":"singleChoice","options":["only one"]}]}]}""", "sections[0].questions[0].options")]
    [InlineData("""{"name":"n","emailSubject":"s","emailMessage":"m","sections":[{"title":"t","questions":[{"id":"a","label":"q","type":"yesNo"},{"id":"a","label":"r","type":"yesNo"}]}]}""", "sections[0].questions[1].id")]
    [InlineData("""{"name":"n","emailSubject":"s","emailMessage":"m","language":"xx","sections":[{"title":"t","questions":[{"label":"q","type":"yesNo"}]}]}""", "language")]
    public async Task Invalid_templates_are_refused(string body, string property)
    {
        var admin = await factory.SignInAsync();
        var problem = await Json.ProblemAsync(await admin.SendRawAsync(HttpMethod.Post, "/api/intake/templates", body), 400, "validation-failed");
        Assert.NotNull(problem["errors"]![property]);
    }

    [Fact]
    public async Task Oversized_templates_are_refused()
    {
        var admin = await factory.SignInAsync();
        var questions = Enumerable.Range(0, 101).Select(i => new { label = $"Q{i}", type = "shortText" }).ToArray();
        var body = new { name = "Big", emailSubject = "s", emailMessage = "m", sections = new[] { new { title = "t", questions } } };
        await Json.ProblemAsync(await admin.PostJsonAsync("/api/intake/templates", body), 400, "validation-failed");
        var message = new { name = "Big", emailSubject = "s", emailMessage = new string('m', 4001), sections = new[] { new { title = "t", questions = questions.Take(1) } } };
        await Json.ProblemAsync(await admin.PostJsonAsync("/api/intake/templates", message), 400, "validation-failed");
    }

    [Fact]
    public async Task Templates_of_another_workspace_are_not_found()
    {
        var owner = await factory.SignInAsync();
        var intruder = await factory.SignInAsync();
        var created = await Json.ReadAsync(await owner.PostJsonAsync("/api/intake/templates", Template()), 201);
        await Json.ProblemAsync(await intruder.Http.GetAsync($"/api/intake/templates/{created.Str("id")}"), 404, "not-found");
        await Json.ProblemAsync(await intruder.Http.PutAsJsonAsync($"/api/intake/templates/{created.Str("id")}", Template("Hijack")), 404, "not-found");
        Assert.DoesNotContain((await Json.ReadAsync(await intruder.Http.GetAsync("/api/intake/templates"), 200))["items"]!.AsArray(), t => t!.Str("id") == created.Str("id"));
    }
}
