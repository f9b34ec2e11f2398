using Microsoft.AspNetCore.DataProtection;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Tests.Infrastructure;

/// <summary>The one page cursor: what is sealed opens only for the same list and scope; anything else is invalid-cursor.</summary>
public class SealedCursorTests
{
    readonly SealedCursor cursors = new(new EphemeralDataProtectionProvider());

    static void Invalid(Action open)
    {
        var problem = Assert.Throws<ApiProblem>(open);
        Assert.Equal((400, ProblemCodes.InvalidCursor), (problem.Status, problem.Code));
    }

    [Fact]
    public void A_sealed_position_opens_for_its_list_and_scope()
    {
        var cursor = cursors.Seal("list.v1", "workspace-a|search", "costa\u001fbia|42");
        Assert.Equal("costa\u001fbia|42", cursors.Open("list.v1", "workspace-a|search", cursor));
        Assert.DoesNotContain("costa", cursor);
    }

    [Fact]
    public void Another_scope_or_list_refuses_the_cursor()
    {
        var cursor = cursors.Seal("list.v1", "workspace-a", "42");
        Invalid(() => cursors.Open("list.v1", "workspace-b", cursor));
        Invalid(() => cursors.Open("other-list.v1", "workspace-a", cursor));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("!!!")]
    [InlineData("")]
    public void A_forged_cursor_is_invalid(string cursor) => Invalid(() => cursors.Open("list.v1", "workspace-a", cursor));

    [Fact]
    public void A_tampered_or_oversized_cursor_is_invalid()
    {
        var cursor = cursors.Seal("list.v1", "workspace-a", "42");
        var tampered = cursor[..^2] + (cursor[^2] == 'A' ? 'B' : 'A') + cursor[^1];
        Invalid(() => cursors.Open("list.v1", "workspace-a", tampered));
        Invalid(() => cursors.Open("list.v1", "workspace-a", new string('A', SealedCursor.MaxLength + 1)));
    }
}
