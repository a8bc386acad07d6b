using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Upwork_ReviewQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_shared",
                schema: "ai",
                table: "templates",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "proposal_reviews",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bidder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    letter = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    screening_answers = table.Column<string>(type: "character varying(60000)", maxLength: 60000, nullable: true),
                    quality_score = table.Column<decimal>(type: "numeric(4,3)", precision: 4, scale: 3, nullable: true),
                    quality_notes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    approved_letter = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "review_requirements",
                schema: "upwork",
                columns: table => new
                {
                    bidder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    set_by = table.Column<Guid>(type: "uuid", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_requirements", x => x.bidder_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_reviews_bidder_id",
                schema: "upwork",
                table: "proposal_reviews",
                column: "bidder_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_reviews_proposal_id",
                schema: "upwork",
                table: "proposal_reviews",
                column: "proposal_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_proposal_reviews_state_sent_at",
                schema: "upwork",
                table: "proposal_reviews",
                columns: new[] { "state", "sent_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "is_shared",
                schema: "ai",
                table: "templates");

            migrationBuilder.DropTable(
                name: "proposal_reviews",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "review_requirements",
                schema: "upwork");
        }
    }
}
