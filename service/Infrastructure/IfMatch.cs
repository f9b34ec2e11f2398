using Microsoft.Net.Http.Headers;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Infrastructure;

/// <summary>Versions as entity tags, and the one If-Match check every conditional write uses.</summary>
public static class IfMatch
{
    public static string ETagOf(long version) => $"\"{version}\"";

    /// <summary>The request's If-Match, which it must send: 428 precondition-required without one.</summary>
    public static Condition Required(HttpRequest request) =>
        Read(request) ?? throw ApiProblem.PreconditionRequired();

    /// <summary>The request's If-Match when it sent one; without one, any version may be written.</summary>
    public static Condition Optional(HttpRequest request) => Read(request) ?? Condition.Any;

    static Condition? Read(HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header.ToString())) return null;
        return EntityTagHeaderValue.TryParseStrictList(header, out var tags)
            ? new Condition(tags)
            : throw ApiProblem.Validation(HeaderNames.IfMatch, "A list of entity tags (\"…\") or *.");
    }

    /// <summary>An If-Match to check against the record once it is loaded (inside the write's unit).</summary>
    public sealed class Condition
    {
        internal static readonly Condition Any = new([EntityTagHeaderValue.Any]);

        readonly IList<EntityTagHeaderValue> tags;

        internal Condition(IList<EntityTagHeaderValue> tags) => this.tags = tags;

        /// <summary>
        /// Strong comparison (RFC 9110 13.1.1): a list matches when any of its tags does, "*" matches any
        /// existing record, and a weak tag (W/"…") never matches; 412 version-mismatch otherwise.
        /// </summary>
        public void Verify(long version)
        {
            var current = new EntityTagHeaderValue(ETagOf(version));
            if (!tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: true)))
                throw ApiProblem.VersionMismatch();
        }
    }
}
