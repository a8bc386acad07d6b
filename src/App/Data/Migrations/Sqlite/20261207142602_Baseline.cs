using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ai_generations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    prompt = table.Column<string>(type: "TEXT", nullable: false),
                    response = table.Column<string>(type: "TEXT", nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    tokens_used = table.Column<int>(type: "INTEGER", nullable: true),
                    cost = table.Column<decimal>(type: "TEXT", precision: 10, scale: 6, nullable: true),
                    quality_score = table.Column<decimal>(type: "TEXT", precision: 3, scale: 2, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<string>(type: "TEXT", nullable: true),
                    cache_hit = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false, defaultValue: ""),
                    latency_ms = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    profile_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    quality = table.Column<string>(type: "TEXT", nullable: true),
                    template_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    time_to_first_token_ms = table.Column<int>(type: "INTEGER", nullable: true),
                    tokens_estimated = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    tokens_in = table.Column<int>(type: "INTEGER", nullable: true),
                    tokens_out = table.Column<int>(type: "INTEGER", nullable: true),
                    tone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    job_text_redacted_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ai_generations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ai_letter_drafts",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ai_letter_drafts", x => new { x.user_id, x.job_posting_id });
                });

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

            migrationBuilder.CreateTable(
                name: "analytics_daily_metrics",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    metric = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_metrics", x => new { x.day, x.metric });
                });

            migrationBuilder.CreateTable(
                name: "analytics_proposal_facts",
                columns: table => new
                {
                    proposal_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    profile_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    hired_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    viewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    replied_at = table.Column<long>(type: "INTEGER", nullable: true),
                    hired_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ai_generated = table.Column<bool>(type: "INTEGER", nullable: false),
                    template = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    job_type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    budget_min = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    budget_max = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    job_posted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    saved_search = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    bid_amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    connects_spent = table.Column<int>(type: "INTEGER", nullable: true),
                    quality = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true),
                    refreshed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    budget_band = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    speed_bucket = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_proposal_facts", x => x.proposal_id);
                });

            migrationBuilder.CreateTable(
                name: "analytics_proposal_rollups",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    profile_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    bucket = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    sent = table.Column<int>(type: "INTEGER", nullable: false),
                    viewed = table.Column<int>(type: "INTEGER", nullable: false),
                    replied = table.Column<int>(type: "INTEGER", nullable: false),
                    hired = table.Column<int>(type: "INTEGER", nullable: false),
                    connects = table.Column<int>(type: "INTEGER", nullable: false),
                    revenue = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    quality_sum = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: false),
                    quality_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_proposal_rollups", x => new { x.user_id, x.profile_id, x.day, x.dimension, x.bucket });
                });

            migrationBuilder.CreateTable(
                name: "analytics_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    plan = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    price = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    interval = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_audit_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 1),
                    last_at = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    upwork_user_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    subscription_plan = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false, defaultValue: "free"),
                    api_usage_count = table.Column<int>(type: "INTEGER", nullable: false),
                    api_usage_limit = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 5),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_login = table.Column<long>(type: "INTEGER", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<long>(type: "INTEGER", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_workspace_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_workspace_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "upwork_alert_channels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    secret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    last_delivered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    confirmation_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    confirmation_token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_alert_channels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_alert_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    notification_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_alert_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_alert_preferences",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    play_sound = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_alert_preferences", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_connection_shares",
                columns: table => new
                {
                    owner_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    shared_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_connection_shares", x => new { x.owner_user_id, x.member_user_id });
                });

            migrationBuilder.CreateTable(
                name: "upwork_connections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    upwork_user_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    upwork_nid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    upwork_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    upwork_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    organization_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    organization_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    access_token = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    refresh_token = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    access_token_expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    refresh_token_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    connected_at = table.Column<long>(type: "INTEGER", nullable: false),
                    refreshed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_sync_at = table.Column<long>(type: "INTEGER", nullable: true),
                    alerts_enabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_connections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    upwork_job_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    budget_min = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    budget_max = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    skills = table.Column<string>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    subcategory = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    job_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    experience_level = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    announced_at = table.Column<long>(type: "INTEGER", nullable: true),
                    client_country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    client_info = table.Column<string>(type: "TEXT", nullable: true),
                    client_payment_verified = table.Column<bool>(type: "INTEGER", nullable: true),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false, defaultValue: ""),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    posted_at = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    proposals_count = table.Column<int>(type: "INTEGER", nullable: true),
                    raw_payload = table.Column<string>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false, defaultValue: ""),
                    url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    owner_user_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_matches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    saved_search_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_stored_at = table.Column<long>(type: "INTEGER", nullable: false),
                    matched_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_matches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    saved_search_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_proposal_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    proposal_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_proposal_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cover_letter = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    bid_amount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    estimated_hours = table.Column<int>(type: "INTEGER", nullable: true),
                    connects_spent = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ai_generated = table.Column<bool>(type: "INTEGER", nullable: false),
                    profile_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    template_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    follow_up_at = table.Column<long>(type: "INTEGER", nullable: true),
                    follow_up_alerted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    upwork_proposal_id = table.Column<string>(type: "TEXT", nullable: true),
                    job_title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    job_expired_at = table.Column<long>(type: "INTEGER", nullable: true),
                    job_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    upwork_job_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_proposals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_saved_jobs",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    saved_at = table.Column<long>(type: "INTEGER", nullable: false),
                    job_expired_at = table.Column<long>(type: "INTEGER", nullable: true),
                    job_title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    job_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    upwork_job_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_saved_jobs", x => new { x.user_id, x.job_posting_id });
                });

            migrationBuilder.CreateTable(
                name: "upwork_saved_search_follows",
                columns: table => new
                {
                    saved_search_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    followed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_saved_search_follows", x => new { x.saved_search_id, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "upwork_saved_searches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    query = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    skills = table.Column<string>(type: "TEXT", nullable: false),
                    job_type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    experience_level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    payment_verified_only = table.Column<bool>(type: "INTEGER", nullable: false),
                    alerts_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    filter_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    budget_max = table.Column<decimal>(type: "TEXT", nullable: true),
                    budget_min = table.Column<decimal>(type: "TEXT", nullable: true),
                    categories = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "[]"),
                    client_min_hires = table.Column<int>(type: "INTEGER", nullable: true),
                    client_min_rating = table.Column<double>(type: "REAL", nullable: true),
                    client_min_spent = table.Column<decimal>(type: "TEXT", nullable: true),
                    countries_exclude = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "[]"),
                    countries_include = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "[]"),
                    exclude_words = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "[]"),
                    hourly_max = table.Column<decimal>(type: "TEXT", nullable: true),
                    hourly_min = table.Column<decimal>(type: "TEXT", nullable: true),
                    max_proposals = table.Column<int>(type: "INTEGER", nullable: true),
                    require_all_skills = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    quiet_from_hour = table.Column<int>(type: "INTEGER", nullable: true),
                    quiet_to_hour = table.Column<int>(type: "INTEGER", nullable: true),
                    is_shared = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_saved_searches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_sync_states",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    high_water_posted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    high_water_ids = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    last_run_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_success_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    next_run_at = table.Column<long>(type: "INTEGER", nullable: true),
                    consecutive_failures = table.Column<int>(type: "INTEGER", nullable: false),
                    last_new_jobs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_sync_states", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "upwork_webhook_receipts",
                columns: table => new
                {
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_webhook_receipts", x => new { x.source_id, x.event_id });
                });

            migrationBuilder.CreateTable(
                name: "upwork_webhook_sources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    secret = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_received_at = table.Column<long>(type: "INTEGER", nullable: true),
                    received_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_webhook_sources", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_role_claims_identity_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "identity_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "identity_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true),
                    used_by_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_invitations_users_created_by",
                        column: x => x.created_by,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_mail_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recipient_cipher = table.Column<string>(type: "TEXT", nullable: false),
                    body_cipher = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_mail_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_mail_outbox_users_user_id",
                        column: x => x.user_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "identity_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    device = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_seen_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_sessions_users_user_id",
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

            migrationBuilder.CreateTable(
                name: "identity_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_identity_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_identity_user_roles_identity_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "identity_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_identity_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_identity_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "upwork_job_access",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    via = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    granted_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_job_access", x => new { x.job_posting_id, x.user_id, x.via });
                    table.ForeignKey(
                        name: "fk_upwork_job_access_jobs_job_posting_id",
                        column: x => x.job_posting_id,
                        principalTable: "upwork_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_refresh_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_refresh_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_refresh_tokens_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "identity_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ai_generations_user_id_created_at",
                table: "ai_generations",
                columns: new[] { "user_id", "created_at" });

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

            migrationBuilder.CreateIndex(
                name: "ix_analytics_proposal_facts_user_id_hired_on",
                table: "analytics_proposal_facts",
                columns: new[] { "user_id", "hired_on" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_proposal_facts_user_id_submitted_on",
                table: "analytics_proposal_facts",
                columns: new[] { "user_id", "submitted_on" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_proposal_rollups_user_id_day_dimension",
                table: "analytics_proposal_rollups",
                columns: new[] { "user_id", "day", "dimension" });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_subscriptions_start",
                table: "analytics_subscriptions",
                column: "start");

            migrationBuilder.CreateIndex(
                name: "ix_identity_audit_events_created_at",
                table: "identity_audit_events",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_identity_audit_events_user_id_created_at",
                table: "identity_audit_events",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_freelancer_profiles_user_id",
                table: "identity_freelancer_profiles",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_invitations_created_by",
                table: "identity_invitations",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_identity_invitations_token_hash",
                table: "identity_invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_mail_outbox_next_attempt_at",
                table: "identity_mail_outbox",
                column: "next_attempt_at");

            migrationBuilder.CreateIndex(
                name: "ix_identity_mail_outbox_user_id",
                table: "identity_mail_outbox",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_refresh_tokens_session_id",
                table: "identity_refresh_tokens",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_refresh_tokens_token_hash",
                table: "identity_refresh_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_role_claims_role_id",
                table: "identity_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "identity_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_sessions_user_id",
                table: "identity_sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_user_api_keys_user_id_provider",
                table: "identity_user_api_keys",
                columns: new[] { "user_id", "provider" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_user_claims_user_id",
                table: "identity_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_user_logins_user_id",
                table: "identity_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_user_roles_role_id",
                table: "identity_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "identity_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "identity_users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_alert_channels_confirmation_token_hash",
                table: "upwork_alert_channels",
                column: "confirmation_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_alert_channels_user_id",
                table: "upwork_alert_channels",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_alert_deliveries_channel_id_notification_id",
                table: "upwork_alert_deliveries",
                columns: new[] { "channel_id", "notification_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_alert_deliveries_delivered_at_next_attempt_at",
                table: "upwork_alert_deliveries",
                columns: new[] { "delivered_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_connection_shares_member_user_id",
                table: "upwork_connection_shares",
                column: "member_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_connections_upwork_user_id",
                table: "upwork_connections",
                column: "upwork_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_connections_user_id",
                table: "upwork_connections",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_job_access_user_id_job_posting_id",
                table: "upwork_job_access",
                columns: new[] { "user_id", "job_posting_id" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_announced_at",
                table: "upwork_jobs",
                column: "announced_at",
                filter: "announced_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_budget_min_budget_max",
                table: "upwork_jobs",
                columns: new[] { "budget_min", "budget_max" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_category",
                table: "upwork_jobs",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_created_at",
                table: "upwork_jobs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_owner_user_id",
                table: "upwork_jobs",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_posted_at",
                table: "upwork_jobs",
                column: "posted_at");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_posted_at_id",
                table: "upwork_jobs",
                columns: new[] { "posted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_source_created_at",
                table: "upwork_jobs",
                columns: new[] { "source", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_upwork_job_id",
                table: "upwork_jobs",
                column: "upwork_job_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_matches_job_posting_id",
                table: "upwork_matches",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_matches_saved_search_id_job_posting_id",
                table: "upwork_matches",
                columns: new[] { "saved_search_id", "job_posting_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_matches_user_id_matched_at",
                table: "upwork_matches",
                columns: new[] { "user_id", "matched_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_notifications_user_id_created_at",
                table: "upwork_notifications",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_notifications_user_id_read_at",
                table: "upwork_notifications",
                columns: new[] { "user_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposal_history_proposal_id_at",
                table: "upwork_proposal_history",
                columns: new[] { "proposal_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposals_job_posting_id",
                table: "upwork_proposals",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposals_user_id_follow_up_at",
                table: "upwork_proposals",
                columns: new[] { "user_id", "follow_up_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposals_user_id_status",
                table: "upwork_proposals",
                columns: new[] { "user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_saved_jobs_job_posting_id",
                table: "upwork_saved_jobs",
                column: "job_posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_saved_search_follows_user_id",
                table: "upwork_saved_search_follows",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_saved_searches_filter_key",
                table: "upwork_saved_searches",
                column: "filter_key");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_saved_searches_user_id",
                table: "upwork_saved_searches",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_webhook_receipts_received_at",
                table: "upwork_webhook_receipts",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_webhook_sources_user_id",
                table: "upwork_webhook_sources",
                column: "user_id");

            // Hand-written (carried over from the squashed JobSearch and Upwork_RetentionEverywhere migrations), not in the
            // EF model: an FTS5 index over title and description, kept in step by triggers (external content: the text is
            // stored once); BrowseJobPostings searches through it. A future migration that rebuilds upwork_jobs must
            // recreate these triggers and rebuild the index. The table is empty here, so there is nothing to back-fill.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE upwork_jobs_fts USING fts5(title, description, content='upwork_jobs', content_rowid='rowid', tokenize=\"unicode61 remove_diacritics 2 tokenchars '#+.-'\");");
            migrationBuilder.Sql("CREATE TRIGGER upwork_jobs_fts_insert AFTER INSERT ON upwork_jobs BEGIN INSERT INTO upwork_jobs_fts(rowid, title, description) VALUES (new.rowid, new.title, new.description); END;");
            migrationBuilder.Sql("CREATE TRIGGER upwork_jobs_fts_delete AFTER DELETE ON upwork_jobs BEGIN INSERT INTO upwork_jobs_fts(upwork_jobs_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description); END;");
            migrationBuilder.Sql("CREATE TRIGGER upwork_jobs_fts_update AFTER UPDATE OF title, description ON upwork_jobs BEGIN INSERT INTO upwork_jobs_fts(upwork_jobs_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description); INSERT INTO upwork_jobs_fts(rowid, title, description) VALUES (new.rowid, new.title, new.description); END;");
            // FTS5 keeps a deleted row's words in its index until segments merge; secure-delete (a persistent setting of the
            // index) removes them with the row, so a purged job's text leaves the search index too (docs/data-retention.md).
            migrationBuilder.Sql("INSERT INTO upwork_jobs_fts(upwork_jobs_fts, rank) VALUES('secure-delete', 1);");

            // Analytics_WhatWinsBuckets
            migrationBuilder.AddColumn<string>(
                name: "client_hires_bucket",
                table: "analytics_proposal_facts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "competition_bucket",
                table: "analytics_proposal_facts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "letter_bucket",
                table: "analytics_proposal_facts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_bucket",
                table: "analytics_proposal_facts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            // Identity_PersonalAccessTokens
            migrationBuilder.CreateTable(
                name: "identity_access_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    scopes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_used_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_used_ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_access_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_access_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "identity_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_access_tokens_token_hash",
                table: "identity_access_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_access_tokens_user_id",
                table: "identity_access_tokens",
                column: "user_id");

            // Upwork_JobClaims
            migrationBuilder.CreateTable(
                name: "upwork_job_claims",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claimed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    takeover_requested_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    takeover_requested_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_job_claims", x => x.job_posting_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_job_claims_user_id",
                table: "upwork_job_claims",
                column: "user_id");

            // Upwork_ComplianceAndRedFlags
            migrationBuilder.AddColumn<bool>(
                name: "hide_red_flagged",
                table: "upwork_saved_searches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "upwork_call_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    operation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_call_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_pauses",
                columns: table => new
                {
                    scope_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    paused_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    paused_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_pauses", x => x.scope_id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_red_flag_dismissals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    dismissed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_red_flag_dismissals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_call_log_at",
                table: "upwork_call_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_call_log_user_id_at",
                table: "upwork_call_log",
                columns: new[] { "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_red_flag_dismissals_user_id_client_key_code",
                table: "upwork_red_flag_dismissals",
                columns: new[] { "user_id", "client_key", "code" },
                unique: true);

            // Identity_JobRuns
            migrationBuilder.CreateTable(
                name: "identity_job_runs",
                columns: table => new
                {
                    job_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    last_run_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_succeeded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_failed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    last_duration_ms = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_job_runs", x => x.job_key);
                });

            // Upwork_UnannouncedJobsAndSearchStatistics
            migrationBuilder.CreateTable(
                name: "upwork_unannounced_jobs",
                columns: table => new
                {
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_unannounced_jobs", x => x.job_posting_id);
                    table.ForeignKey(
                        name: "fk_upwork_unannounced_jobs_upwork_jobs_job_posting_id",
                        column: x => x.job_posting_id,
                        principalTable: "upwork_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_unannounced_jobs_created_at",
                table: "upwork_unannounced_jobs",
                column: "created_at");

            // Rows a crash left unannounced keep their place in the sweep.
            migrationBuilder.Sql("INSERT INTO upwork_unannounced_jobs (job_posting_id, created_at) SELECT id, created_at FROM upwork_jobs WHERE announced_at IS NULL;");

            migrationBuilder.DropIndex(
                name: "ix_upwork_jobs_announced_at",
                table: "upwork_jobs");

            // Not EF's DropColumn: on SQLite that rebuilds upwork_jobs (copy, drop, rename), which drops the FTS5 triggers
            // and renumbers the rowids the FTS index points at. SQLite (3.35+) drops an unindexed column in place.
            migrationBuilder.Sql("ALTER TABLE \"upwork_jobs\" DROP COLUMN \"announced_at\";");

            // Upwork_ReviewQueue
            migrationBuilder.AddColumn<bool>(
                name: "is_shared",
                table: "ai_templates",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "upwork_proposal_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    proposal_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bidder_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job_posting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    letter = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    screening_answers = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: true),
                    quality_score = table.Column<decimal>(type: "TEXT", precision: 4, scale: 3, nullable: true),
                    quality_notes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    approved_letter = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_proposal_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upwork_review_requirements",
                columns: table => new
                {
                    bidder_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    set_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    set_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upwork_review_requirements", x => x.bidder_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposal_reviews_bidder_id",
                table: "upwork_proposal_reviews",
                column: "bidder_id");

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposal_reviews_proposal_id",
                table: "upwork_proposal_reviews",
                column: "proposal_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_proposal_reviews_state_sent_at",
                table: "upwork_proposal_reviews",
                columns: new[] { "state", "sent_at" });

            // Upwork_ScreeningAnswers
            migrationBuilder.AddColumn<string>(
                name: "screening_answers",
                table: "upwork_proposals",
                type: "TEXT",
                maxLength: 60000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answers",
                table: "ai_letter_drafts",
                type: "TEXT",
                maxLength: 60000,
                nullable: true);

            // Identity_SharedProfiles
            migrationBuilder.AddColumn<bool>(
                name: "is_shared",
                table: "identity_freelancer_profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Identity_SharedProfiles (undone)
            migrationBuilder.DropColumn(
                name: "is_shared",
                table: "identity_freelancer_profiles");

            // Upwork_ScreeningAnswers (undone)
            migrationBuilder.DropColumn(
                name: "screening_answers",
                table: "upwork_proposals");

            migrationBuilder.DropColumn(
                name: "answers",
                table: "ai_letter_drafts");

            // Upwork_ReviewQueue (undone)
            migrationBuilder.DropColumn(
                name: "is_shared",
                table: "ai_templates");

            migrationBuilder.DropTable(
                name: "upwork_proposal_reviews");

            migrationBuilder.DropTable(
                name: "upwork_review_requirements");

            // Upwork_UnannouncedJobsAndSearchStatistics (undone)
            migrationBuilder.AddColumn<long>(
                name: "announced_at",
                table: "upwork_jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_upwork_jobs_announced_at",
                table: "upwork_jobs",
                column: "announced_at",
                filter: "announced_at IS NULL");

            // Every job without a marker was announced.
            migrationBuilder.Sql("UPDATE upwork_jobs SET announced_at = created_at WHERE id NOT IN (SELECT job_posting_id FROM upwork_unannounced_jobs);");

            migrationBuilder.DropTable(
                name: "upwork_unannounced_jobs");

            // Identity_JobRuns (undone)
            migrationBuilder.DropTable(
                name: "identity_job_runs");

            // Upwork_ComplianceAndRedFlags (undone)
            migrationBuilder.DropTable(
                name: "upwork_call_log");

            migrationBuilder.DropTable(
                name: "upwork_pauses");

            migrationBuilder.DropTable(
                name: "upwork_red_flag_dismissals");

            migrationBuilder.DropColumn(
                name: "hide_red_flagged",
                table: "upwork_saved_searches");

            // Upwork_JobClaims (undone)
            migrationBuilder.DropTable(
                name: "upwork_job_claims");

            // Identity_PersonalAccessTokens (undone)
            migrationBuilder.DropTable(
                name: "identity_access_tokens");

            // Analytics_WhatWinsBuckets (undone)
            migrationBuilder.DropColumn(
                name: "client_hires_bucket",
                table: "analytics_proposal_facts");

            migrationBuilder.DropColumn(
                name: "competition_bucket",
                table: "analytics_proposal_facts");

            migrationBuilder.DropColumn(
                name: "letter_bucket",
                table: "analytics_proposal_facts");

            migrationBuilder.DropColumn(
                name: "payment_bucket",
                table: "analytics_proposal_facts");

            migrationBuilder.Sql("DROP TRIGGER IF EXISTS upwork_jobs_fts_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS upwork_jobs_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS upwork_jobs_fts_update;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS upwork_jobs_fts;");

            migrationBuilder.DropTable(
                name: "ai_generations");

            migrationBuilder.DropTable(
                name: "ai_letter_drafts");

            migrationBuilder.DropTable(
                name: "ai_models");

            migrationBuilder.DropTable(
                name: "ai_settings");

            migrationBuilder.DropTable(
                name: "ai_templates");

            migrationBuilder.DropTable(
                name: "analytics_daily_metrics");

            migrationBuilder.DropTable(
                name: "analytics_proposal_facts");

            migrationBuilder.DropTable(
                name: "analytics_proposal_rollups");

            migrationBuilder.DropTable(
                name: "analytics_subscriptions");

            migrationBuilder.DropTable(
                name: "identity_audit_events");

            migrationBuilder.DropTable(
                name: "identity_data_protection_keys");

            migrationBuilder.DropTable(
                name: "identity_freelancer_profiles");

            migrationBuilder.DropTable(
                name: "identity_invitations");

            migrationBuilder.DropTable(
                name: "identity_mail_outbox");

            migrationBuilder.DropTable(
                name: "identity_mfa_secrets");

            migrationBuilder.DropTable(
                name: "identity_refresh_tokens");

            migrationBuilder.DropTable(
                name: "identity_role_claims");

            migrationBuilder.DropTable(
                name: "identity_usage_counters");

            migrationBuilder.DropTable(
                name: "identity_user_api_keys");

            migrationBuilder.DropTable(
                name: "identity_user_claims");

            migrationBuilder.DropTable(
                name: "identity_user_logins");

            migrationBuilder.DropTable(
                name: "identity_user_roles");

            migrationBuilder.DropTable(
                name: "identity_user_tokens");

            migrationBuilder.DropTable(
                name: "identity_workspace_settings");

            migrationBuilder.DropTable(
                name: "upwork_alert_channels");

            migrationBuilder.DropTable(
                name: "upwork_alert_deliveries");

            migrationBuilder.DropTable(
                name: "upwork_alert_preferences");

            migrationBuilder.DropTable(
                name: "upwork_connection_shares");

            migrationBuilder.DropTable(
                name: "upwork_connections");

            migrationBuilder.DropTable(
                name: "upwork_job_access");

            migrationBuilder.DropTable(
                name: "upwork_matches");

            migrationBuilder.DropTable(
                name: "upwork_notifications");

            migrationBuilder.DropTable(
                name: "upwork_proposal_history");

            migrationBuilder.DropTable(
                name: "upwork_proposals");

            migrationBuilder.DropTable(
                name: "upwork_saved_jobs");

            migrationBuilder.DropTable(
                name: "upwork_saved_search_follows");

            migrationBuilder.DropTable(
                name: "upwork_saved_searches");

            migrationBuilder.DropTable(
                name: "upwork_sync_states");

            migrationBuilder.DropTable(
                name: "upwork_webhook_receipts");

            migrationBuilder.DropTable(
                name: "upwork_webhook_sources");

            migrationBuilder.DropTable(
                name: "identity_sessions");

            migrationBuilder.DropTable(
                name: "identity_roles");

            migrationBuilder.DropTable(
                name: "upwork_jobs");

            migrationBuilder.DropTable(
                name: "identity_users");
        }
    }
}
