using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Upwork_JobVisibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "upwork_connection_shares",
                columns: table => new
                {
                    owner_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    shared_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_connection_shares", x => new { x.owner_user_id, x.member_user_id });
                });

            migrationBuilder.CreateTable(
                name: "upwork_job_access",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    via = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    granted_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_job_access", x => new { x.job_posting_id, x.user_id, x.via });
                    table.ForeignKey(
                        name: "fk_upwork_job_access_jobs_job_posting_id",
                        column: x => x.job_posting_id,
                        principalTable: "upwork_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_connection_shares_member_user_id",
                table: "upwork_connection_shares",
                column: "member_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_job_access_user_id_job_posting_id",
                table: "upwork_job_access",
                columns: new[] { "user_id", "job_posting_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upwork_connection_shares");

            migrationBuilder.DropTable(
                name: "upwork_job_access");
        }
    }
}
