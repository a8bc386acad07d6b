using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Upwork_UnannouncedJobsAndSearchStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "upwork_unannounced_jobs",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_unannounced_jobs", x => x.job_posting_id);
                    table.ForeignKey(
                        name: "fk_upwork_unannounced_jobs_upwork_jobs_job_posting_id",
                        column: x => x.job_posting_id,
                        principalTable: "upwork_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_unannounced_jobs_created_at",
                table: "upwork_unannounced_jobs",
                column: "created_at");

            // Rows a crash left unannounced keep their place in the sweep.
            migrationBuilder.Sql("INSERT INTO upwork_unannounced_jobs (job_posting_id, created_at) SELECT id, created_at FROM upwork_jobs WHERE announced_at IS NULL;");

            migrationBuilder.DropIndex(
                name: "ix_upwork_jobs_announced_at",
                table: "upwork_jobs");

            // Not EF's DropColumn: on SQLite that rebuilds upwork_jobs (copy, drop, rename), which drops the FTS5 triggers
            // and renumbers the rowids the FTS index points at. SQLite (3.35+) drops an unindexed column in place.
            migrationBuilder.Sql("ALTER TABLE \"upwork_jobs\" DROP COLUMN \"announced_at\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "announced_at",
                table: "upwork_jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_announced_at",
                table: "upwork_jobs",
                column: "announced_at",
                filter: "announced_at IS NULL");

            // Every job without a marker was announced.
            migrationBuilder.Sql("UPDATE upwork_jobs SET announced_at = created_at WHERE id NOT IN (SELECT job_posting_id FROM upwork_unannounced_jobs);");

            migrationBuilder.DropTable(
                name: "upwork_unannounced_jobs");
        }
    }
}
