using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Upwork_JobClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "upwork_job_claims",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claimed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    takeover_requested_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    takeover_requested_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_job_claims", x => x.job_posting_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_job_claims_user_id",
                table: "upwork_job_claims",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upwork_job_claims");
        }
    }
}
