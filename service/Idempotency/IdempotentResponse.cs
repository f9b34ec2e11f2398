using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Idempotency;

/// <summary>A response as it went out, so an Idempotency-Key retry gets it again byte for byte.</summary>
public sealed record StoredResponse(int StatusCode, string Body, string ContentType, string? Location, string? ETag) : IResult
{
    /// <summary>Answered from the kept response of an earlier call with the same key.</summary>
    public bool IsReplay { get; init; }

    /// <summary>The audit outcome of this response: success, or the code of the problem it carries.</summary>
    public string Outcome => StatusCode < 400 ? Audit.AuditTrail.Success : ProblemCodeOf(Body) ?? ProblemCodes.ForStatus(StatusCode);

    static string? ProblemCodeOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCode;
        http.Response.ContentType = ContentType;
        if (Location is not null) http.Response.Headers.Location = Location;
        if (ETag is not null) http.Response.Headers.ETag = ETag;
        return http.Response.WriteAsync(Body);
    }
}

public sealed class IdempotencyStore(AppDbContext db, CurrentUser user, TimeProvider clock, IOptions<JsonOptions> json)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 100;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The key of this request, or null when it has none; 400 when it is malformed.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(Header, out var values)) return null;
        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7E))
            throw ApiProblem.Validation(Header, $"1 to {MaxKeyLength} visible ASCII characters.");
        return key;
    }

    public string HashOf<T>(T request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, json.Value.SerializerOptions)));

    /// <summary>The earlier response for this key, if any; 422 when the key came with another body.</summary>
    public async Task<StoredResponse?> FindAsync(string key, string requestHash, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.FirstOrDefaultAsync(r => r.UserId == user.UserId && r.Key == key, cancellationToken);
        if (record is null) return null;
        if (record.CreatedAt < clock.GetUtcNow().UtcDateTime - Lifetime)
        {
            db.IdempotencyRecords.Remove(record);
            return null;
        }
        if (record.RequestHash != requestHash) throw ApiProblem.IdempotencyKeyReused();
        return new StoredResponse(record.StatusCode, record.ResponseBody, ContentTypeOf(record.StatusCode), record.Location, record.ETag) { IsReplay = true };
    }

    public StoredResponse Json<T>(int statusCode, T body, string? location = null, string? etag = null) =>
        new(statusCode, JsonSerializer.Serialize(body, json.Value.SerializerOptions), ContentTypeOf(statusCode), location, etag);

    public StoredResponse Problem(ApiProblem problem) =>
        new(problem.Status, JsonSerializer.Serialize(ProblemExceptionHandler.ToDetails(problem), json.Value.SerializerOptions), ContentTypeOf(problem.Status), null, null);

    /// <summary>Adds the response to the unit of work, so it commits with the change it describes.</summary>
    public void Remember(string key, string requestHash, StoredResponse response) =>
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            WorkspaceId = user.WorkspaceId,
            UserId = user.UserId,
            Key = key,
            RequestHash = requestHash,
            StatusCode = response.StatusCode,
            ResponseBody = response.Body,
            Location = response.Location,
            ETag = response.ETag,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });

    static string ContentTypeOf(int statusCode) => statusCode >= 400 ? "application/problem+json" : "application/json; charset=utf-8";
}
