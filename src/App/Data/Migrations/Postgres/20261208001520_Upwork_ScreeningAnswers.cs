using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Upwork_ScreeningAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "screening_answers",
                schema: "upwork",
                table: "proposals",
                type: "character varying(60000)",
                maxLength: 60000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answers",
                schema: "ai",
                table: "letter_drafts",
                type: "character varying(60000)",
                maxLength: 60000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "screening_answers",
                schema: "upwork",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "answers",
                schema: "ai",
                table: "letter_drafts");
        }
    }
}
