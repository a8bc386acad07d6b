using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Upwork_ScreeningAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "screening_answers",
                table: "upwork_proposals",
                type: "TEXT",
                maxLength: 60000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answers",
                table: "ai_letter_drafts",
                type: "TEXT",
                maxLength: 60000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "screening_answers",
                table: "upwork_proposals");

            migrationBuilder.DropColumn(
                name: "answers",
                table: "ai_letter_drafts");
        }
    }
}
