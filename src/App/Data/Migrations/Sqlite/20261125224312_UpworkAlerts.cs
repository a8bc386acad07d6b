using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UpworkAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "budget_max",
                table: "upwork_saved_searches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "budget_min",
                table: "upwork_saved_searches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "categories",
                table: "upwork_saved_searches",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "client_min_hires",
                table: "upwork_saved_searches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "client_min_rating",
                table: "upwork_saved_searches",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "client_min_spent",
                table: "upwork_saved_searches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "countries_exclude",
                table: "upwork_saved_searches",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "countries_include",
                table: "upwork_saved_searches",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "exclude_words",
                table: "upwork_saved_searches",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<decimal>(
                name: "hourly_max",
                table: "upwork_saved_searches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "hourly_min",
                table: "upwork_saved_searches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_proposals",
                table: "upwork_saved_searches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "require_all_skills",
                table: "upwork_saved_searches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "owner_user_id",
                table: "upwork_jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "upwork_matches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    saved_search_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_stored_at = table.Column<long>(type: "INTEGER", nullable: false),
                    matched_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_matches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    saved_search_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_notifications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_owner_user_id",
                table: "upwork_jobs",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_matches_job_posting_id",
                table: "upwork_matches",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_matches_saved_search_id_job_posting_id",
                table: "upwork_matches",
                columns: new[] { "saved_search_id", "job_posting_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_matches_user_id_matched_at",
                table: "upwork_matches",
                columns: new[] { "user_id", "matched_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_notifications_user_id_created_at",
                table: "upwork_notifications",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_notifications_user_id_read_at",
                table: "upwork_notifications",
                columns: new[] { "user_id", "read_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upwork_matches");

            migrationBuilder.DropTable(
                name: "upwork_notifications");

            migrationBuilder.DropIndex(
                name: "ix_upwork_jobs_owner_user_id",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "budget_max",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "budget_min",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "categories",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "client_min_hires",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "client_min_rating",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "client_min_spent",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "countries_exclude",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "countries_include",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "exclude_words",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "hourly_max",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "hourly_min",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "max_proposals",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "require_all_skills",
                table: "upwork_saved_searches");

            migrationBuilder.DropColumn(
                name: "owner_user_id",
                table: "upwork_jobs");
        }
    }
}
