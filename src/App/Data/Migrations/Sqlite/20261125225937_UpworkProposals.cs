using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UpworkProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "upwork_proposal_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    proposal_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_proposal_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cover_letter = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    bid_amount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    estimated_hours = table.Column<int>(type: "INTEGER", nullable: true),
                    connects_spent = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ai_generated = table.Column<bool>(type: "INTEGER", nullable: false),
                    profile_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    template_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    follow_up_at = table.Column<long>(type: "INTEGER", nullable: true),
                    follow_up_alerted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    upwork_proposal_id = table.Column<string>(type: "TEXT", nullable: true),
                    job_title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_proposals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposal_history_proposal_id_at",
                table: "upwork_proposal_history",
                columns: new[] { "proposal_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposals_job_posting_id",
                table: "upwork_proposals",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposals_user_id_follow_up_at",
                table: "upwork_proposals",
                columns: new[] { "user_id", "follow_up_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposals_user_id_status",
                table: "upwork_proposals",
                columns: new[] { "user_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upwork_proposal_history");

            migrationBuilder.DropTable(
                name: "upwork_proposals");
        }
    }
}
