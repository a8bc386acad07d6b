using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UpworkIngestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "announced_at",
                schema: "upwork",
                table: "jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "client_country",
                schema: "upwork",
                table: "jobs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "client_info",
                schema: "upwork",
                table: "jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "client_payment_verified",
                schema: "upwork",
                table: "jobs",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "content_hash",
                schema: "upwork",
                table: "jobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "is_demo",
                schema: "upwork",
                table: "jobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "posted_at",
                schema: "upwork",
                table: "jobs",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "proposals_count",
                schema: "upwork",
                table: "jobs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "raw_payload",
                schema: "upwork",
                table: "jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "upwork",
                table: "jobs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "url",
                schema: "upwork",
                table: "jobs",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "connections",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    upwork_user_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    upwork_nid = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    upwork_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    upwork_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    organization_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    access_token = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    refresh_token = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    access_token_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    refresh_token_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    connected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_sync_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    alerts_enabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_connections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "saved_jobs",
                schema: "upwork",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_jobs", x => new { x.user_id, x.job_posting_id });
                });

            migrationBuilder.CreateTable(
                name: "saved_searches",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    query = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    job_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    experience_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    payment_verified_only = table.Column<bool>(type: "boolean", nullable: false),
                    alerts_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    filter_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_searches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sync_states",
                schema: "upwork",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    high_water_posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    high_water_ids = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    last_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_success_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    next_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    consecutive_failures = table.Column<int>(type: "integer", nullable: false),
                    last_new_jobs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_states", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "webhook_receipts",
                schema: "upwork",
                columns: table => new
                {
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_receipts", x => new { x.source_id, x.event_id });
                });

            migrationBuilder.CreateTable(
                name: "webhook_sources",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    secret = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_sources", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_announced_at",
                schema: "upwork",
                table: "jobs",
                column: "announced_at",
                filter: "announced_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_posted_at",
                schema: "upwork",
                table: "jobs",
                column: "posted_at");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_source_created_at",
                schema: "upwork",
                table: "jobs",
                columns: new[] { "source", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_connections_upwork_user_id",
                schema: "upwork",
                table: "connections",
                column: "upwork_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_connections_user_id",
                schema: "upwork",
                table: "connections",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_saved_jobs_job_posting_id",
                schema: "upwork",
                table: "saved_jobs",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_saved_searches_filter_key",
                schema: "upwork",
                table: "saved_searches",
                column: "filter_key");

            migrationBuilder.CreateIndex(
                name: "ix_saved_searches_user_id",
                schema: "upwork",
                table: "saved_searches",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_receipts_received_at",
                schema: "upwork",
                table: "webhook_receipts",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_sources_user_id",
                schema: "upwork",
                table: "webhook_sources",
                column: "user_id");
        
            // Rows stored before this migration: posted when stored, and already seen by everyone (no announcement storm).
            migrationBuilder.Sql("UPDATE upwork.jobs SET posted_at = created_at, announced_at = created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "connections",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "saved_jobs",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "saved_searches",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "sync_states",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "webhook_receipts",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "webhook_sources",
                schema: "upwork");

            migrationBuilder.DropIndex(
                name: "ix_jobs_announced_at",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropIndex(
                name: "ix_jobs_posted_at",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropIndex(
                name: "ix_jobs_source_created_at",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "announced_at",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "client_country",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "client_info",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "client_payment_verified",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "content_hash",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "is_demo",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "posted_at",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "proposals_count",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "raw_payload",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "url",
                schema: "upwork",
                table: "jobs");
        }
    }
}
