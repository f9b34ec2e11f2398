using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThroughSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArchivedBy = table.Column<Guid>(type: "TEXT", nullable: false)
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
            migrationBuilder.Sql("CREATE TRIGGER AuditArchives_append_only BEFORE UPDATE ON AuditArchives BEGIN SELECT RAISE(ABORT, 'Audit archives are append-only.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditArchives_no_delete BEFORE DELETE ON AuditArchives BEGIN SELECT RAISE(ABORT, 'Audit archives are append-only.'); END;");
            migrationBuilder.Sql("DROP TRIGGER AuditRecords_no_delete;");
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditRecords_no_delete BEFORE DELETE ON AuditRecords
                WHEN NOT EXISTS (SELECT 1 FROM AuditArchives AS x WHERE x.WorkspaceId = OLD.WorkspaceId AND OLD.Sequence <= x.ThroughSequence)
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only; only archived records leave it.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER AuditRecords_no_delete;");
            migrationBuilder.Sql("CREATE TRIGGER AuditRecords_no_delete BEFORE DELETE ON AuditRecords BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;");
            migrationBuilder.DropTable(
                name: "AuditArchives");
        }
    }
}
