using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UpworkProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "proposal_history",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cover_letter = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    bid_amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    estimated_hours = table.Column<int>(type: "integer", nullable: true),
                    connects_spent = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ai_generated = table.Column<bool>(type: "boolean", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: true),
                    template_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    follow_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    follow_up_alerted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    upwork_proposal_id = table.Column<string>(type: "text", nullable: true),
                    job_title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_history_proposal_id_at",
                schema: "upwork",
                table: "proposal_history",
                columns: new[] { "proposal_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_proposals_job_posting_id",
                schema: "upwork",
                table: "proposals",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_user_id_follow_up_at",
                schema: "upwork",
                table: "proposals",
                columns: new[] { "user_id", "follow_up_at" });

            migrationBuilder.CreateIndex(
                name: "ix_proposals_user_id_status",
                schema: "upwork",
                table: "proposals",
                columns: new[] { "user_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "proposal_history",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "proposals",
                schema: "upwork");
        }
    }
}
