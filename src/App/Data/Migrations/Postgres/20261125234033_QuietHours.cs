using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QuietHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "quiet_from_hour",
                schema: "upwork",
                table: "saved_searches",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "quiet_to_hour",
                schema: "upwork",
                table: "saved_searches",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "quiet_from_hour",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "quiet_to_hour",
                schema: "upwork",
                table: "saved_searches");
        }
    }
}
