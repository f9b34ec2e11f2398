using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Lookup;

// The floor of POST /api/lookup (issue 18): the least an ASP.NET Core app can do for the same answer.
// An RS256 JWT validated on every request (no cache), then the service's lookup SQL, prepared on pooled
// connections to the same SQLite file. No audit, rate limit, security headers or workspace resolution.
//   dotnet Floor.dll --database <outlookcrm.db> --tenant <guid> --token-file <path>   (ASPNETCORE_URLS sets the address)
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var databasePath = builder.Configuration["database"] ?? throw new ArgumentException("--database <file> is required");
var tenantId = Guid.Parse(builder.Configuration["tenant"] ?? throw new ArgumentException("--tenant <guid> is required"));
var tokenFile = builder.Configuration["token-file"] ?? throw new ArgumentException("--token-file <path> is required");

// A key of this process, shaped like the service's development issuer (RSA 2048, RS256).
using var rsa = RSA.Create(2048);
var signingKey = new RsaSecurityKey(rsa) { KeyId = "floor" };
const string Issuer = "https://floor.invalid", Audience = "api://floor";
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
{
    options.MapInboundClaims = false;
    options.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = signingKey,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
    };
});
builder.Services.AddAuthorization();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, FloorJson.Default));

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
var workspaceId = WorkspaceOf(connectionString, tenantId);
var readers = new ConcurrentQueue<PreparedLookup>();

app.MapPost("/api/lookup", (FloorRequest request) =>
{
    if (request.Addresses is not { Count: > 0 and <= 50 } requested) return Results.BadRequest();
    var normalized = requested.Select(a => EmailAddress.TryParse(a, out var address) ? address.Normalized : null).ToArray();
    var reader = readers.TryDequeue(out var pooled) ? pooled : new PreparedLookup(connectionString);
    var owners = reader.Find(workspaceId, normalized.OfType<string>().Distinct().ToArray());
    readers.Enqueue(reader);
    var results = requested.Select((address, i) => new FloorResult(address, normalized[i] is not null,
        owners.Where(o => o.Address == normalized[i])
            .Select(o => new FloorMatch(o.ClientId, ClientNames.Display(o.FirstName, o.LastName, o.PreferredName), o.FieldLabel ?? "primary"))
            .ToList())).ToList();
    return Results.Ok(new FloorResponse(results));
}).RequireAuthorization();

await app.StartAsync();
var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
{
    Issuer = Issuer,
    Audience = Audience,
    Expires = DateTime.UtcNow.AddHours(2),
    Subject = new ClaimsIdentity([new Claim("tid", tenantId.ToString()), new Claim("oid", Guid.NewGuid().ToString()), new Claim("scp", "access_as_user")]),
    SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
});
await File.WriteAllTextAsync(tokenFile, token);
await app.WaitForShutdownAsync();

static Guid WorkspaceOf(string connectionString, Guid tenantId)
{
    using var connection = new SqliteConnection(connectionString);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT Id FROM Workspaces WHERE TenantId = $tenant";
    command.Parameters.AddWithValue("$tenant", tenantId.ToString().ToUpperInvariant());
    return Guid.Parse((string)command.ExecuteScalar()!);
}

/// <summary>One connection with the service's lookup statement prepared once; one request at a time.</summary>
sealed class PreparedLookup
{
    readonly SqliteCommand command;
    readonly SqliteParameter workspace, addresses;

    public PreparedLookup(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        command = connection.CreateCommand();
        command.CommandText = SqliteLookupQuery.Sql;
        workspace = command.Parameters.Add("$workspace", SqliteType.Text);
        addresses = command.Parameters.Add("$addresses", SqliteType.Text);
        command.Prepare();
    }

    public List<(string Address, Guid ClientId, string FirstName, string LastName, string? PreferredName, string? FieldLabel)> Find(Guid workspaceId, string[] normalized)
    {
        workspace.Value = workspaceId.ToString().ToUpperInvariant();
        addresses.Value = JsonSerializer.Serialize(normalized, FloorJson.Default.StringArray);
        var owners = new List<(string, Guid, string, string, string?, string?)>();
        using var rows = command.ExecuteReader();
        while (rows.Read())
            owners.Add((rows.GetString(0), rows.GetGuid(1), rows.GetString(2), rows.GetString(3), rows.IsDBNull(4) ? null : rows.GetString(4), rows.IsDBNull(5) ? null : rows.GetString(5)));
        return owners;
    }
}

sealed record FloorRequest(List<string?>? Addresses);
sealed record FloorMatch(Guid ClientId, string DisplayName, string MatchedAs);
sealed record FloorResult(string? Address, bool Valid, List<FloorMatch> Matches);
sealed record FloorResponse(List<FloorResult> Results);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FloorRequest))]
[JsonSerializable(typeof(FloorResponse))]
[JsonSerializable(typeof(string[]), TypeInfoPropertyName = "StringArray")]
sealed partial class FloorJson : JsonSerializerContext;
