using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Identity_JobRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_job_runs",
                columns: table => new
                {
                    job_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    last_run_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_succeeded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_failed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    last_duration_ms = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_job_runs", x => x.job_key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_job_runs");
        }
    }
}
