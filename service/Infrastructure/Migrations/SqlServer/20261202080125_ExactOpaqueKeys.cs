using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ExactOpaqueKeys : Migration
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

            // SQL Server cannot change the collation of a key column: the key is dropped and made again
            // (EF Core rebuilds indexes on an altered column, not primary keys).
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
