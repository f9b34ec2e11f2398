using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Tests.Problems;

/// <summary>The one page-size clamp, with each list's own default and maximum.</summary>
public class PageSizeTests
{
    [Fact]
    public void No_limit_is_the_default_and_a_big_one_is_clamped()
    {
        Assert.Equal(25, PageSize.Clients.Parse(null));
        Assert.Equal(7, PageSize.Clients.Parse("7"));
        Assert.Equal(100, PageSize.Clients.Parse("5000"));
        Assert.Equal(50, PageSize.Audit.Parse(null));
        Assert.Equal(200, PageSize.Audit.Parse("201"));
        Assert.Equal(100, PageSize.History.Parse("101"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("ten")]
    [InlineData("2.5")]
    [InlineData("")]
    public void Nonsense_is_a_validation_problem(string limit)
    {
        var problem = Assert.Throws<ApiProblem>(() => PageSize.Clients.Parse(limit));
        Assert.Equal((400, ProblemCodes.ValidationFailed), (problem.Status, problem.Code));
    }
}
