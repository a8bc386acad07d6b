using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Upwork_Part2Rest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_shared",
                table: "upwork_saved_searches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "upwork_alert_preferences",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    play_sound = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_alert_preferences", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_saved_search_follows",
                columns: table => new
                {
                    saved_search_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    followed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_saved_search_follows", x => new { x.saved_search_id, x.user_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_posted_at_id",
                table: "upwork_jobs",
                columns: new[] { "posted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_saved_search_follows_user_id",
                table: "upwork_saved_search_follows",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upwork_alert_preferences");

            migrationBuilder.DropTable(
                name: "upwork_saved_search_follows");

            migrationBuilder.DropIndex(
                name: "ix_upwork_jobs_posted_at_id",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "is_shared",
                table: "upwork_saved_searches");
        }
    }
}
