using System.Text.RegularExpressions;
using OutlookCrm.Service.Problems;
using OutlookCrm.Service.Tests.Infra;

namespace OutlookCrm.Service.Tests.Problems;

/// <summary>ProblemCodes is the one list of codes: each once, each sent by some code path, none spelled out elsewhere.</summary>
public partial class ProblemCodesTests
{
    static readonly string[] ServiceSources = Directory
        .GetFiles(Path.Combine(BicepCli.RepositoryRoot, "service"), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
        .ToArray();

    [Fact]
    public void Every_code_is_listed_once_with_when_it_is_sent()
    {
        Assert.Equal(ProblemCodes.All.Count, ProblemCodes.All.Distinct().Count());
        Assert.All(ProblemCodes.Described, d => Assert.False(string.IsNullOrWhiteSpace(d.When), $"{d.Code} says nothing of when it is sent"));
        Assert.All(ProblemCodes.All, code => Assert.Matches("^[a-z]+(-[a-z]+)*$", code));
    }

    [Fact]
    public void Every_code_is_sent_by_the_service()
    {
        var registry = Path.Combine("Problems", "ProblemCodes.cs");
        var uses = string.Join("\n", ServiceSources.Select(f => f.EndsWith(registry)
            ? string.Join("\n", File.ReadLines(f).Where(l => !l.Contains("public const string")))
            : File.ReadAllText(f)));
        var names = typeof(ProblemCodes).GetFields().Where(f => f.IsLiteral).Select(f => f.Name);
        // ProblemCodes.X anywhere, or ForStatus's own `=> X` inside the registry.
        var unused = names.Where(name => !Regex.IsMatch(uses, $@"(ProblemCodes\.{name}\b)|(=> {name},)")).ToList();
        Assert.True(unused.Count == 0, $"Never sent (remove them, or send them): {string.Join(", ", unused)}");
    }

    [Fact]
    public void No_code_is_spelled_out_outside_the_registry()
    {
        var inline = ServiceSources
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => InlineCode().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(inline.Count == 0, "Use ProblemCodes.X:\n" + string.Join("\n", inline));
    }

    // new ApiProblem(404, "some-code", …) or new(404, "some-code", …)
    [GeneratedRegex(@"new(\s+(Problems\.)?ApiProblem)?\(\s*\d{3}\s*,\s*""")]
    private static partial Regex InlineCode();
}
