using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PadHub.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SessionFeeds",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Hashtag = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Instance = table.Column<string>(type: "TEXT", unicode: false, maxLength: 253, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionFeeds", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_SessionFeeds_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SessionFeeds");
        }
    }
}
