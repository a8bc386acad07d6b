using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Upwork_ChannelConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmation_expires_at",
                schema: "upwork",
                table: "alert_channels",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "confirmation_token_hash",
                schema: "upwork",
                table: "alert_channels",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_alert_channels_confirmation_token_hash",
                schema: "upwork",
                table: "alert_channels",
                column: "confirmation_token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alert_channels_confirmation_token_hash",
                schema: "upwork",
                table: "alert_channels");

            migrationBuilder.DropColumn(
                name: "confirmation_expires_at",
                schema: "upwork",
                table: "alert_channels");

            migrationBuilder.DropColumn(
                name: "confirmation_token_hash",
                schema: "upwork",
                table: "alert_channels");
        }
    }
}
