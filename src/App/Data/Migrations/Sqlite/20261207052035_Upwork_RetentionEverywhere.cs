using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Upwork_RetentionEverywhere : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "job_expired_at",
                table: "upwork_saved_jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "job_title",
                table: "upwork_saved_jobs",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "job_url",
                table: "upwork_saved_jobs",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upwork_job_id",
                table: "upwork_saved_jobs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "job_expired_at",
                table: "upwork_proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "job_url",
                table: "upwork_proposals",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upwork_job_id",
                table: "upwork_proposals",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "budget_band",
                table: "analytics_proposal_facts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "speed_bucket",
                table: "analytics_proposal_facts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "job_text_redacted_at",
                table: "ai_generations",
                type: "INTEGER",
                nullable: true);

            // FTS5 keeps a deleted row's words in its index until segments merge; secure-delete removes them with the row,
            // so a purged job's text leaves the search index too (docs/data-retention.md). Optimize drops what was left before.
            migrationBuilder.Sql("INSERT INTO upwork_jobs_fts(upwork_jobs_fts, rank) VALUES('secure-delete', 1);");
            migrationBuilder.Sql("INSERT INTO upwork_jobs_fts(upwork_jobs_fts) VALUES('optimize');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("INSERT INTO upwork_jobs_fts(upwork_jobs_fts, rank) VALUES('secure-delete', 0);");

            migrationBuilder.DropColumn(
                name: "job_expired_at",
                table: "upwork_saved_jobs");

            migrationBuilder.DropColumn(
                name: "job_title",
                table: "upwork_saved_jobs");

            migrationBuilder.DropColumn(
                name: "job_url",
                table: "upwork_saved_jobs");

            migrationBuilder.DropColumn(
                name: "upwork_job_id",
                table: "upwork_saved_jobs");

            migrationBuilder.DropColumn(
                name: "job_expired_at",
                table: "upwork_proposals");

            migrationBuilder.DropColumn(
                name: "job_url",
                table: "upwork_proposals");

            migrationBuilder.DropColumn(
                name: "upwork_job_id",
                table: "upwork_proposals");

            migrationBuilder.DropColumn(
                name: "budget_band",
                table: "analytics_proposal_facts");

            migrationBuilder.DropColumn(
                name: "speed_bucket",
                table: "analytics_proposal_facts");

            migrationBuilder.DropColumn(
                name: "job_text_redacted_at",
                table: "ai_generations");
        }
    }
}
