using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Lookup;
using OutlookCrm.Service.Suggestions;
using OutlookCrm.Service.Tests.Support;
using Xunit.Abstractions;

namespace OutlookCrm.Service.Tests.Infrastructure;

/// <summary>
/// Where no SQL Server runs, the next best proof: what the service sends SQL Server parses as T-SQL.
/// Generating the SQL opens no connection. Where a server exists, the SQL Server pass runs it (docs/sqlserver.md).
/// </summary>
public class SqlServerScriptTests(ITestOutputHelper output)
{
    [Fact]
    public void The_idempotent_migration_script_parses_with_its_append_only_triggers_and_binary_collations()
    {
        // The context and the call `dotnet ef migrations script --idempotent --context SqlServerAppDbContext` use.
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parsed = ParseAndReport("migration script", script);

        Assert.Equal([AuditRecordConfiguration.AppendOnlyTrigger, AuditArchiveConfiguration.AppendOnlyTrigger],
            parsed.Statements.OfType<CreateTriggerStatement>().Select(t => t.Name.BaseIdentifier.Value));
        // Archiving: the audit trail's trigger then lets through deletions an archive row covers.
        Assert.Equal([AuditRecordConfiguration.AppendOnlyTrigger],
            parsed.Statements.OfType<AlterTriggerStatement>().Select(t => t.Name.BaseIdentifier.Value));
        const string binary = "Latin1_General_100_BIN2_UTF8";
        var created = parsed.Statements.OfType<CreateTableStatement>()
            .SelectMany(t => t.Definition.ColumnDefinitions
                .Where(c => c.Collation?.Value == binary)
                .Select(c => $"{t.SchemaObjectName.BaseIdentifier.Value}.{c.ColumnIdentifier.Value}"));
        var altered = parsed.Statements.OfType<AlterTableAlterColumnStatement>()
            .Where(a => a.Collation?.Value == binary)
            .Select(a => $"{a.SchemaObjectName.BaseIdentifier.Value}.{a.ColumnIdentifier.Value}");
        Assert.Equal(["ClientMatchKeys.Key", "ClientSearchTerms.Term", "Clients.EmailNormalized", "Clients.SortKey", "FieldDefinitions.LabelKey", "FieldValues.EmailNormalized",
                "IdempotencyRecords.Key", "NeverTrackEntries.Value", "SavedEmails.InternetMessageId", "SendSaves.SendKey"],
            created.Concat(altered).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_write_lock_parses_with_its_resource_as_a_parameter()
    {
        var parsed = ParseAndReport("write lock", WriteUnit.SqlServerAppLock);
        var call = (ExecutableProcedureReference)Assert.Single(parsed.Statements.OfType<ExecuteStatement>()).ExecuteSpecification.ExecutableEntity;
        Assert.Equal("sp_getapplock", call.ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value);
        var resource = Assert.Single(call.Parameters, p => p.Variable?.Name == "@Resource");
        Assert.Equal("@resource", Assert.IsType<VariableReference>(resource.ParameterValue).Name);
        Assert.Single(parsed.Statements.OfType<ThrowStatement>());
    }

    [Fact]
    public void The_lookup_is_one_union_all_statement()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var sql = EfLookupQuery.OwnersQuery.Compile()(db, ["ana@example.com", "family@example.org"]).ToQueryString();

        var select = Assert.Single(ParseAndReport("lookup", sql).Statements.OfType<SelectStatement>());
        var union = Assert.IsType<BinaryQueryExpression>(select.QueryExpression);
        Assert.Equal((BinaryQueryExpressionType.Union, true), (union.BinaryQueryExpressionType, union.All));
    }

    [Fact]
    public void The_suggestion_keys_are_one_union_all_of_limited_seeks()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var sql = SuggestionEndpoints.KeysQuery(db,
            [new(MatchKeyKind.Name, "beatriz costa"), new(MatchKeyKind.Name, "costa beatriz"), new(MatchKeyKind.Domain, "okafor.family")]).ToQueryString();

        var select = Assert.Single(ParseAndReport("suggestion keys", sql).Statements.OfType<SelectStatement>());
        var union = Assert.IsType<BinaryQueryExpression>(select.QueryExpression);
        Assert.Equal((BinaryQueryExpressionType.Union, true), (union.BinaryQueryExpressionType, union.All));
        Assert.Equal(3, sql.Split("TOP(", StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public void The_audit_listing_with_every_filter_parses()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var page = AuditEndpoints.PageQuery(db, clientId: Guid.NewGuid(), userId: Guid.NewGuid(), action: "lookup",
            from: DateTime.UtcNow.AddDays(-7), to: DateTime.UtcNow, before: 1_000, take: 51);

        // A split query shows the records' statement (the revealed clients' follows) and a note in words.
        var sql = page.ToQueryString().Replace(RelationalStrings.SplitQueryString, "", StringComparison.Ordinal);
        var parsed = ParseAndReport("audit listing", sql);
        Assert.Single(parsed.Statements.OfType<SelectStatement>());
    }

    [Fact]
    public void The_test_databases_drop_parses()
    {
        var parsed = ParseAndReport("test database drop", SqlServerTestDatabase.DropSql("outlookcrm_test_0123456789abcdef0123456789abcdef"));
        Assert.Single(parsed.Statements.OfType<DropDatabaseStatement>());
    }

    ParsedTSql ParseAndReport(string what, string sql)
    {
        var parsed = ParsedTSql.Parse(sql);
        output.WriteLine($"SQL Server {what}: {parsed.Report}");
        Assert.True(parsed.Errors.Count == 0, $"{what}: {parsed.Report}");
        return parsed;
    }
}
