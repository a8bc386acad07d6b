using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shared.Data;
using static IntegrationTests.Ai.AiTestData;

namespace IntegrationTests.Ai;

/// <summary>
/// A letter asked for again is served the short way, found from the request and version stamps without resolving its
/// inputs (docs/benchmarks.md, "A cached letter"). These tests change one input between two identical requests and
/// check the second is never the stale letter: a change the change tracker sees (a profile edited), and changes it does
/// not (a template unshared or deleted with <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>). On SQLite the stamps live in
/// the process; on PostgreSQL with Redis they are Redis keys shared by every instance.
/// </summary>
public abstract class LetterRepeatTests(AppFixture app)
{
    [Fact]
    public async Task A_repeat_is_served_from_the_cache_until_the_profile_it_was_written_with_changes()
    {
        var user = await app.App.CreateSignedInClientAsync();
        var jobId = await PasteJobAsync(user);
        var profileId = await CreateProfileAsync(user);
        var body = new { jobPostingId = jobId, tone = "direct" };

        var first = await LetterAsync(user, body);
        var repeat = await LetterAsync(user, body);
        repeat.GetProperty("cacheHit").GetBoolean().ShouldBeTrue();
        repeat.GetProperty("text").GetString().ShouldBe(first.GetProperty("text").GetString());

        var edited = await Envelope.ReadAsync(await user.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{profileId}", new
        {
            title = "Python backend engineer",
            overview = "I build data pipelines and APIs with Python and Django for startups.",
            skills = new[] { "Python", "Django", "PostgreSQL", "Airflow" },
            yearsOfExperience = 7,
            isDefault = true,
            portfolio = new[] { new { title = "Grain silo telemetry", url = "https://example.com/grain", description = "Streamed readings from 300 silos into PostgreSQL.", skills = new[] { "Python", "PostgreSQL" } } },
        }));
        edited.Status.ShouldBe(HttpStatusCode.OK, edited.Root.GetRawText());

        var after = await LetterAsync(user, body);
        after.GetProperty("cacheHit").GetBoolean().ShouldBeFalse();
        after.GetProperty("text").GetString()!.ShouldContain("Grain silo telemetry");
        (await LetterAsync(user, body)).GetProperty("cacheHit").GetBoolean().ShouldBeTrue();   // and the new letter is the repeat now
        // Each request has its own accounting row, the repeats included.
        var history = (await user.Http.GetEnvelopeAsync($"/api/v1/ai/generations?jobPostingId={jobId}")).Data.EnumerateArray().ToList();
        history.Count.ShouldBe(4);
        history.Count(h => h.GetProperty("cacheHit").GetBoolean()).ShouldBe(2);
    }

    [Fact]
    public async Task Repeats_asked_for_at_once_are_each_accounted_for_once_in_the_history()
    {
        var user = await app.App.CreateSignedInClientAsync();
        var jobId = await PasteJobAsync(user);
        await CreateProfileAsync(user);
        var body = new { jobPostingId = jobId, tone = "formal" };
        await LetterAsync(user, body);

        var repeats = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => LetterAsync(user, body)));

        repeats.ShouldAllBe(r => r.GetProperty("cacheHit").GetBoolean());
        var ids = repeats.Select(r => r.GetProperty("id").GetGuid()).ToList();
        ids.Distinct().Count().ShouldBe(20);
        // Their rows are written off the request path; the history waits for those served before it was asked for.
        var history = (await user.Http.GetEnvelopeAsync($"/api/v1/ai/generations?jobPostingId={jobId}")).Data.EnumerateArray().ToList();
        history.Count.ShouldBe(21);
        history.Where(h => h.GetProperty("cacheHit").GetBoolean()).Select(h => h.GetProperty("id").GetGuid()).Order().ShouldBe(ids.Order());
        var one = await user.Http.GetEnvelopeAsync($"/api/v1/ai/generations/{ids[^1]}");
        one.Data.GetProperty("cost").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Every_table_a_letter_is_made_from_is_watched_by_its_real_name()
    {
        var watched = app.App.Services.GetRequiredService<IOptions<TableStampOptions>>().Value.Tables;
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).Select(TableStamps.NameOf).ToHashSet();

        watched.ShouldNotBeEmpty();
        watched.Where(t => !tables.Contains(t)).ShouldBeEmpty("a watched table is not in the model: renamed? its writes would no longer bump the stamp");
    }

    internal static async Task<JsonElement> LetterAsync(SignedInClient user, object body)
    {
        var letter = await Envelope.ReadAsync(await GenerateAsync(user, body));
        letter.Status.ShouldBe(HttpStatusCode.OK, letter.Root.GetRawText());
        return letter.Data;
    }
}

