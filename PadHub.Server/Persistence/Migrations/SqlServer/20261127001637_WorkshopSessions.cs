using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PadHub.Server.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WorkshopSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    AudienceCanEdit = table.Column<bool>(type: "bit", nullable: false),
                    Locked = table.Column<bool>(type: "bit", nullable: false),
                    Phases = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PhaseIndex = table.Column<int>(type: "int", nullable: false),
                    TimerRunning = table.Column<bool>(type: "bit", nullable: false),
                    TimerEndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    TimerRemainingMs = table.Column<long>(type: "bigint", nullable: false),
                    LinkSecret = table.Column<byte[]>(type: "varbinary(64)", maxLength: 64, nullable: false),
                    AudienceLinkGeneration = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SessionGroups",
                columns: table => new
                {
                    Id = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    SessionId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Animators = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    PadId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    NoteTakerLinkGeneration = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionGroups_Pads_PadId",
                        column: x => x.PadId,
                        principalTable: "Pads",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SessionGroups_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Announcements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    SessionId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    GroupId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Announcements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Announcements_SessionGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SessionGroups",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Announcements_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionTokens",
                columns: table => new
                {
                    TokenHash = table.Column<byte[]>(type: "binary(32)", fixedLength: true, maxLength: 32, nullable: false),
                    SessionId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    GroupId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionTokens", x => x.TokenHash);
                    table.ForeignKey(
                        name: "FK_SessionTokens_SessionGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SessionGroups",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SessionTokens_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_GroupId",
                table: "Announcements",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_SessionId_Id",
                table: "Announcements",
                columns: new[] { "SessionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionGroups_PadId",
                table: "SessionGroups",
                column: "PadId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionGroups_SessionId_Number",
                table: "SessionGroups",
                columns: new[] { "SessionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionTokens_GroupId",
                table: "SessionTokens",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionTokens_SessionId",
                table: "SessionTokens",
                column: "SessionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Announcements");

            migrationBuilder.DropTable(
                name: "SessionTokens");

            migrationBuilder.DropTable(
                name: "SessionGroups");

            migrationBuilder.DropTable(
                name: "Sessions");
        }
    }
}
