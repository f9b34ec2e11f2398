using OutlookCrm.Service.Addresses;

namespace OutlookCrm.Service.Tests.Addresses;

public class EmailAddressTests
{
    [Theory]
    [InlineData("Ana@Example.com", "ana@example.com")]
    [InlineData("  ana@example.com \t", "ana@example.com")]
    [InlineData("ANA@EXAMPLE.COM", "ana@example.com")]
    [InlineData("josé@exámple.com", "josé@xn--exmple-qta.com")]
    [InlineData("ana@xn--exmple-qta.com", "ana@xn--exmple-qta.com")]
    [InlineData("ana@EXÁMPLE.com", "ana@xn--exmple-qta.com")]
    [InlineData("first.last+tag@example.com", "first.last+tag@example.com")]
    public void Normalizes_case_space_and_international_domains(string input, string expected)
    {
        Assert.True(EmailAddress.TryParse(input, out var address));
        Assert.Equal(expected, address.Normalized);
        Assert.Equal(input.Trim(), address.Original);
    }

    [Fact]
    public void Composed_and_decomposed_forms_match()
    {
        var composed = "jos\u00e9@example.com";
        var decomposed = "jose\u0301@example.com";
        Assert.True(EmailAddress.TryParse(composed, out var a));
        Assert.True(EmailAddress.TryParse(decomposed, out var b));
        Assert.Equal(a.Normalized, b.Normalized);
    }

    [Theory]
    [InlineData("first.last@example.com", "firstlast@example.com")]
    [InlineData("ana+clinic@example.com", "ana@example.com")]
    public void Dots_and_tags_stay_distinct(string one, string other)
    {
        Assert.True(EmailAddress.TryParse(one, out var a));
        Assert.True(EmailAddress.TryParse(other, out var b));
        Assert.NotEqual(a.Normalized, b.Normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("plainaddress")]
    [InlineData("@example.com")]
    [InlineData("ana@")]
    [InlineData("ana@localhost")]
    [InlineData("ana@@example.com")]
    [InlineData("\"quoted\"@example.com")]
    [InlineData("ana maria@example.com")]
    [InlineData(".ana@example.com")]
    [InlineData("ana.@example.com")]
    [InlineData("an..a@example.com")]
    [InlineData("ana@exa mple.com")]
    [InlineData("ana@-example.com")]
    [InlineData("ana@example..com")]
    [InlineData("ana@[127.0.0.1]")]
    [InlineData("/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=ANA")]
    [InlineData("Ana Souza <ana@example.com>")]
    [InlineData("ana@example.com.")]
    [InlineData("a\u0000b@example.com")]
    public void Rejects_what_is_not_an_address(string input) => Assert.False(EmailAddress.TryParse(input, out _));

    [Fact]
    public void Enforces_rfc5321_sizes()
    {
        var local64 = new string('a', 64);
        Assert.True(EmailAddress.TryParse($"{local64}@example.com", out _));
        Assert.False(EmailAddress.TryParse($"{local64}a@example.com", out _));

        // 64 + 1 + 189 = 254 fits; one more character does not.
        var domain189 = string.Join('.', Enumerable.Repeat(new string('d', 62), 3)) + ".com"; // 62*3+2+4 = 192
        var domain = domain189[3..]; // 189 characters
        Assert.Equal(189, domain.Length);
        Assert.True(EmailAddress.TryParse($"{local64}@{domain}", out _));
        Assert.False(EmailAddress.TryParse($"{local64}@x{domain}", out _));
    }

    [Fact]
    public void Counts_the_ascii_form_of_an_international_domain()
    {
        // Short in Unicode, over 254 once each label is written as xn--…: the limit is on the ASCII form.
        var label = "áéíóú" + new string('a', 30);
        var domain = string.Join('.', Enumerable.Repeat(label, 6)) + ".com";
        var asciiLength = 6 * (new System.Globalization.IdnMapping().GetAscii(label).Length + 1) + 3;
        Assert.True(domain.Length + 4 <= EmailAddress.MaxLength && asciiLength + 4 > EmailAddress.MaxLength, $"{domain.Length} {asciiLength}");
        Assert.False(EmailAddress.TryParse($"ana@{domain}", out _));
    }
}
