using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScaleOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                schema: "upwork",
                table: "jobs",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english'::regconfig, (title || ' ') || COALESCE(description, ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_jobs_search_vector",
                schema: "upwork",
                table: "jobs",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            // The expression index it replaces (JobSearch): searches now read the stored column.
            migrationBuilder.Sql("DROP INDEX IF EXISTS upwork.ix_jobs_search;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX ix_jobs_search ON upwork.jobs USING GIN (to_tsvector('english'::regconfig, (title || ' ') || COALESCE(description, '')));");

            migrationBuilder.DropIndex(
                name: "ix_jobs_search_vector",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "search_vector",
                schema: "upwork",
                table: "jobs");
        }
    }
}
