using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditOutcomesDeliveryKeys : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "RevealedClients",
                table: "AuditRecords",
                type: "TEXT",
                maxLength: 64000,
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.DropColumn(
                name: "RevealedClients",
                table: "AuditRecords");
        }
    }
}
