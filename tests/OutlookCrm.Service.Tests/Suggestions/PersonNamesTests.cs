using OutlookCrm.Service.Suggestions;

namespace OutlookCrm.Service.Tests.Suggestions;

public class PersonNamesTests
{
    [Theory]
    [InlineData("Beatriz Costa", "beatriz costa", "costa beatriz")]
    [InlineData("BEATRIZ CÔSTA", "beatriz costa", "costa beatriz")]
    [InlineData("Beatriz Helena M. Costa", "beatriz costa", "costa beatriz")]
    [InlineData("Maria da Silva", "maria silva", "silva maria")]
    [InlineData("\"Costa, Beatriz Helena\" <bia@example.com>", "beatriz costa", null)]
    [InlineData("Beatriz Costa (Clínica Sol)", "beatriz costa", "costa beatriz")]
    [InlineData("Beatriz", "beatriz", null)]
    public void A_display_name_reads_as_given_and_family_name(string displayName, string? name, string? reversed)
    {
        var keys = PersonNames.Read(displayName);
        Assert.Equal(name, keys.Name);
        Assert.Equal(reversed, keys.Reversed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bia@example.com")]
    [InlineData("<bia@example.com>")]
    [InlineData("2024 - 1234")]
    public void A_display_name_without_a_name_gives_no_key(string displayName) =>
        Assert.Equal(DisplayNameKeys.None, PersonNames.Read(displayName));

    [Fact]
    public void A_client_is_keyed_under_each_given_name_with_each_family_name()
    {
        var keys = PersonNames.KeysOf("Ana Beatriz", "Costa Lima", "Bia").ToList();
        Assert.Equal(["ana costa", "ana lima", "bia costa", "bia lima"], keys);
    }

    [Fact]
    public void A_client_with_one_name_is_keyed_under_it() =>
        Assert.Equal(["xuxa"], PersonNames.KeysOf("Xuxa", "", null));

    [Fact]
    public void A_seen_name_is_the_whole_name_and_needs_two_words()
    {
        Assert.Equal("mae do theo", PersonNames.SeenKey("Mãe do Théo"));
        Assert.Null(PersonNames.SeenKey("Bia"));
    }
}
