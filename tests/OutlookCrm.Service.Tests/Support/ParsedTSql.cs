using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace OutlookCrm.Service.Tests.Support;

/// <summary>
/// T-SQL as SQL Server 2022 parses it (compatibility level 160, EF Core 10's default for SQL Server),
/// with GO between batches as in `dotnet ef` scripts. The dynamic SQL of EXEC(N'…'), which EF Core's
/// idempotent scripts use for statements that must begin a batch (CREATE TRIGGER), is parsed as the
/// batch it becomes, so its statements and errors count too.
/// </summary>
public sealed class ParsedTSql : TSqlFragmentVisitor
{
    /// <summary>Where the text being parsed sits, for error messages: "" or "EXEC at line 12, ".</summary>
    string enclosing = "";

    ParsedTSql() { }

    public int Batches { get; private set; }

    /// <summary>Of <see cref="Batches"/>, those that are EXEC'd strings.</summary>
    public int ExecutedStrings { get; private set; }

    /// <summary>Every statement, nested ones included (IF … BEGIN … END holds its body's statements).</summary>
    public List<TSqlStatement> Statements { get; } = [];

    public List<string> Errors { get; } = [];

    public static ParsedTSql Parse(string sql)
    {
        var parsed = new ParsedTSql();
        parsed.ParseBatches(sql);
        return parsed;
    }

    /// <summary>"12 statements in 3 batches (1 through EXEC) parsed, 0 errors", the errors listed with where they are.</summary>
    public string Report =>
        $"{Statements.Count} statements in {Batches} batches ({ExecutedStrings} through EXEC) parsed, {Errors.Count} errors" +
        string.Concat(Errors.Select(e => "\n" + e));

    void ParseBatches(string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Errors.AddRange(errors.Select(e => $"{enclosing}line {e.Line}, column {e.Column}: {e.Message}"));
        if (fragment is not TSqlScript script) return;
        Batches += script.Batches.Count;
        script.Accept(this);
    }

    public override void Visit(TSqlStatement node) => Statements.Add(node);

    public override void Visit(ExecuteStatement node)
    {
        base.Visit(node);
        // Only text fixed in the script: a string built from variables is known only when it runs.
        if (node.ExecuteSpecification.ExecutableEntity is not ExecutableStringList { Strings: var parts } || !parts.All(p => p is StringLiteral)) return;
        var outer = enclosing;
        enclosing += $"EXEC at line {node.StartLine}, ";
        ExecutedStrings++;
        ParseBatches(string.Concat(parts.Cast<StringLiteral>().Select(p => p.Value)));
        enclosing = outer;
    }
}
