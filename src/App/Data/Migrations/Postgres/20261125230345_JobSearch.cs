using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JobSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search over title and description (the expression BrowseJobPostings queries).
            migrationBuilder.Sql("CREATE INDEX ix_jobs_search ON upwork.jobs USING GIN (to_tsvector('english'::regconfig, (title || ' ') || COALESCE(description, '')));");


        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS upwork.ix_jobs_search;");


        }
    }
}
