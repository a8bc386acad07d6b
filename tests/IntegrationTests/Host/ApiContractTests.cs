using Microsoft.EntityFrameworkCore;
using Modules.Upwork.Data;

namespace IntegrationTests.Host;

public sealed class PostgresApiContractTests(PostgresApp fixture) : ApiContractTests(fixture), IClassFixture<PostgresApp>;

public sealed class SqliteApiContractTests(SqliteApp fixture) : ApiContractTests(fixture), IClassFixture<SqliteApp>;

/// <summary>The /api/v1 contract every module relies on, checked on both database providers.</summary>
public abstract class ApiContractTests(AppFixture fixture) : IAsyncLifetime
{
    private HttpClient _client = null!;
    private Guid _userId;

    public async Task InitializeAsync()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        (_client, _userId) = (user.Http, user.UserId);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/api/v1/upwork/jobs")]
    [InlineData("/api/v1/ai/providers")]
    [InlineData("/api/v1/analytics/dashboard")]
    [InlineData("/api/v1/auth/profile")]
    public async Task Without_a_token_a_protected_endpoint_is_a_401_envelope_not_a_redirect(string url)
    {
        var anonymous = fixture.App.CreateClient(new() { AllowAutoRedirect = false });

        var envelope = await anonymous.GetEnvelopeAsync(url);

        envelope.Status.ShouldBe(HttpStatusCode.Unauthorized);
        envelope.Success.ShouldBeFalse();
    }

