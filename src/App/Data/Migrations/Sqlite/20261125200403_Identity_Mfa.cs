using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Identity_Mfa : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_mfa_secrets",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ciphertext = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    nonce = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    tag = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    key_version = table.Column<int>(type: "INTEGER", nullable: false),
                    enabled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_used_step = table.Column<long>(type: "INTEGER", nullable: false),
                    recovery_code_hashes = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_mfa_secrets", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_identity_mfa_secrets_users_user_id",
                        column: x => x.user_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_mfa_secrets");
        }
    }
}
