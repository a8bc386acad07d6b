using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Analytics_Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "proposal_facts",
                schema: "analytics",
                columns: table => new
                {
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    hired_on = table.Column<DateOnly>(type: "date", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    viewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ai_generated = table.Column<bool>(type: "boolean", nullable: false),
                    template = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    job_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    budget_min = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    budget_max = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    job_posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    saved_search = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    bid_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    connects_spent = table.Column<int>(type: "integer", nullable: true),
                    quality = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: true),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_facts", x => x.proposal_id);
                });

            migrationBuilder.CreateTable(
                name: "proposal_rollups",
                schema: "analytics",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    dimension = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    bucket = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sent = table.Column<int>(type: "integer", nullable: false),
                    viewed = table.Column<int>(type: "integer", nullable: false),
                    replied = table.Column<int>(type: "integer", nullable: false),
                    hired = table.Column<int>(type: "integer", nullable: false),
                    connects = table.Column<int>(type: "integer", nullable: false),
                    revenue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    quality_sum = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false),
                    quality_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_rollups", x => new { x.user_id, x.profile_id, x.day, x.dimension, x.bucket });
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_facts_user_id_hired_on",
                schema: "analytics",
                table: "proposal_facts",
                columns: new[] { "user_id", "hired_on" });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_facts_user_id_submitted_on",
                schema: "analytics",
                table: "proposal_facts",
                columns: new[] { "user_id", "submitted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_rollups_user_id_day_dimension",
                schema: "analytics",
                table: "proposal_rollups",
                columns: new[] { "user_id", "day", "dimension" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "proposal_facts",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "proposal_rollups",
                schema: "analytics");
        }
    }
}
