using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UpworkIngestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "announced_at",
                table: "upwork_jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "client_country",
                table: "upwork_jobs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "client_info",
                table: "upwork_jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "client_payment_verified",
                table: "upwork_jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "content_hash",
                table: "upwork_jobs",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "is_demo",
                table: "upwork_jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "posted_at",
                table: "upwork_jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "proposals_count",
                table: "upwork_jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "raw_payload",
                table: "upwork_jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "upwork_jobs",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "url",
                table: "upwork_jobs",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "upwork_connections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    upwork_user_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    upwork_nid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    upwork_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    upwork_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    organization_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    organization_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    access_token = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    refresh_token = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    access_token_expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    refresh_token_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    connected_at = table.Column<long>(type: "INTEGER", nullable: false),
                    refreshed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_sync_at = table.Column<long>(type: "INTEGER", nullable: true),
                    alerts_enabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_connections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_saved_jobs",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    saved_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_saved_jobs", x => new { x.user_id, x.job_posting_id });
                });

            migrationBuilder.CreateTable(
                name: "upwork_saved_searches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    query = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    skills = table.Column<string>(type: "TEXT", nullable: false),
                    job_type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    experience_level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    payment_verified_only = table.Column<bool>(type: "INTEGER", nullable: false),
                    alerts_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    filter_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_saved_searches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_sync_states",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    high_water_posted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    high_water_ids = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    last_run_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_success_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    next_run_at = table.Column<long>(type: "INTEGER", nullable: true),
                    consecutive_failures = table.Column<int>(type: "INTEGER", nullable: false),
                    last_new_jobs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_sync_states", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "upwork_webhook_receipts",
                columns: table => new
                {
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_webhook_receipts", x => new { x.source_id, x.event_id });
                });

            migrationBuilder.CreateTable(
                name: "upwork_webhook_sources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    secret = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_received_at = table.Column<long>(type: "INTEGER", nullable: true),
                    received_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_webhook_sources", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_announced_at",
                table: "upwork_jobs",
                column: "announced_at",
                filter: "announced_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_posted_at",
                table: "upwork_jobs",
                column: "posted_at");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_source_created_at",
                table: "upwork_jobs",
                columns: new[] { "source", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_connections_upwork_user_id",
                table: "upwork_connections",
                column: "upwork_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_connections_user_id",
                table: "upwork_connections",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_saved_jobs_job_posting_id",
                table: "upwork_saved_jobs",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_saved_searches_filter_key",
                table: "upwork_saved_searches",
                column: "filter_key");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_saved_searches_user_id",
                table: "upwork_saved_searches",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_webhook_receipts_received_at",
                table: "upwork_webhook_receipts",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_webhook_sources_user_id",
                table: "upwork_webhook_sources",
                column: "user_id");
        
            // Rows stored before this migration: posted when stored, and already seen by everyone (no announcement storm).
            migrationBuilder.Sql("UPDATE upwork_jobs SET posted_at = created_at, announced_at = created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upwork_connections");

            migrationBuilder.DropTable(
                name: "upwork_saved_jobs");

            migrationBuilder.DropTable(
                name: "upwork_saved_searches");

            migrationBuilder.DropTable(
                name: "upwork_sync_states");

            migrationBuilder.DropTable(
                name: "upwork_webhook_receipts");

            migrationBuilder.DropTable(
                name: "upwork_webhook_sources");

            migrationBuilder.DropIndex(
                name: "ix_upwork_jobs_announced_at",
                table: "upwork_jobs");

            migrationBuilder.DropIndex(
                name: "ix_upwork_jobs_posted_at",
                table: "upwork_jobs");

            migrationBuilder.DropIndex(
                name: "ix_upwork_jobs_source_created_at",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "announced_at",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "client_country",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "client_info",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "client_payment_verified",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "content_hash",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "is_demo",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "posted_at",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "proposals_count",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "raw_payload",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "source",
                table: "upwork_jobs");

            migrationBuilder.DropColumn(
                name: "url",
                table: "upwork_jobs");
        }
    }
}
