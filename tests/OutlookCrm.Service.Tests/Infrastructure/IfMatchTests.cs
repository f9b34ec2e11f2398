using Microsoft.AspNetCore.Http;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Tests.Infrastructure;

/// <summary>The one If-Match check (RFC 9110 13.1.1): strong comparison, lists, "*", weak tags never match a write.</summary>
public class IfMatchTests
{
    static HttpRequest Request(string? ifMatch)
    {
        var http = new DefaultHttpContext();
        if (ifMatch is not null) http.Request.Headers.IfMatch = ifMatch;
        return http.Request;
    }

    [Theory]
    [InlineData("\"5\"")]
    [InlineData("\"4\", \"5\"")]
    [InlineData("\"5\",\"9\"")]
    [InlineData("*")]
    [InlineData("W/\"4\", \"5\"")]
    public void A_current_tag_in_the_list_or_a_star_allows_the_write(string header) =>
        IfMatch.Required(Request(header)).Verify(5);

    [Theory]
    [InlineData("\"4\"")]
    [InlineData("W/\"5\"")]
    [InlineData("W/\"4\", W/\"5\"")]
    [InlineData("\"4\", \"6\"")]
    public void A_stale_or_weak_tag_is_a_version_mismatch(string header)
    {
        var problem = Assert.Throws<ApiProblem>(() => IfMatch.Required(Request(header)).Verify(5));
        Assert.Equal((412, ProblemCodes.VersionMismatch), (problem.Status, problem.Code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_if_match_is_precondition_required_where_one_is_required(string? header)
    {
        var problem = Assert.Throws<ApiProblem>(() => IfMatch.Required(Request(header)));
        Assert.Equal((428, ProblemCodes.PreconditionRequired), (problem.Status, problem.Code));
        IfMatch.Optional(Request(header)).Verify(5);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("\"5")]
    [InlineData("\"5\" junk")]
    public void A_malformed_if_match_is_a_validation_problem(string header)
    {
        var problem = Assert.Throws<ApiProblem>(() => IfMatch.Optional(Request(header)));
        Assert.Equal((400, ProblemCodes.ValidationFailed), (problem.Status, problem.Code));
    }

    [Fact]
    public void The_etag_of_a_version_is_a_strong_tag() => Assert.Equal("\"7\"", IfMatch.ETagOf(7));
}
