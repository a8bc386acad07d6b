using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Upwork_ReviewQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_shared",
                table: "ai_templates",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "upwork_proposal_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    proposal_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bidder_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    letter = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    screening_answers = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: true),
                    quality_score = table.Column<decimal>(type: "TEXT", precision: 4, scale: 3, nullable: true),
                    quality_notes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    approved_letter = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_proposal_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_review_requirements",
                columns: table => new
                {
                    bidder_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    set_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    set_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_review_requirements", x => x.bidder_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposal_reviews_bidder_id",
                table: "upwork_proposal_reviews",
                column: "bidder_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposal_reviews_proposal_id",
                table: "upwork_proposal_reviews",
                column: "proposal_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposal_reviews_state_sent_at",
                table: "upwork_proposal_reviews",
                columns: new[] { "state", "sent_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "is_shared",
                table: "ai_templates");

            migrationBuilder.DropTable(
                name: "upwork_proposal_reviews");

            migrationBuilder.DropTable(
                name: "upwork_review_requirements");
        }
    }
}
