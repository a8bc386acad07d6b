using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Upwork_ChannelConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "confirmation_expires_at",
                table: "upwork_alert_channels",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "confirmation_token_hash",
                table: "upwork_alert_channels",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_alert_channels_confirmation_token_hash",
                table: "upwork_alert_channels",
                column: "confirmation_token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_upwork_alert_channels_confirmation_token_hash",
                table: "upwork_alert_channels");

            migrationBuilder.DropColumn(
                name: "confirmation_expires_at",
                table: "upwork_alert_channels");

            migrationBuilder.DropColumn(
                name: "confirmation_token_hash",
                table: "upwork_alert_channels");
        }
    }
}
