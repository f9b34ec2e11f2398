using OutlookCrm.Service.Fields;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Tests.Infrastructure;

/// <summary>The one reading of an enum from a caller's text.</summary>
public class EnumValueTests
{
    [Theory]
    [InlineData("text", FieldType.Text)]
    [InlineData("EMAIL", FieldType.Email)]
    [InlineData("Number", FieldType.Number)]
    public void A_name_in_any_case_is_read(string text, FieldType expected)
    {
        Assert.True(EnumValue.TryParse<FieldType>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("99")]
    [InlineData("text, email")]
    [InlineData("colour")]
    public void Numbers_combinations_and_unknown_names_are_refused(string? text) =>
        Assert.False(EnumValue.TryParse<FieldType>(text, out _));
}
