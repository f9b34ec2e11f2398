using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CompactAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_WorkspaceId_ObjectId_Sequence",
                table: "AuditRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditRecords_WorkspaceId_UserId_Sequence",
                table: "AuditRecords");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_WorkspaceId_ObjectId_Sequence",
                table: "AuditRecords",
                columns: new[] { "WorkspaceId", "ObjectId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_WorkspaceId_UserId_Sequence",
                table: "AuditRecords",
                columns: new[] { "WorkspaceId", "UserId", "Sequence" });
        }
    }
}