public sealed class LetterRepeatSqliteTests(SqliteApp app) : LetterRepeatTests(app), IClassFixture<SqliteApp>;

public sealed class LetterRepeatPostgresRedisTests(LetterRepeatPostgresRedisTests.App app) : LetterRepeatTests(app), IClassFixture<LetterRepeatPostgresRedisTests.App>
{
    /// <summary>PostgreSQL with Redis: the stamps are Redis keys (a prefix of the class's own).</summary>
    public sealed class App() : AppFixture(DatabaseKind.Postgres)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Redis:Connection"] = TestEnvironment.Redis, ["Redis:Prefix"] = "ua-test-" + Guid.NewGuid().ToString("N")[..8],
        };
    }
}

/// <summary>
/// The same for a teammate's letter written with the admin's shared template: unsharing (<c>ExecuteUpdate</c>) and
/// deleting (<c>ExecuteDelete</c>) it, writes the change tracker does not see, stop the repeat. PostgreSQL with Redis, on
/// a class of its own so that its first account is the admin.
/// </summary>
public sealed class LetterRepeatTeamTests(LetterRepeatPostgresRedisTests.App app) : IClassFixture<LetterRepeatPostgresRedisTests.App>
{
    private const string Body = "Write a {tone} letter for {job_title}: {job_description}";

    [Fact]
    public async Task A_shared_template_unshared_or_deleted_by_the_admin_is_not_served_from_a_teammates_cache()
    {
        var admin = await app.App.CreateSignedInClientAsync();   // the install's first account: its admin
        var anna = await app.App.CreateSignedInClientAsync();
        var template = await CreateTemplateAsync(admin);
        (await admin.Http.PutAsJsonAsync($"/api/v1/ai/templates/{template}/sharing", new { shared = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var jobId = await PasteJobAsync(anna);
        await CreateProfileAsync(anna);
        var body = new { jobPostingId = jobId, templateId = template.ToString() };
        await LetterRepeatTests.LetterAsync(anna, body);
        (await LetterRepeatTests.LetterAsync(anna, body)).GetProperty("cacheHit").GetBoolean().ShouldBeTrue();

        (await admin.Http.PutAsJsonAsync($"/api/v1/ai/templates/{template}/sharing", new { shared = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await TemplateNotFoundAsync(anna, body);

        // Shared again, written again and cached; then deleted.
        (await admin.Http.PutAsJsonAsync($"/api/v1/ai/templates/{template}/sharing", new { shared = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await LetterRepeatTests.LetterAsync(anna, body);
        (await LetterRepeatTests.LetterAsync(anna, body)).GetProperty("cacheHit").GetBoolean().ShouldBeTrue();
        (await admin.Http.DeleteAsync($"/api/v1/ai/templates/{template}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await TemplateNotFoundAsync(anna, body);
    }

    private static async Task TemplateNotFoundAsync(SignedInClient user, object body)
    {
        var refused = await Envelope.ReadAsync(await GenerateAsync(user, body));
        refused.Status.ShouldBe(HttpStatusCode.NotFound, refused.Root.GetRawText());
        refused.Root.GetRawText().ShouldContain("templateId");
    }

    private static async Task<Guid> CreateTemplateAsync(SignedInClient who)
    {
        var created = await Envelope.ReadAsync(await who.Http.PostAsJsonAsync("/api/v1/ai/templates",
            new { name = "Team letter " + Guid.NewGuid().ToString("N")[..6], body = Body, description = "For the team" }));
        created.Status.ShouldBe(HttpStatusCode.Created, created.Root.GetRawText());
        return Guid.Parse(created.Data.GetProperty("id").GetString()!);
    }
}