    [Theory]
    [InlineData("/api/v1/auth/password-policy")]
    [InlineData("/api/v1/upwork/jobs")]
    [InlineData("/api/v1/ai/providers")]
    [InlineData("/api/v1/analytics/dashboard")]
    public async Task Every_module_endpoint_answers_in_the_envelope(string url)
    {
        var envelope = await _client.GetEnvelopeAsync(url);

        envelope.Status.ShouldBe(HttpStatusCode.OK);
        envelope.Success.ShouldBeTrue();
        envelope.Message.ShouldBe("Success");
        envelope.Data.ValueKind.ShouldNotBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Payloads_are_camel_case()
    {
        var envelope = await _client.GetEnvelopeAsync("/api/v1/auth/password-policy");

        envelope.Data.GetProperty("minimumLength").GetInt32().ShouldBe(8);
        envelope.Data.TryGetProperty("MinimumLength", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Migrations_applied_from_empty_create_every_module_table()
    {
        await using var db = await fixture.App.CreateDbContextAsync();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        var tables = await TableNamesAsync(db);
        var expected = fixture.Database == DatabaseKind.Postgres
            ? new[] { "identity.users", "upwork.jobs", "ai.generations", "analytics.daily_metrics" }
            : ["identity_users", "upwork_jobs", "ai_generations", "analytics_daily_metrics"];
        foreach (var table in expected) tables.ShouldContain(table);
    }

    [Fact]
    public async Task A_validation_error_is_a_400_that_names_the_field()
    {
        var envelope = await _client.GetEnvelopeAsync("/api/v1/upwork/jobs?limit=1000");

        envelope.Status.ShouldBe(HttpStatusCode.BadRequest);
        envelope.Success.ShouldBeFalse();
        envelope.Errors.ShouldHaveSingleItem().Field.ShouldBe("limit");
        envelope.Errors[0].Message.ShouldContain("between 1 and 100");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_400_that_names_the_field_not_a_500()
    {
        var envelope = await _client.GetEnvelopeAsync("/api/v1/upwork/jobs?limit=ten");

        envelope.Status.ShouldBe(HttpStatusCode.BadRequest);
        envelope.Errors.ShouldHaveSingleItem().Field.ShouldBe("limit");
        envelope.Message.ShouldNotContain("Nullable");
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_envelope()
    {
        var envelope = await _client.GetEnvelopeAsync("/api/v1/no-such-thing");

        envelope.Status.ShouldBe(HttpStatusCode.NotFound);
        envelope.Success.ShouldBeFalse();
        envelope.Message.ShouldContain("/api/v1/no-such-thing");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_envelope()
    {
        var envelope = await Envelope.ReadAsync(await _client.DeleteAsync("/api/v1/upwork/jobs"));

        envelope.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        envelope.Success.ShouldBeFalse();
    }

    [Fact]
    public async Task A_missing_resource_is_a_404_envelope_and_a_stored_one_is_returned()
    {
        var id = Guid.NewGuid();
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            db.JobPostings().Add(new JobPosting
            {
                Id = id, UpworkJobId = "~02" + id.ToString("N")[..16], Title = "Blazor dashboard for a logistics firm",
                Skills = ["Blazor", "C#"], JobType = "fixed", BudgetMax = 1500m, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                PostedAt = DateTimeOffset.UtcNow, ContentHash = "test",
            });
            // As if this user's own connection had fetched it (issue 16): nobody else may see it.
            db.Set<JobAccess>().Add(new JobAccess { JobPostingId = id, UserId = _userId, Via = JobAccessVia.Fetch, GrantedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var found = await _client.GetEnvelopeAsync($"/api/v1/upwork/jobs/{id}");
        var other = await fixture.App.CreateSignedInClientAsync();
        (await other.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var missing = await _client.GetEnvelopeAsync($"/api/v1/upwork/jobs/{Guid.NewGuid()}");

        found.Status.ShouldBe(HttpStatusCode.OK);
        found.Data.GetProperty("summary").GetProperty("title").GetString().ShouldBe("Blazor dashboard for a logistics firm");
        found.Data.GetProperty("summary").GetProperty("skills").EnumerateArray().Select(s => s.GetString()).ShouldBe(["Blazor", "C#"]);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.Success.ShouldBeFalse();
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_envelope_with_the_request_id_and_no_internals()
    {
        var response = await _client.GetAsync(FaultInjection.ThrowPath);
        var body = await response.Content.ReadAsStringAsync();
        var envelope = await Envelope.ReadAsync(response);

        envelope.Status.ShouldBe(HttpStatusCode.InternalServerError);
        envelope.Success.ShouldBeFalse();
        envelope.Message.ShouldContain(envelope.RequestId);
        body.ShouldNotContain("hunter2");
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task A_well_formed_request_id_is_echoed_and_a_malformed_one_is_replaced()
    {
        using var good = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ai/providers") { Headers = { { "X-Request-Id", "client-req-42" } } };
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ai/providers") { Headers = { { "X-Request-Id", "<script>alert(1)</script>" } } };

        var echoed = await Envelope.ReadAsync(await _client.SendAsync(good));
        var replaced = await Envelope.ReadAsync(await _client.SendAsync(bad));

        echoed.RequestId.ShouldBe("client-req-42");
        replaced.RequestId.ShouldNotContain("<");
        Guid.TryParse(replaced.RequestId, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_envelope()
    {
        using var content = new ByteArrayContent(new byte[1024 * 1024 + 1]);
        content.Headers.ContentType = new("application/json");

        var envelope = await Envelope.ReadAsync(await _client.PostAsync("/api/v1/upwork/jobs", content));

        envelope.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        envelope.Success.ShouldBeFalse();
    }

    [Fact]
    public async Task Ready_reports_the_database()
    {
        var response = await _client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        var database = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
        database.GetProperty("status").GetString().ShouldBe("Healthy");
        database.GetProperty("data").GetProperty("provider").GetString().ShouldBe(fixture.Database.ToString());
        (await _client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Metrics_count_a_request_just_served()
    {
        const string series = "api_requests_total{endpoint=\"/api/v1/upwork/jobs/{id:guid}\",method=\"GET\",status=\"404\"}";
        var before = MetricValue(await _client.GetStringAsync("/metrics"), series);

        await _client.GetAsync($"/api/v1/upwork/jobs/{Guid.NewGuid()}");
        var after = await _client.GetStringAsync("/metrics");

        // Other test classes run in parallel against the same process-wide registry: at least our request is counted.
        MetricValue(after, series).ShouldBeGreaterThanOrEqualTo(before + 1);
        after.ShouldContain("api_response_time_seconds_bucket{endpoint=\"/api/v1/upwork/jobs/{id:guid}\",method=\"GET\"");
    }

    [Fact]
    public async Task Openapi_document_lists_every_module_and_the_docs_page_is_served()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        paths.ShouldContain("/api/v1/upwork/jobs");
        paths.ShouldContain("/api/v1/auth/password-policy");
        paths.ShouldContain("/api/v1/ai/providers");
        paths.ShouldContain("/api/v1/analytics/dashboard");
        var docs = await _client.GetAsync("/api/docs/");
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docs.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }

    [Fact]
    public async Task Pages_ask_a_visitor_to_sign_in_and_an_unknown_page_is_a_friendly_404()
    {
        var browser = fixture.App.CreateClient();
        var home = await browser.GetAsync("/");
        var missing = await browser.GetAsync("/no/such/page");

        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        home.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/login");
        (await home.Content.ReadAsStringAsync()).ShouldContain("Sign in");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("This page does not exist");
    }

    private static double MetricValue(string exposition, string series)
    {
        var line = exposition.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> TableNamesAsync(Shared.Data.AppDbContext db)
    {
        var sql = fixture.Database == DatabaseKind.Postgres
            ? "SELECT table_schema || '.' || table_name AS \"Value\" FROM information_schema.tables WHERE table_schema IN ('identity','upwork','ai','analytics')"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }
}
