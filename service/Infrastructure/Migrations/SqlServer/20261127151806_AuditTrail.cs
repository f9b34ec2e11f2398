using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditRecords",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    WorkspaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ObjectType = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    ObjectId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CorrelationId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceMembers",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FirstSeenAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IsFirst = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceMembers", x => new { x.WorkspaceId, x.UserId });
                    table.ForeignKey(
                        name: "FK_WorkspaceMembers_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_WorkspaceId_ObjectId_Sequence",
                table: "AuditRecords",
                columns: new[] { "WorkspaceId", "ObjectId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_WorkspaceId_Sequence",
                table: "AuditRecords",
                columns: new[] { "WorkspaceId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_WorkspaceId_UserId_Sequence",
                table: "AuditRecords",
                columns: new[] { "WorkspaceId", "UserId", "Sequence" });

            // Append-only: no UPDATE or DELETE on the audit trail, whatever code or tool connects.
            // Through EXEC: CREATE TRIGGER must begin a batch, and the idempotent script puts it inside IF … BEGIN … END.
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [AuditRecords_append_only] ON [AuditRecords] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50000, ''The audit trail is append-only.'', 1; END;');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AuditRecords_append_only];");
            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.DropTable(
                name: "WorkspaceMembers");
        }
    }
}
