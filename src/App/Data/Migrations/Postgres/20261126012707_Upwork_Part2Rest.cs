using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Upwork_Part2Rest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_shared",
                schema: "upwork",
                table: "saved_searches",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "alert_preferences",
                schema: "upwork",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    play_sound = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_preferences", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "saved_search_follows",
                schema: "upwork",
                columns: table => new
                {
                    saved_search_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    followed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_search_follows", x => new { x.saved_search_id, x.user_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_posted_at_id",
                schema: "upwork",
                table: "jobs",
                columns: new[] { "posted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_saved_search_follows_user_id",
                schema: "upwork",
                table: "saved_search_follows",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_preferences",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "saved_search_follows",
                schema: "upwork");

            migrationBuilder.DropIndex(
                name: "ix_jobs_posted_at_id",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "is_shared",
                schema: "upwork",
                table: "saved_searches");
        }
    }
}
