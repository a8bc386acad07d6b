using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AiWriter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "attempts",
                table: "ai_generations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "cache_hit",
                table: "ai_generations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "ai_generations",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "latency_ms",
                table: "ai_generations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "profile_id",
                table: "ai_generations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "quality",
                table: "ai_generations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "template_id",
                table: "ai_generations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "time_to_first_token_ms",
                table: "ai_generations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "tokens_estimated",
                table: "ai_generations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "tokens_in",
                table: "ai_generations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "tokens_out",
                table: "ai_generations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tone",
                table: "ai_generations",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ai_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    trained_at = table.Column<long>(type: "INTEGER", nullable: false),
                    rows = table.Column<int>(type: "INTEGER", nullable: false),
                    metrics = table.Column<string>(type: "TEXT", nullable: false),
                    bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ai_models", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ai_settings",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    provider_order = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    open_ai_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    anthropic_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    compatible_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    compatible_base_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    max_tokens = table.Column<int>(type: "INTEGER", nullable: true),
                    temperature = table.Column<double>(type: "REAL", nullable: true),
                    monthly_spending_cap_usd = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ai_settings", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "ai_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ai_templates", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ai_models_name_user_id_version",
                table: "ai_models",
                columns: new[] { "name", "user_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ai_templates_user_id_name",
                table: "ai_templates",
                columns: new[] { "user_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_models");

            migrationBuilder.DropTable(
                name: "ai_settings");

            migrationBuilder.DropTable(
                name: "ai_templates");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "ai_generations");

            migrationBuilder.DropColumn(
                name: "cache_hit",
                table: "ai_generations");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "ai_generations");

            migrationBuilder.DropColumn(
                name: "latency_ms",
                table: "ai_generations");

            migrationBuilder.DropColumn(
                name: "profile_id",
                table: "ai_generations");

            migrationBuilder.DropColumn(
                name: "quality",
                table: "ai_generations");

            migrationBuilder.DropColumn(
                name: "template_id",
                table: "ai_generations");

            migrationBuilder.DropColumn(
                name: "time_to_first_token_ms",
                table: "ai_generations");

            migrationBuilder.DropColumn(
                name: "tokens_estimated",
                table: "ai_generations");

            migrationBuilder.DropColumn(
                name: "tokens_in",
                table: "ai_generations");

            migrationBuilder.DropColumn(
                name: "tokens_out",
                table: "ai_generations");

            migrationBuilder.DropColumn(
                name: "tone",
                table: "ai_generations");
        }
    }
}
