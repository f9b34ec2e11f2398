using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.SqlServer
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
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Sent"); // intakes before this migration were only kept once their email had gone

            migrationBuilder.AddColumn<string>(
                name: "DeliveryProblem",
                table: "IntakeRequests",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Replay",
                table: "AuditRecords",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AuditRevealedClients",
                columns: table => new
                {
                    AuditSequence = table.Column<long>(type: "bigint", nullable: false),
                    ClientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", maxLength: 64000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRevealedClients_ClientId_AuditSequence",
                table: "AuditRevealedClients",
                columns: new[] { "ClientId", "AuditSequence" });
            // Through EXEC: CREATE TRIGGER must begin a batch, and the idempotent script puts it inside IF … BEGIN … END.
            migrationBuilder.Sql("EXEC(N'CREATE TRIGGER [AuditRevealedClients_append_only] ON [AuditRevealedClients] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50000, ''The audit trail is append-only.'', 1; END;');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AuditRevealedClients_append_only];");
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
