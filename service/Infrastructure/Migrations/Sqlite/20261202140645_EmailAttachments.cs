using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookCrm.Service.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StoredAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 97, nullable: false),
                    StoredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredAttachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmailAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SavedEmailId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    DeclaredContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StoredAttachmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SkipReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailAttachments_SavedEmails_SavedEmailId",
                        column: x => x.SavedEmailId,
                        principalTable: "SavedEmails",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EmailAttachments_StoredAttachments_StoredAttachmentId",
                        column: x => x.StoredAttachmentId,
                        principalTable: "StoredAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailAttachments_SavedEmailId",
                table: "EmailAttachments",
                column: "SavedEmailId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailAttachments_StoredAttachmentId",
                table: "EmailAttachments",
                column: "StoredAttachmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailAttachments_WorkspaceId_ClientId",
                table: "EmailAttachments",
                columns: new[] { "WorkspaceId", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailAttachments_WorkspaceId_SavedEmailId_Position",
                table: "EmailAttachments",
                columns: new[] { "WorkspaceId", "SavedEmailId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_StoredAttachments_WorkspaceId_Sha256",
                table: "StoredAttachments",
                columns: new[] { "WorkspaceId", "Sha256" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmailAttachments");

            migrationBuilder.DropTable(
                name: "StoredAttachments");
        }
    }
}
