using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditRevealsDeliveryKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Delivery",
                table: "IntakeRequests",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Sent"); // intakes before this migration were only kept once their email had gone

            migrationBuilder.AddColumn<string>(
                name: "DeliveryProblem",
                table: "IntakeRequests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Replay",
                table: "AuditRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AuditRevealedClients",
                columns: table => new
                {
                    AuditSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRevealedClients", x => new { x.AuditSequence, x.ClientId });
                    table.ForeignKey(
                        name: "FK_AuditRevealedClients_AuditRecords_AuditSequence",
                        column: x => x.AuditSequence,
                        principalTable: "AuditRecords",
                        principalColumn: "Sequence",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRevealedClients_ClientId_AuditSequence",
                table: "AuditRevealedClients",
                columns: new[] { "ClientId", "AuditSequence" });
            migrationBuilder.Sql("CREATE TRIGGER AuditRevealedClients_append_only BEFORE UPDATE ON AuditRevealedClients BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditRevealedClients_no_delete BEFORE DELETE ON AuditRevealedClients BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditRevealedClients_append_only;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditRevealedClients_no_delete;");
            migrationBuilder.DropTable(
                name: "AuditRevealedClients");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropColumn(
                name: "Delivery",
                table: "IntakeRequests");

            migrationBuilder.DropColumn(
                name: "DeliveryProblem",
                table: "IntakeRequests");

            migrationBuilder.DropColumn(
                name: "Replay",
                table: "AuditRecords");
        }
    }
}
