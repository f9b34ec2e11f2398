using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditArchives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditArchives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    WorkspaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThroughSequence = table.Column<long>(type: "bigint", nullable: false),
                    RecordCount = table.Column<int>(type: "int", nullable: false),
                    Sha256 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ArchivedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditArchives", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditArchives_WorkspaceId_ThroughSequence",
                table: "AuditArchives",
                columns: new[] { "WorkspaceId", "ThroughSequence" });

            // Archive rows are append-only, and audit records may be deleted only when an archive row of
            // their workspace covers them (archiving is the one way out); updates stay refused.
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [AuditArchives_append_only] ON [AuditArchives] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50000, ''Audit archives are append-only.'', 1; END;');");
            migrationBuilder.Sql("""
                EXEC(N'ALTER TRIGGER [AuditRecords_append_only] ON [AuditRecords] INSTEAD OF UPDATE, DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF EXISTS (SELECT 1 FROM inserted)
                        OR EXISTS (SELECT 1 FROM deleted AS d WHERE NOT EXISTS (
                            SELECT 1 FROM [AuditArchives] AS x WHERE x.[WorkspaceId] = d.[WorkspaceId] AND d.[Sequence] <= x.[ThroughSequence]))
                        THROW 50000, ''The audit trail is append-only; only archived records leave it.'', 1;
                    DELETE a FROM [AuditRecords] AS a JOIN deleted AS d ON a.[Sequence] = d.[Sequence];
                END;');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("EXEC(N'ALTER TRIGGER [AuditRecords_append_only] ON [AuditRecords] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50000, ''The audit trail is append-only.'', 1; END;');");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AuditArchives_append_only];");
            migrationBuilder.DropTable(
                name: "AuditArchives");
        }
    }
}
