using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditOutcomesDeliveryKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "InternetMessageId",
                table: "SavedEmails",
                type: "nvarchar(512)",
                maxLength: 512,
                nullable: false,
                collation: "Latin1_General_100_BIN2_UTF8",
                oldClrType: typeof(string),
                oldType: "nvarchar(512)",
                oldMaxLength: 512);

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

            // Idempotency keys compare exactly, as on SQLite ("abc" and "ABC" are two keys). SQL Server
            // cannot change the collation of a key column, and EF Core rebuilds indexes, not primary keys.
            migrationBuilder.DropPrimaryKey(name: "PK_IdempotencyRecords", table: "IdempotencyRecords");

            migrationBuilder.AlterColumn<string>(
                name: "Key",
                table: "IdempotencyRecords",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                collation: "Latin1_General_100_BIN2_UTF8",
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100);

            migrationBuilder.AddPrimaryKey(name: "PK_IdempotencyRecords", table: "IdempotencyRecords", columns: ["WorkspaceId", "UserId", "Key"]);

            migrationBuilder.AddColumn<bool>(
                name: "Replay",
                table: "AuditRecords",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RevealedClients",
                table: "AuditRecords",
                type: "nvarchar(max)",
                maxLength: 64000,
                nullable: true);

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

            migrationBuilder.AlterColumn<string>(
                name: "InternetMessageId",
                table: "SavedEmails",
                type: "nvarchar(512)",
                maxLength: 512,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(512)",
                oldMaxLength: 512,
                oldCollation: "Latin1_General_100_BIN2_UTF8");

            migrationBuilder.DropPrimaryKey(name: "PK_IdempotencyRecords", table: "IdempotencyRecords");

            migrationBuilder.AlterColumn<string>(
                name: "Key",
                table: "IdempotencyRecords",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100,
                oldCollation: "Latin1_General_100_BIN2_UTF8");

            migrationBuilder.AddPrimaryKey(name: "PK_IdempotencyRecords", table: "IdempotencyRecords", columns: ["WorkspaceId", "UserId", "Key"]);
        }
    }
}
