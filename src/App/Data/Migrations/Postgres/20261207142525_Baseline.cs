using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "upwork");

            migrationBuilder.EnsureSchema(
                name: "identity");

            migrationBuilder.EnsureSchema(
                name: "analytics");

            migrationBuilder.EnsureSchema(
                name: "ai");

            migrationBuilder.CreateTable(
                name: "alert_channels",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    target = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    secret = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    last_delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmation_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmation_token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_channels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_deliveries",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    notification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_preferences",
                schema: "upwork",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    play_sound = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_preferences", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    last_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)))
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "connection_shares",
                schema: "upwork",
                columns: table => new
                {
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_connection_shares", x => new { x.owner_user_id, x.member_user_id });
                });

            migrationBuilder.CreateTable(
                name: "connections",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    upwork_user_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    upwork_nid = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    upwork_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    upwork_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    organization_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    access_token = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    refresh_token = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    access_token_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    refresh_token_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    connected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_sync_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    alerts_enabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_connections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "daily_metrics",
                schema: "analytics",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    metric = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_metrics", x => new { x.day, x.metric });
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "generations",
                schema: "ai",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    prompt = table.Column<string>(type: "text", nullable: false),
                    response = table.Column<string>(type: "text", nullable: false),
                    provider = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tokens_used = table.Column<int>(type: "integer", nullable: true),
                    cost = table.Column<decimal>(type: "numeric(10,6)", precision: 10, scale: 6, nullable: true),
                    quality_score = table.Column<decimal>(type: "numeric(3,2)", precision: 3, scale: 2, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<string>(type: "text", nullable: true),
                    cache_hit = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: ""),
                    latency_ms = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: true),
                    quality = table.Column<string>(type: "text", nullable: true),
                    template_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    time_to_first_token_ms = table.Column<int>(type: "integer", nullable: true),
                    tokens_estimated = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    tokens_in = table.Column<int>(type: "integer", nullable: true),
                    tokens_out = table.Column<int>(type: "integer", nullable: true),
                    tone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    job_text_redacted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_generations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "jobs",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    upwork_job_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    budget_min = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    budget_max = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    subcategory = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    job_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    experience_level = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    client_country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    client_info = table.Column<string>(type: "text", nullable: true),
                    client_payment_verified = table.Column<bool>(type: "boolean", nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: ""),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0))),
                    proposals_count = table.Column<int>(type: "integer", nullable: true),
                    raw_payload = table.Column<string>(type: "text", nullable: true),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: ""),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('english'::regconfig, (title || ' ') || COALESCE(description, ''))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "letter_drafts",
                schema: "ai",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_letter_drafts", x => new { x.user_id, x.job_posting_id });
                });

            migrationBuilder.CreateTable(
                name: "matches",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    saved_search_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    matched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matches", x => x.id);
                });

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
                name: "notifications",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    saved_search_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "proposal_facts",
                schema: "analytics",
                columns: table => new
                {
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    hired_on = table.Column<DateOnly>(type: "date", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    viewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ai_generated = table.Column<bool>(type: "boolean", nullable: false),
                    template = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    job_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    budget_min = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    budget_max = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    job_posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    saved_search = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    bid_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    connects_spent = table.Column<int>(type: "integer", nullable: true),
                    quality = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: true),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    budget_band = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    speed_bucket = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_facts", x => x.proposal_id);
                });

            migrationBuilder.CreateTable(
                name: "proposal_history",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "proposal_rollups",
                schema: "analytics",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    dimension = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    bucket = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sent = table.Column<int>(type: "integer", nullable: false),
                    viewed = table.Column<int>(type: "integer", nullable: false),
                    replied = table.Column<int>(type: "integer", nullable: false),
                    hired = table.Column<int>(type: "integer", nullable: false),
                    connects = table.Column<int>(type: "integer", nullable: false),
                    revenue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    quality_sum = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false),
                    quality_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_rollups", x => new { x.user_id, x.profile_id, x.day, x.dimension, x.bucket });
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cover_letter = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    bid_amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    estimated_hours = table.Column<int>(type: "integer", nullable: true),
                    connects_spent = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ai_generated = table.Column<bool>(type: "boolean", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: true),
                    template_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    follow_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    follow_up_alerted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    upwork_proposal_id = table.Column<string>(type: "text", nullable: true),
                    job_title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    job_expired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    job_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    upwork_job_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "saved_jobs",
                schema: "upwork",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    job_expired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    job_title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    job_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    upwork_job_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_jobs", x => new { x.user_id, x.job_posting_id });
                });

            migrationBuilder.CreateTable(
                name: "saved_search_follows",
                schema: "upwork",
                columns: table => new
                {
                    saved_search_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    followed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_search_follows", x => new { x.saved_search_id, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "saved_searches",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    query = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    job_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    experience_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    payment_verified_only = table.Column<bool>(type: "boolean", nullable: false),
                    alerts_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    filter_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    budget_max = table.Column<decimal>(type: "numeric", nullable: true),
                    budget_min = table.Column<decimal>(type: "numeric", nullable: true),
                    categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    client_min_hires = table.Column<int>(type: "integer", nullable: true),
                    client_min_rating = table.Column<double>(type: "double precision", nullable: true),
                    client_min_spent = table.Column<decimal>(type: "numeric", nullable: true),
                    countries_exclude = table.Column<List<string>>(type: "text[]", nullable: false),
                    countries_include = table.Column<List<string>>(type: "text[]", nullable: false),
                    exclude_words = table.Column<List<string>>(type: "text[]", nullable: false),
                    hourly_max = table.Column<decimal>(type: "numeric", nullable: true),
                    hourly_min = table.Column<decimal>(type: "numeric", nullable: true),
                    max_proposals = table.Column<int>(type: "integer", nullable: true),
                    require_all_skills = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    quiet_from_hour = table.Column<int>(type: "integer", nullable: true),
                    quiet_to_hour = table.Column<int>(type: "integer", nullable: true),
                    is_shared = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_searches", x => x.id);
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
                name: "subscriptions",
                schema: "analytics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    plan = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    interval = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    end = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sync_states",
                schema: "upwork",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    high_water_posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    high_water_ids = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    last_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_success_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    next_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    consecutive_failures = table.Column<int>(type: "integer", nullable: false),
                    last_new_jobs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_states", x => x.key);
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

            migrationBuilder.CreateTable(
                name: "users",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    upwork_user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    subscription_plan = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "free"),
                    api_usage_count = table.Column<int>(type: "integer", nullable: false),
                    api_usage_limit = table.Column<int>(type: "integer", nullable: false, defaultValue: 5),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_login = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_receipts",
                schema: "upwork",
                columns: table => new
                {
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_receipts", x => new { x.source_id, x.event_id });
                });

            migrationBuilder.CreateTable(
                name: "webhook_sources",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    secret = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_sources", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workspace_settings",
                schema: "identity",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspace_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "job_access",
                schema: "upwork",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    via = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_access", x => new { x.job_posting_id, x.user_id, x.via });
                    table.ForeignKey(
                        name: "fk_job_access_job_posting_job_posting_id",
                        column: x => x.job_posting_id,
                        principalSchema: "upwork",
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalSchema: "identity",
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "freelancer_profiles",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    overview = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    hourly_rate = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    years_of_experience = table.Column<int>(type: "integer", nullable: true),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    portfolio = table.Column<string>(type: "jsonb", nullable: true),
                    sample_letters = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_freelancer_profiles", x => x.id);
                    table.ForeignKey(
                        name: "fk_freelancer_profiles_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    used_by_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_invitations_users_created_by",
                        column: x => x.created_by,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mail_outbox",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recipient_cipher = table.Column<string>(type: "text", nullable: false),
                    body_cipher = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mail_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_mail_outbox_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mfa_secrets",
                schema: "identity",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ciphertext = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    nonce = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    key_version = table.Column<int>(type: "integer", nullable: false),
                    enabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_step = table.Column<long>(type: "bigint", nullable: false),
                    recovery_code_hashes = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mfa_secrets", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_mfa_secrets_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    device = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_sessions_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "usage_counters",
                schema: "identity",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    feature = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_usage_counters", x => new { x.user_id, x.period, x.feature });
                    table.ForeignKey(
                        name: "fk_usage_counters_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_api_keys",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    provider = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ciphertext = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    nonce = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    key_version = table.Column<int>(type: "integer", nullable: false),
                    base_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    hint = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_api_keys_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                schema: "identity",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                schema: "identity",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalSchema: "identity",
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                schema: "identity",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "refresh_tokens",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refresh_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_refresh_tokens_session_session_id",
                        column: x => x.session_id,
                        principalSchema: "identity",
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alert_channels_confirmation_token_hash",
                schema: "upwork",
                table: "alert_channels",
                column: "confirmation_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alert_channels_user_id",
                schema: "upwork",
                table: "alert_channels",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_alert_deliveries_channel_id_notification_id",
                schema: "upwork",
                table: "alert_deliveries",
                columns: new[] { "channel_id", "notification_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alert_deliveries_delivered_at_next_attempt_at",
                schema: "upwork",
                table: "alert_deliveries",
                columns: new[] { "delivered_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_created_at",
                schema: "identity",
                table: "audit_events",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_user_id_created_at",
                schema: "identity",
                table: "audit_events",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_connection_shares_member_user_id",
                schema: "upwork",
                table: "connection_shares",
                column: "member_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_connections_upwork_user_id",
                schema: "upwork",
                table: "connections",
                column: "upwork_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_connections_user_id",
                schema: "upwork",
                table: "connections",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_freelancer_profiles_user_id",
                schema: "identity",
                table: "freelancer_profiles",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_created_by",
                schema: "identity",
                table: "invitations",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_token_hash",
                schema: "identity",
                table: "invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_job_access_user_id_job_posting_id",
                schema: "upwork",
                table: "job_access",
                columns: new[] { "user_id", "job_posting_id" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_announced_at",
                schema: "upwork",
                table: "jobs",
                column: "announced_at",
                filter: "announced_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_budget_min_budget_max",
                schema: "upwork",
                table: "jobs",
                columns: new[] { "budget_min", "budget_max" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_category",
                schema: "upwork",
                table: "jobs",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_created_at",
                schema: "upwork",
                table: "jobs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_owner_user_id",
                schema: "upwork",
                table: "jobs",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_posted_at",
                schema: "upwork",
                table: "jobs",
                column: "posted_at");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_posted_at_id",
                schema: "upwork",
                table: "jobs",
                columns: new[] { "posted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_search_vector",
                schema: "upwork",
                table: "jobs",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_source_created_at",
                schema: "upwork",
                table: "jobs",
                columns: new[] { "source", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_upwork_job_id",
                schema: "upwork",
                table: "jobs",
                column: "upwork_job_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mail_outbox_next_attempt_at",
                schema: "identity",
                table: "mail_outbox",
                column: "next_attempt_at");

            migrationBuilder.CreateIndex(
                name: "ix_mail_outbox_user_id",
                schema: "identity",
                table: "mail_outbox",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_matches_job_posting_id",
                schema: "upwork",
                table: "matches",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_matches_saved_search_id_job_posting_id",
                schema: "upwork",
                table: "matches",
                columns: new[] { "saved_search_id", "job_posting_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_matches_user_id_matched_at",
                schema: "upwork",
                table: "matches",
                columns: new[] { "user_id", "matched_at" });

            migrationBuilder.CreateIndex(
                name: "ix_models_name_user_id_version",
                schema: "ai",
                table: "models",
                columns: new[] { "name", "user_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_created_at",
                schema: "upwork",
                table: "notifications",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_read_at",
                schema: "upwork",
                table: "notifications",
                columns: new[] { "user_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_facts_user_id_hired_on",
                schema: "analytics",
                table: "proposal_facts",
                columns: new[] { "user_id", "hired_on" });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_facts_user_id_submitted_on",
                schema: "analytics",
                table: "proposal_facts",
                columns: new[] { "user_id", "submitted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_history_proposal_id_at",
                schema: "upwork",
                table: "proposal_history",
                columns: new[] { "proposal_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_rollups_user_id_day_dimension",
                schema: "analytics",
                table: "proposal_rollups",
                columns: new[] { "user_id", "day", "dimension" });

            migrationBuilder.CreateIndex(
                name: "ix_proposals_job_posting_id",
                schema: "upwork",
                table: "proposals",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposals_user_id_follow_up_at",
                schema: "upwork",
                table: "proposals",
                columns: new[] { "user_id", "follow_up_at" });

            migrationBuilder.CreateIndex(
                name: "ix_proposals_user_id_status",
                schema: "upwork",
                table: "proposals",
                columns: new[] { "user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_refresh_tokens_session_id",
                schema: "identity",
                table: "refresh_tokens",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_refresh_tokens_token_hash",
                schema: "identity",
                table: "refresh_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                schema: "identity",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                schema: "identity",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_saved_jobs_job_posting_id",
                schema: "upwork",
                table: "saved_jobs",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_saved_search_follows_user_id",
                schema: "upwork",
                table: "saved_search_follows",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_saved_searches_filter_key",
                schema: "upwork",
                table: "saved_searches",
                column: "filter_key");

            migrationBuilder.CreateIndex(
                name: "ix_saved_searches_user_id",
                schema: "upwork",
                table: "saved_searches",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_user_id",
                schema: "identity",
                table: "sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_start",
                schema: "analytics",
                table: "subscriptions",
                column: "start");

            migrationBuilder.CreateIndex(
                name: "ix_templates_user_id_name",
                schema: "ai",
                table: "templates",
                columns: new[] { "user_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_api_keys_user_id_provider",
                schema: "identity",
                table: "user_api_keys",
                columns: new[] { "user_id", "provider" });

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                schema: "identity",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                schema: "identity",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                schema: "identity",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                schema: "identity",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                schema: "identity",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_receipts_received_at",
                schema: "upwork",
                table: "webhook_receipts",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_sources_user_id",
                schema: "upwork",
                table: "webhook_sources",
                column: "user_id");

            // Hand-written (carried over from the squashed AiWriter migration): ai.generations becomes monthly range
            // partitions by created_at. The primary key must include the partition key; EF's model keeps (id), which is
            // still unique in practice (ids are UUIDv7). Rows outside every month land in the default partition; the
            // PartitionGenerations job (Modules.Ai) keeps months created ahead of time. The table EF created above is
            // the column template; its index ix_generations_user_id_created_at is created here, on the partitioned table.
            migrationBuilder.Sql("""
                ALTER TABLE ai.generations RENAME TO generations_template;
                CREATE TABLE ai.generations (LIKE ai.generations_template INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (created_at);
                DROP TABLE ai.generations_template;
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
                """);

            // Analytics_WhatWinsBuckets
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

            // Identity_PersonalAccessTokens
            migrationBuilder.CreateTable(
                name: "access_tokens",
                schema: "identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    scopes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_tokens_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_tokens_token_hash",
                schema: "identity",
                table: "access_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_access_tokens_user_id",
                schema: "identity",
                table: "access_tokens",
                column: "user_id");

            // Upwork_JobClaims
            migrationBuilder.CreateTable(
                name: "job_claims",
                schema: "upwork",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    takeover_requested_by = table.Column<Guid>(type: "uuid", nullable: true),
                    takeover_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_claims", x => x.job_posting_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_job_claims_user_id",
                schema: "upwork",
                table: "job_claims",
                column: "user_id");

            // Upwork_ComplianceAndRedFlags
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

            // Identity_JobRuns
            migrationBuilder.CreateTable(
                name: "job_runs",
                schema: "identity",
                columns: table => new
                {
                    job_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    last_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_succeeded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    last_duration_ms = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_runs", x => x.job_key);
                });

            // Upwork_UnannouncedJobsAndSearchStatistics
            migrationBuilder.CreateTable(
                name: "unannounced_jobs",
                schema: "upwork",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unannounced_jobs", x => x.job_posting_id);
                    table.ForeignKey(
                        name: "fk_unannounced_jobs_jobs_job_posting_id",
                        column: x => x.job_posting_id,
                        principalSchema: "upwork",
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unannounced_jobs_created_at",
                schema: "upwork",
                table: "unannounced_jobs",
                column: "created_at");

            // Rows a crash left unannounced keep their place in the sweep.
            migrationBuilder.Sql("INSERT INTO upwork.unannounced_jobs (job_posting_id, created_at) SELECT id, created_at FROM upwork.jobs WHERE announced_at IS NULL;");

            migrationBuilder.DropIndex(
                name: "ix_jobs_announced_at",
                schema: "upwork",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "announced_at",
                schema: "upwork",
                table: "jobs");

            // A higher statistics target on the stored tsvector (default 100): ANALYZE then keeps rare words among the
            // most common elements (10 x target), so the planner reads a rare word's few matches through the GIN index
            // instead of walking the date index (docs/benchmarks.md, "search plans").
            migrationBuilder.Sql("ALTER TABLE upwork.jobs ALTER COLUMN search_vector SET STATISTICS 1000;");
            migrationBuilder.Sql("ANALYZE upwork.jobs;");

            // Upwork_ReviewQueue
            migrationBuilder.AddColumn<bool>(
                name: "is_shared",
                schema: "ai",
                table: "templates",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "proposal_reviews",
                schema: "upwork",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bidder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    letter = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    screening_answers = table.Column<string>(type: "character varying(60000)", maxLength: 60000, nullable: true),
                    quality_score = table.Column<decimal>(type: "numeric(4,3)", precision: 4, scale: 3, nullable: true),
                    quality_notes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    approved_letter = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "review_requirements",
                schema: "upwork",
                columns: table => new
                {
                    bidder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    set_by = table.Column<Guid>(type: "uuid", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_requirements", x => x.bidder_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_reviews_bidder_id",
                schema: "upwork",
                table: "proposal_reviews",
                column: "bidder_id");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_reviews_proposal_id",
                schema: "upwork",
                table: "proposal_reviews",
                column: "proposal_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_proposal_reviews_state_sent_at",
                schema: "upwork",
                table: "proposal_reviews",
                columns: new[] { "state", "sent_at" });

            // Upwork_ScreeningAnswers
            migrationBuilder.AddColumn<string>(
                name: "screening_answers",
                schema: "upwork",
                table: "proposals",
                type: "character varying(60000)",
                maxLength: 60000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answers",
                schema: "ai",
                table: "letter_drafts",
                type: "character varying(60000)",
                maxLength: 60000,
                nullable: true);

            // Identity_SharedProfiles
            migrationBuilder.AddColumn<bool>(
                name: "is_shared",
                schema: "identity",
                table: "freelancer_profiles",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Identity_SharedProfiles (undone)
            migrationBuilder.DropColumn(
                name: "is_shared",
                schema: "identity",
                table: "freelancer_profiles");

            // Upwork_ScreeningAnswers (undone)
            migrationBuilder.DropColumn(
                name: "screening_answers",
                schema: "upwork",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "answers",
                schema: "ai",
                table: "letter_drafts");

            // Upwork_ReviewQueue (undone)
            migrationBuilder.DropColumn(
                name: "is_shared",
                schema: "ai",
                table: "templates");

            migrationBuilder.DropTable(
                name: "proposal_reviews",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "review_requirements",
                schema: "upwork");

            // Upwork_UnannouncedJobsAndSearchStatistics (undone)
            migrationBuilder.Sql("ALTER TABLE upwork.jobs ALTER COLUMN search_vector SET STATISTICS -1;");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "announced_at",
                schema: "upwork",
                table: "jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_jobs_announced_at",
                schema: "upwork",
                table: "jobs",
                column: "announced_at",
                filter: "announced_at IS NULL");

            // Every job without a marker was announced.
            migrationBuilder.Sql("UPDATE upwork.jobs SET announced_at = created_at WHERE id NOT IN (SELECT job_posting_id FROM upwork.unannounced_jobs);");

            migrationBuilder.DropTable(
                name: "unannounced_jobs",
                schema: "upwork");

            // Identity_JobRuns (undone)
            migrationBuilder.DropTable(
                name: "job_runs",
                schema: "identity");

            // Upwork_ComplianceAndRedFlags (undone)
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

            // Upwork_JobClaims (undone)
            migrationBuilder.DropTable(
                name: "job_claims",
                schema: "upwork");

            // Identity_PersonalAccessTokens (undone)
            migrationBuilder.DropTable(
                name: "access_tokens",
                schema: "identity");

            // Analytics_WhatWinsBuckets (undone)
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

            migrationBuilder.DropTable(
                name: "alert_channels",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "alert_deliveries",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "alert_preferences",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "audit_events",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "connection_shares",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "connections",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "daily_metrics",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "freelancer_profiles",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "generations",
                schema: "ai");

            migrationBuilder.DropTable(
                name: "invitations",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "job_access",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "letter_drafts",
                schema: "ai");

            migrationBuilder.DropTable(
                name: "mail_outbox",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "matches",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "mfa_secrets",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "models",
                schema: "ai");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "proposal_facts",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "proposal_history",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "proposal_rollups",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "proposals",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "refresh_tokens",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "role_claims",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "saved_jobs",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "saved_search_follows",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "saved_searches",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "settings",
                schema: "ai");

            migrationBuilder.DropTable(
                name: "subscriptions",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "sync_states",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "templates",
                schema: "ai");

            migrationBuilder.DropTable(
                name: "usage_counters",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "user_api_keys",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "user_claims",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "user_logins",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "user_roles",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "user_tokens",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "webhook_receipts",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "webhook_sources",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "workspace_settings",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "jobs",
                schema: "upwork");

            migrationBuilder.DropTable(
                name: "sessions",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "roles",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "users",
                schema: "identity");
        }
    }
}
