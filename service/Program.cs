using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using OutlookCrm.Service.Attachments;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Colleagues;
using OutlookCrm.Service.Fields;
using OutlookCrm.Service.Health;
using OutlookCrm.Service.History;
using OutlookCrm.Service.Idempotency;
using OutlookCrm.Service.Mailbox;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.InfoPages;
using OutlookCrm.Service.Intake;
using OutlookCrm.Service.Localization;
using OutlookCrm.Service.Lookup;
using OutlookCrm.Service.Pane;
using OutlookCrm.Service.Problems;
using OutlookCrm.Service.NeverTrack;
using OutlookCrm.Service.Security;
using OutlookCrm.Service.SendSaves;
using OutlookCrm.Service.Suggestions;
using OutlookCrm.Service.Workspaces;
using Scalar.AspNetCore;

// `dotnet build service -p:WriteOpenApi=true` starts the app inside GetDocument.Insider to write docs/openapi.json:
// it describes the Development app, as the /openapi/v1.json that OpenApiDocumentTests compares it with.
var writingOpenApi = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    EnvironmentName = writingOpenApi ? Environments.Development : null,
});

var auth = builder.AddOutlookCrmAuth();
var database = builder.AddOutlookCrmDatabase();

builder.Services.AddSingleton(builder.Configuration.GetSection(SecuritySettings.Section).Get<SecuritySettings>() ?? new SecuritySettings());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<WorkspaceDirectory>();
builder.Services.AddScoped<IdempotencyStore>();
builder.Services.AddScoped<WriteUnit>();
builder.Services.AddScoped<ClientRecordWriter>();
builder.Services.AddScoped<IntakeDeliveries>();
builder.Services.AddAuditTrail(database, builder.Configuration);
builder.Services.AddLookup(database);
builder.Services.AddSingleton<WorkspaceMembers>();
builder.Services.AddSingleton<TextCatalog>();
var intake = builder.Configuration.GetSection(IntakeSettings.Section).Get<IntakeSettings>() ?? new IntakeSettings();
builder.Services.AddSingleton(intake);
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "outlookcrm.form";
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.AddOutlookCrmRateLimits();
builder.Services.AddSingleton<SealedCursor>();
var mailbox = builder.AddMailbox(auth);
builder.AddColleagues(mailbox);
var attachments = builder.AddAttachments(database, mailbox);
builder.AddSendSaves(mailbox);
StartupChecks.Verify(builder, auth, database, mailbox, intake, attachments);
builder.Services.AddHostedService<IdempotencyCleanup>();
builder.Services.AddHostedService<MatchKeyBackfill>();
// Keys in the database, not on an instance's disk: every instance must open what another sealed.
builder.Services.AddDataProtection().SetApplicationName("OutlookCrm").PersistKeysToDbContext<AppDbContext>();
builder.Services.AddOutlookCrmHealth();
builder.Services.AddOpenApi(options =>
{
    options.AddSchemaTransformer<ProblemSchemaTransformer>();
    options.AddSchemaTransformer<ContractSchemaTransformer>();
    options.AddDocumentTransformer<StableDocumentTransformer>();
});
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemCodes.AddMissingCode);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.MaxDepth = RequestLimits.MaxJsonDepth;
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, LookupDtoJson.Default);
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
});

var app = builder.Build();

app.UseMiddleware<SecurityHeaders>();
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), branch => branch.UseMiddleware<DeniedAttemptAudit>());
app.UseExceptionHandler();
app.UseStatusCodePages();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseMiddleware<HttpsOutsideLoopback>();
}
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/dev"),
    branch => branch.UseMiddleware<RequestSizeLimitMiddleware>(RequestLimits.MaxBodyBytes));
app.UseWhen(http => http.Request.Path.StartsWithSegments("/intake"),
    branch => branch.UseMiddleware<RequestSizeLimitMiddleware>(RequestLimits.MaxFormBytes));
app.UseTaskPane(auth);
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapOutlookCrmHealth();
app.MapAuthConfig();
app.MapInfoPages();
app.MapPublicIntakeForm();
if (auth.Mode == AuthMode.Development) app.MapDevelopmentTokens();
if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentManifest();
    app.MapOpenApi();
    app.MapScalarApiReference();
}
else
{
    app.MapOpenApi().RequireAuthorization(AuthSetup.ApiPolicy);
}

var api = app.MapGroup("/api")
    .RequireAuthorization(AuthSetup.ApiPolicy)
    .AddEndpointFilter<CurrentUserFilter>()
    .AddEndpointFilter<AuditFilter>()
    .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
        StatusCodes.Status429TooManyRequests, StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable);
api.MapMe();
api.MapLookup();
api.MapSuggestions();
api.MapNeverTrack();
api.MapClients();
api.MapFields();
api.MapHistory();
api.MapConversationSaves();
api.MapAttachments();
api.MapSendSaves();
api.MapAudit();
api.MapIntakeTemplates();
api.MapIntakes();
if (app.Services.GetService<DevelopmentOutbox>() is not null && app.Environment.IsDevelopment()) api.MapDevelopmentOutbox();
if (app.Services.GetService<DevelopmentSentItemsStore>() is not null && app.Environment.IsDevelopment()) api.MapDevelopmentSentItems();

await app.MigrateIfConfiguredAsync();
await app.LoadDataProtectionKeyRingAsync();
await app.RunAsync();

public partial class Program;
