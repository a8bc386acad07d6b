using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Identity_KeysQuotaProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_freelancer_profiles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    overview = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    skills = table.Column<string>(type: "TEXT", nullable: false),
                    hourly_rate = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    years_of_experience = table.Column<int>(type: "INTEGER", nullable: true),
                    languages = table.Column<string>(type: "TEXT", nullable: false),
                    is_default = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    portfolio = table.Column<string>(type: "TEXT", nullable: true),
                    sample_letters = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_freelancer_profiles", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_freelancer_profiles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_usage_counters",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    feature = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_usage_counters", x => new { x.user_id, x.period, x.feature });
                    table.ForeignKey(
                        name: "fk_identity_usage_counters_users_user_id",
                        column: x => x.user_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_user_api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    provider = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ciphertext = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    nonce = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    tag = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    key_version = table.Column<int>(type: "INTEGER", nullable: false),
                    base_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    hint = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_user_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_user_api_keys_users_user_id",
                        column: x => x.user_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_freelancer_profiles_user_id",
                table: "identity_freelancer_profiles",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_user_api_keys_user_id_provider",
                table: "identity_user_api_keys",
                columns: new[] { "user_id", "provider" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_freelancer_profiles");

            migrationBuilder.DropTable(
                name: "identity_usage_counters");

            migrationBuilder.DropTable(
                name: "identity_user_api_keys");
        }
    }
}
