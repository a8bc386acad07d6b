using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Upwork_ComplianceAndRedFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "hide_red_flagged",
                table: "upwork_saved_searches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "upwork_call_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    operation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_call_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_pauses",
                columns: table => new
                {
                    scope_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    paused_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    paused_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_pauses", x => x.scope_id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_red_flag_dismissals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    dismissed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_red_flag_dismissals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_call_log_at",
                table: "upwork_call_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_call_log_user_id_at",
                table: "upwork_call_log",
                columns: new[] { "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_red_flag_dismissals_user_id_client_key_code",
                table: "upwork_red_flag_dismissals",
                columns: new[] { "user_id", "client_key", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upwork_call_log");

            migrationBuilder.DropTable(
                name: "upwork_pauses");

            migrationBuilder.DropTable(
                name: "upwork_red_flag_dismissals");

            migrationBuilder.DropColumn(
                name: "hide_red_flagged",
                table: "upwork_saved_searches");
        }
    }
}
