using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Upwork_JobClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_claims",
                schema: "upwork",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    takeover_requested_by = table.Column<Guid>(type: "uuid", nullable: true),
                    takeover_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_claims", x => x.job_posting_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_job_claims_user_id",
                schema: "upwork",
                table: "job_claims",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_claims",
                schema: "upwork");
        }
    }
}
