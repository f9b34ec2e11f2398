using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class History : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ActorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientEvents_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavedEmails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InternetMessageId = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    ItemId = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    FromAddress = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    FromName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    To = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Cc = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Preview = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SavedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedEmails_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientEvents_ClientId",
                table: "ClientEvents",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientEvents_WorkspaceId_ClientId_OccurredAt",
                table: "ClientEvents",
                columns: new[] { "WorkspaceId", "ClientId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedEmails_ClientId",
                table: "SavedEmails",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedEmails_WorkspaceId_ClientId_InternetMessageId",
                table: "SavedEmails",
                columns: new[] { "WorkspaceId", "ClientId", "InternetMessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavedEmails_WorkspaceId_ClientId_SentAt",
                table: "SavedEmails",
                columns: new[] { "WorkspaceId", "ClientId", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientEvents");

            migrationBuilder.DropTable(
                name: "SavedEmails");
        }
    }
}
