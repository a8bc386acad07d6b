using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Upwork_RetentionEverywhere : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "job_expired_at",
                schema: "upwork",
                table: "saved_jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "job_title",
                schema: "upwork",
                table: "saved_jobs",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "job_url",
                schema: "upwork",
                table: "saved_jobs",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upwork_job_id",
                schema: "upwork",
                table: "saved_jobs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "job_expired_at",
                schema: "upwork",
                table: "proposals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "job_url",
                schema: "upwork",
                table: "proposals",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upwork_job_id",
                schema: "upwork",
                table: "proposals",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "budget_band",
                schema: "analytics",
                table: "proposal_facts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "speed_bucket",
                schema: "analytics",
                table: "proposal_facts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "job_text_redacted_at",
                schema: "ai",
                table: "generations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "job_expired_at",
                schema: "upwork",
                table: "saved_jobs");

            migrationBuilder.DropColumn(
                name: "job_title",
                schema: "upwork",
                table: "saved_jobs");

            migrationBuilder.DropColumn(
                name: "job_url",
                schema: "upwork",
                table: "saved_jobs");

            migrationBuilder.DropColumn(
                name: "upwork_job_id",
                schema: "upwork",
                table: "saved_jobs");

            migrationBuilder.DropColumn(
                name: "job_expired_at",
                schema: "upwork",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "job_url",
                schema: "upwork",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "upwork_job_id",
                schema: "upwork",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "budget_band",
                schema: "analytics",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "speed_bucket",
                schema: "analytics",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "job_text_redacted_at",
                schema: "ai",
                table: "generations");
        }
    }
}
