using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Upwork_ComplianceAndRedFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "hide_red_flagged",
                schema: "upwork",
                table: "saved_searches",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "call_log",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    operation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pauses",
                schema: "upwork",
                columns: table => new
                {
                    scope_id = table.Column<Guid>(type: "uuid", nullable: false),
                    paused_by = table.Column<Guid>(type: "uuid", nullable: false),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pauses", x => x.scope_id);
                });

            migrationBuilder.CreateTable(
                name: "red_flag_dismissals",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    dismissed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_red_flag_dismissals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_call_log_at",
                schema: "upwork",
                table: "call_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_call_log_user_id_at",
                schema: "upwork",
                table: "call_log",
                columns: new[] { "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_red_flag_dismissals_user_id_client_key_code",
                schema: "upwork",
                table: "red_flag_dismissals",
                columns: new[] { "user_id", "client_key", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_log",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "pauses",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "red_flag_dismissals",
                schema: "upwork");

            migrationBuilder.DropColumn(
                name: "hide_red_flagged",
                schema: "upwork",
                table: "saved_searches");
        }
    }
}
