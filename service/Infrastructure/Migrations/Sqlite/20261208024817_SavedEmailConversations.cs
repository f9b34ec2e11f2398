using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SavedEmailConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SaveConversationsAutomatically",
                table: "WorkspaceMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ConversationId",
                table: "SavedEmails",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavedEmails_WorkspaceId_ConversationId",
                table: "SavedEmails",
                columns: new[] { "WorkspaceId", "ConversationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SavedEmails_WorkspaceId_ConversationId",
                table: "SavedEmails");

            migrationBuilder.DropColumn(
                name: "SaveConversationsAutomatically",
                table: "WorkspaceMembers");

            migrationBuilder.DropColumn(
                name: "ConversationId",
                table: "SavedEmails");
        }
    }
}
