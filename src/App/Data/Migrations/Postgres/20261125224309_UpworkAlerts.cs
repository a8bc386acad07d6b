using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UpworkAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "budget_max",
                schema: "upwork",
                table: "saved_searches",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "budget_min",
                schema: "upwork",
                table: "saved_searches",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "categories",
                schema: "upwork",
                table: "saved_searches",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<int>(
                name: "client_min_hires",
                schema: "upwork",
                table: "saved_searches",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "client_min_rating",
                schema: "upwork",
                table: "saved_searches",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "client_min_spent",
                schema: "upwork",
                table: "saved_searches",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "countries_exclude",
                schema: "upwork",
                table: "saved_searches",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<List<string>>(
                name: "countries_include",
                schema: "upwork",
                table: "saved_searches",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<List<string>>(
                name: "exclude_words",
                schema: "upwork",
                table: "saved_searches",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<decimal>(
                name: "hourly_max",
                schema: "upwork",
                table: "saved_searches",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "hourly_min",
                schema: "upwork",
                table: "saved_searches",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_proposals",
                schema: "upwork",
                table: "saved_searches",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "require_all_skills",
                schema: "upwork",
                table: "saved_searches",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "owner_user_id",
                schema: "upwork",
                table: "jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "matches",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    saved_search_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    matched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    saved_search_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_owner_user_id",
                schema: "upwork",
                table: "jobs",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_matches_job_posting_id",
                schema: "upwork",
                table: "matches",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_matches_saved_search_id_job_posting_id",
                schema: "upwork",
                table: "matches",
                columns: new[] { "saved_search_id", "job_posting_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_matches_user_id_matched_at",
                schema: "upwork",
                table: "matches",
                columns: new[] { "user_id", "matched_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_created_at",
                schema: "upwork",
                table: "notifications",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_read_at",
                schema: "upwork",
                table: "notifications",
                columns: new[] { "user_id", "read_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "matches",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "upwork");

            migrationBuilder.DropIndex(
                name: "ix_jobs_owner_user_id",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "budget_max",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "budget_min",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "categories",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "client_min_hires",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "client_min_rating",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "client_min_spent",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "countries_exclude",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "countries_include",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "exclude_words",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "hourly_max",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "hourly_min",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "max_proposals",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "require_all_skills",
                schema: "upwork",
                table: "saved_searches");

            migrationBuilder.DropColumn(
                name: "owner_user_id",
                schema: "upwork",
                table: "jobs");
        }
    }
}
