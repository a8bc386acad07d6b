using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Analytics_WhatWinsBuckets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_hires_bucket",
                schema: "analytics",
                table: "proposal_facts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "competition_bucket",
                schema: "analytics",
                table: "proposal_facts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "letter_bucket",
                schema: "analytics",
                table: "proposal_facts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_bucket",
                schema: "analytics",
                table: "proposal_facts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "client_hires_bucket",
                schema: "analytics",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "competition_bucket",
                schema: "analytics",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "letter_bucket",
                schema: "analytics",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "payment_bucket",
                schema: "analytics",
                table: "proposal_facts");
        }
    }
}
