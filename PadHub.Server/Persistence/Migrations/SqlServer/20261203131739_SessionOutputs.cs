using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PadHub.Server.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SessionOutputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CreditContributors",
                table: "Sessions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EndedAt",
                table: "Sessions",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Licence",
                table: "Sessions",
                type: "varchar(32)",
                unicode: false,
                maxLength: 32,
                nullable: false,
                defaultValue: "CC-BY-4.0"); // Sessions created before licences existed get the default one (SessionLicences.Default).

            migrationBuilder.AddColumn<int>(
                name: "ResultsLinkGeneration",
                table: "Sessions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SpotlightConclusion",
                table: "Sessions",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpotlightGroupId",
                table: "Sessions",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FinalRevision",
                table: "SessionGroups",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rapporteur",
                table: "SessionGroups",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreditContributors",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Licence",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ResultsLinkGeneration",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "SpotlightConclusion",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "SpotlightGroupId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "FinalRevision",
                table: "SessionGroups");

            migrationBuilder.DropColumn(
                name: "Rapporteur",
                table: "SessionGroups");
        }
    }
}
