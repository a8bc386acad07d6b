using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Identity_AuditRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "count",
                table: "identity_audit_events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<long>(
                name: "last_at",
                table: "identity_audit_events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Existing events happened once, last at their creation.
            migrationBuilder.Sql("UPDATE identity_audit_events SET last_at = created_at;");

            migrationBuilder.CreateIndex(
                name: "ix_identity_audit_events_created_at",
                table: "identity_audit_events",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_identity_audit_events_created_at",
                table: "identity_audit_events");

            migrationBuilder.DropColumn(
                name: "count",
                table: "identity_audit_events");

            migrationBuilder.DropColumn(
                name: "last_at",
                table: "identity_audit_events");
        }
    }
}
