using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AiWriter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "attempts",
                schema: "ai",
                table: "generations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "cache_hit",
                schema: "ai",
                table: "generations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                schema: "ai",
                table: "generations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "latency_ms",
                schema: "ai",
                table: "generations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "profile_id",
                schema: "ai",
                table: "generations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "quality",
                schema: "ai",
                table: "generations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "template_id",
                schema: "ai",
                table: "generations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "time_to_first_token_ms",
                schema: "ai",
                table: "generations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "tokens_estimated",
                schema: "ai",
                table: "generations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "tokens_in",
                schema: "ai",
                table: "generations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "tokens_out",
                schema: "ai",
                table: "generations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tone",
                schema: "ai",
                table: "generations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "models",
                schema: "ai",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    trained_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    metrics = table.Column<string>(type: "text", nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_models", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                schema: "ai",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_order = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    open_ai_model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    anthropic_model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    compatible_model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    compatible_base_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    max_tokens = table.Column<int>(type: "integer", nullable: true),
                    temperature = table.Column<double>(type: "double precision", nullable: true),
                    monthly_spending_cap_usd = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "templates",
                schema: "ai",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_templates", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_models_name_user_id_version",
                schema: "ai",
                table: "models",
                columns: new[] { "name", "user_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_templates_user_id_name",
                schema: "ai",
                table: "templates",
                columns: new[] { "user_id", "name" },
                unique: true);

            // The spec's monthly range partitions for ai_generations. The primary key must include the partition key;
            // EF's model keeps (id), which is still unique in practice (ids are UUIDv7). Rows outside every month
            // land in the default partition; the PartitionAiGenerations job keeps months created ahead of time.
            migrationBuilder.Sql("""
                ALTER TABLE ai.generations RENAME TO generations_unpartitioned;
                ALTER TABLE ai.generations_unpartitioned RENAME CONSTRAINT pk_generations TO pk_generations_unpartitioned;
                ALTER INDEX ai.ix_generations_user_id_created_at RENAME TO ix_generations_unpartitioned_user_id_created_at;
                CREATE TABLE ai.generations (LIKE ai.generations_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (created_at);
                ALTER TABLE ai.generations ADD CONSTRAINT pk_generations PRIMARY KEY (id, created_at);
                CREATE INDEX ix_generations_user_id_created_at ON ai.generations (user_id, created_at);
                CREATE TABLE ai.generations_default PARTITION OF ai.generations DEFAULT;
                DO $$
                DECLARE m date := date_trunc('month', now() - interval '1 month');
                BEGIN
                  FOR i IN 0..4 LOOP
                    EXECUTE format('CREATE TABLE IF NOT EXISTS ai.%I PARTITION OF ai.generations FOR VALUES FROM (%L) TO (%L)',
                      'generations_' || to_char(m, 'YYYY_MM'), m, (m + interval '1 month')::date);
                    m := (m + interval '1 month')::date;
                  END LOOP;
                END $$;
                INSERT INTO ai.generations SELECT * FROM ai.generations_unpartitioned;
                DROP TABLE ai.generations_unpartitioned;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE ai.generations_plain (LIKE ai.generations INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
                INSERT INTO ai.generations_plain SELECT * FROM ai.generations;
                DROP TABLE ai.generations CASCADE;
                ALTER TABLE ai.generations_plain RENAME TO generations;
                ALTER TABLE ai.generations ADD CONSTRAINT pk_generations PRIMARY KEY (id);
                CREATE INDEX ix_generations_user_id_created_at ON ai.generations (user_id, created_at);
                """);

            migrationBuilder.DropTable(
                name: "models",
                schema: "ai");

            migrationBuilder.DropTable(
                name: "settings",
                schema: "ai");

            migrationBuilder.DropTable(
                name: "templates",
                schema: "ai");

            migrationBuilder.DropColumn(
                name: "attempts",
                schema: "ai",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "cache_hit",
                schema: "ai",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "kind",
                schema: "ai",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "latency_ms",
                schema: "ai",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "profile_id",
                schema: "ai",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "quality",
                schema: "ai",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "template_id",
                schema: "ai",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "time_to_first_token_ms",
                schema: "ai",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "tokens_estimated",
                schema: "ai",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "tokens_in",
                schema: "ai",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "tokens_out",
                schema: "ai",
                table: "generations");

            migrationBuilder.DropColumn(
                name: "tone",
                schema: "ai",
                table: "generations");
        }
    }
}
