using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Upwork_JobVisibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "connection_shares",
                schema: "upwork",
                columns: table => new
                {
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_connection_shares", x => new { x.owner_user_id, x.member_user_id });
                });

            migrationBuilder.CreateTable(
                name: "job_access",
                schema: "upwork",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    via = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_access", x => new { x.job_posting_id, x.user_id, x.via });
                    table.ForeignKey(
                        name: "fk_job_access_job_posting_job_posting_id",
                        column: x => x.job_posting_id,
                        principalSchema: "upwork",
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_connection_shares_member_user_id",
                schema: "upwork",
                table: "connection_shares",
                column: "member_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_access_user_id_job_posting_id",
                schema: "upwork",
                table: "job_access",
                columns: new[] { "user_id", "job_posting_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "connection_shares",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "job_access",
                schema: "upwork");
        }
    }
}
