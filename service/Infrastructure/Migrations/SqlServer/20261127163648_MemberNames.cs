using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MemberNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "WorkspaceMembers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "WorkspaceMembers");
        }
    }
}
