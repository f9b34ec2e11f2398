using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SendSaves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SaveToKnownClientsWhenSent",
                table: "WorkspaceMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "SendSaves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SendKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentReportedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SavedEmailId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendSaves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SendSaves_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SendSaves_ClientId",
                table: "SendSaves",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_SendSaves_WorkspaceId_UserId_SendKey_ClientId",
                table: "SendSaves",
                columns: new[] { "WorkspaceId", "UserId", "SendKey", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SendSaves_WorkspaceId_UserId_State_CreatedAt",
                table: "SendSaves",
                columns: new[] { "WorkspaceId", "UserId", "State", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SendSaves");

            migrationBuilder.DropColumn(
                name: "SaveToKnownClientsWhenSent",
                table: "WorkspaceMembers");
        }
    }
}
