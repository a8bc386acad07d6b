using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Identity_AuditRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "count",
                schema: "identity",
                table: "audit_events",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_at",
                schema: "identity",
                table: "audit_events",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Existing events happened once, last at their creation.
            migrationBuilder.Sql("UPDATE identity.audit_events SET last_at = created_at;");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_created_at",
                schema: "identity",
                table: "audit_events",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_events_created_at",
                schema: "identity",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "count",
                schema: "identity",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "last_at",
                schema: "identity",
                table: "audit_events");
        }
    }
}
