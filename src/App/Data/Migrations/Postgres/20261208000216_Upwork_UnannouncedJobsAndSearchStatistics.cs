using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Upwork_UnannouncedJobsAndSearchStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unannounced_jobs",
                schema: "upwork",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unannounced_jobs", x => x.job_posting_id);
                    table.ForeignKey(
                        name: "fk_unannounced_jobs_jobs_job_posting_id",
                        column: x => x.job_posting_id,
                        principalSchema: "upwork",
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unannounced_jobs_created_at",
                schema: "upwork",
                table: "unannounced_jobs",
                column: "created_at");

            // Rows a crash left unannounced keep their place in the sweep.
            migrationBuilder.Sql("INSERT INTO upwork.unannounced_jobs (job_posting_id, created_at) SELECT id, created_at FROM upwork.jobs WHERE announced_at IS NULL;");

            migrationBuilder.DropIndex(
                name: "ix_jobs_announced_at",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "announced_at",
                schema: "upwork",
                table: "jobs");

            // A higher statistics target on the stored tsvector (default 100): ANALYZE then keeps rare words among the
            // most common elements (10 x target), so the planner reads a rare word's few matches through the GIN index
            // instead of walking the date index (docs/benchmarks.md, "search plans").
            migrationBuilder.Sql("ALTER TABLE upwork.jobs ALTER COLUMN search_vector SET STATISTICS 1000;");
            migrationBuilder.Sql("ANALYZE upwork.jobs;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE upwork.jobs ALTER COLUMN search_vector SET STATISTICS -1;");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "announced_at",
                schema: "upwork",
                table: "jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_jobs_announced_at",
                schema: "upwork",
                table: "jobs",
                column: "announced_at",
                filter: "announced_at IS NULL");

            // Every job without a marker was announced.
            migrationBuilder.Sql("UPDATE upwork.jobs SET announced_at = created_at WHERE id NOT IN (SELECT job_posting_id FROM upwork.unannounced_jobs);");

            migrationBuilder.DropTable(
                name: "unannounced_jobs",
                schema: "upwork");
        }
    }
}
