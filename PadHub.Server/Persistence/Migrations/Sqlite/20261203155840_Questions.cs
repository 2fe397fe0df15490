using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PadHub.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Questions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Questions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AskerKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    AskedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Pinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    Answered = table.Column<bool>(type: "INTEGER", nullable: false),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForwardedToGroupId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    Edited = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questions_SessionGroups_ForwardedToGroupId",
                        column: x => x.ForwardedToGroupId,
                        principalTable: "SessionGroups",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Questions_SessionGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "SessionGroups",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Questions_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionSettings",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionSettings", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_QuestionSettings_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionVotes",
                columns: table => new
                {
                    QuestionId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ParticipantKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    VotedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionVotes", x => new { x.QuestionId, x.ParticipantKey });
                    table.ForeignKey(
                        name: "FK_QuestionVotes_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_ForwardedToGroupId",
                table: "Questions",
                column: "ForwardedToGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_GroupId",
                table: "Questions",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_SessionId_Id",
                table: "Questions",
                columns: new[] { "SessionId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuestionSettings");

            migrationBuilder.DropTable(
                name: "QuestionVotes");

            migrationBuilder.DropTable(
                name: "Questions");
        }
    }
}
