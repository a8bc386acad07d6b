using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Analytics_Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_proposal_facts",
                columns: table => new
                {
                    proposal_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    profile_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    hired_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    viewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    replied_at = table.Column<long>(type: "INTEGER", nullable: true),
                    hired_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ai_generated = table.Column<bool>(type: "INTEGER", nullable: false),
                    template = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    job_type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    budget_min = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    budget_max = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    job_posted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    saved_search = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    bid_amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    connects_spent = table.Column<int>(type: "INTEGER", nullable: true),
                    quality = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true),
                    refreshed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_proposal_facts", x => x.proposal_id);
                });

            migrationBuilder.CreateTable(
                name: "analytics_proposal_rollups",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    profile_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    bucket = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    sent = table.Column<int>(type: "INTEGER", nullable: false),
                    viewed = table.Column<int>(type: "INTEGER", nullable: false),
                    replied = table.Column<int>(type: "INTEGER", nullable: false),
                    hired = table.Column<int>(type: "INTEGER", nullable: false),
                    connects = table.Column<int>(type: "INTEGER", nullable: false),
                    revenue = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    quality_sum = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: false),
                    quality_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_proposal_rollups", x => new { x.user_id, x.profile_id, x.day, x.dimension, x.bucket });
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_proposal_facts_user_id_hired_on",
                table: "analytics_proposal_facts",
                columns: new[] { "user_id", "hired_on" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_proposal_facts_user_id_submitted_on",
                table: "analytics_proposal_facts",
                columns: new[] { "user_id", "submitted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_proposal_rollups_user_id_day_dimension",
                table: "analytics_proposal_rollups",
                columns: new[] { "user_id", "day", "dimension" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_proposal_facts");

            migrationBuilder.DropTable(
                name: "analytics_proposal_rollups");
        }
    }
}
