using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Upwork;

/// <summary>Job search on both providers: full text, filters, sort, and hostile input that must never become a 500.</summary>
public abstract class JobSearchTests(AppFixture fixture)
{
    private async Task<(SignedInClient User, string Tag)> SeedAsync()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var tag = "zq" + Guid.NewGuid().ToString("N")[..8];
        foreach (var (title, description, type, min, max, level) in new[]
                 {
                     ($"Python data pipeline {tag}", "Build ETL jobs with Pandas and Airflow for our analytics team.", "hourly", 40m, 70m, "expert"),
                     ($"React dashboard {tag}", "A TypeScript front-end for our logistics platform; Python not needed.", "fixed", 1500m, 1500m, "intermediate"),
                     ($"Logo for a bakery {tag}", "Friendly hand-drawn logo, café vibe, résumé of past work welcome.", "fixed", 200m, 200m, "entry"),
                 })
        {
            var created = await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste",
                new { title, description, jobType = type, budgetMin = min, budgetMax = max, experienceLevel = level, skills = Array.Empty<string>() });
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        return (user, tag);
    }

    private static async Task<List<string>> TitlesAsync(SignedInClient user, string query)
    {
        var page = await user.Http.GetEnvelopeAsync("/api/v1/upwork/jobs?" + query);
        page.Status.ShouldBe(HttpStatusCode.OK, page.Root.GetRawText());
        return page.Data.As<JobPage>().Items.Select(i => i.Title).ToList();
    }

    [Fact]
    public async Task Full_text_finds_words_in_title_and_description_and_filters_narrow_it()
    {
        var (user, tag) = await SeedAsync();
        (await TitlesAsync(user, $"q={tag}+python")).ShouldBe([$"React dashboard {tag}", $"Python data pipeline {tag}"], ignoreOrder: true);
        (await TitlesAsync(user, $"q={tag}+airflow")).ShouldBe([$"Python data pipeline {tag}"]);
        (await TitlesAsync(user, $"q={tag}&jobType=fixed")).ShouldBe([$"React dashboard {tag}", $"Logo for a bakery {tag}"], ignoreOrder: true);
        (await TitlesAsync(user, $"q={tag}&jobType=fixed&budgetMin=1000")).ShouldBe([$"React dashboard {tag}"]);
        (await TitlesAsync(user, $"q={tag}&experienceLevel=entry")).ShouldBe([$"Logo for a bakery {tag}"]);
        (await TitlesAsync(user, $"q={tag}+caf%C3%A9")).ShouldBe([$"Logo for a bakery {tag}"]);   // Unicode
        (await TitlesAsync(user, $"q={tag}&postedWithinDays=1&source=paste")).Count.ShouldBe(3);
        (await TitlesAsync(user, $"q={tag}+python&sort=relevance")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_search_asked_again_lists_a_job_stored_since_and_never_shows_one_user_another_users_pasted_job()
    {
        var (user, tag) = await SeedAsync();
        var other = await fixture.App.CreateSignedInClientAsync();
        (await TitlesAsync(user, $"q={tag}")).Count.ShouldBe(3);
        (await TitlesAsync(other, $"q={tag}")).ShouldBeEmpty();   // pasted jobs are their owner's

        (await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title = $"Late arrival {tag}" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The same search, asked again at once, is not served stale from the page cache.
        (await TitlesAsync(user, $"q={tag}")).ShouldContain($"Late arrival {tag}");
        (await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={tag}")).Data.As<JobPage>().Total.ShouldBe(4);
        (await TitlesAsync(other, $"q={tag}")).ShouldBeEmpty();
    }

    public static TheoryData<string> Hostile => new()
    {
        "\"unbalanced", "100%", "a%' OR 1=1 --", "'; DROP TABLE upwork.jobs; --", "NEAR(a b)", "title:x AND y*", "(((", "\\", "* * *", "🙂 emoji",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_queries_return_normal_results_never_an_error(string q)
    {
        var (user, _) = await SeedAsync();
        var page = await user.Http.GetEnvelopeAsync("/api/v1/upwork/jobs?q=" + Uri.EscapeDataString(q));
        page.Status.ShouldBe(HttpStatusCode.OK, page.Root.GetRawText());
    }

    [Fact]
    public async Task An_oversized_query_or_a_bad_filter_is_a_400_naming_the_field()
    {
        var (user, _) = await SeedAsync();
        var huge = await user.Http.GetEnvelopeAsync("/api/v1/upwork/jobs?q=" + new string('a', 10_000));
        huge.Status.ShouldBe(HttpStatusCode.BadRequest);
        huge.Errors.Single().Field.ShouldBe("q");
        var bad = await user.Http.GetEnvelopeAsync("/api/v1/upwork/jobs?jobType=weekly&sort=random");
        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.Errors.Select(e => e.Field).ShouldBe(["jobType", "sort"], ignoreOrder: true);
    }

    private static async Task<string> PasteAsync(SignedInClient user, string title)
    {
        var created = await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste",
            new { title, description = "Keyset paging test job.", jobType = "fixed", budgetMin = 100m, budgetMax = 100m, skills = Array.Empty<string>() });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return title;
    }

    [Fact]
    public async Task Cursor_pages_cover_every_job_exactly_once_even_when_new_jobs_arrive_between_pages()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var tag = "ks" + Guid.NewGuid().ToString("N")[..8];
        var before = new List<string>();
        for (var i = 0; i < 7; i++) before.Add(await PasteAsync(user, $"Keyset {tag} old {i}"));

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={tag}&limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            page.Status.ShouldBe(HttpStatusCode.OK, page.Root.GetRawText());
            var jobs = page.Data.As<JobPage>();
            seen.AddRange(jobs.Items.Select(i => i.Title));
            jobs.Total.ShouldBeGreaterThanOrEqualTo(7);
            cursor = jobs.NextCursor;
            // New jobs arrive while the user reads: they are newer than the cursor, so they never shift the pages still to come.
            await PasteAsync(user, $"Keyset {tag} new {pages}");
            pages++;
        }
        while (cursor is not null && pages < 10);

        cursor.ShouldBeNull();
        pages.ShouldBe(3);
        seen.Count.ShouldBe(seen.Distinct().Count(), "no job twice");
        seen.Where(t => t.Contains(" old ")).ShouldBe(Enumerable.Range(0, 7).Reverse().Select(i => $"Keyset {tag} old {i}"));   // newest first, none skipped
    }

    [Fact]
    public async Task A_tampered_or_misplaced_cursor_is_a_400_naming_cursor_and_offset_still_pages()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var tag = "kt" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++) await PasteAsync(user, $"Tamper {tag} {i}");
        var first = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={tag}&limit=1");
        var cursor = first.Data.As<JobPage>().NextCursor!;
        var tampered = cursor[..10] + (cursor[10] == 'A' ? 'B' : 'A') + cursor[11..];

        foreach (var bad in new[] { tampered, "not-a-cursor", cursor + "x", "%27%20OR%201%3D1" })
        {
            var answer = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={tag}&limit=1&cursor={Uri.EscapeDataString(bad)}");
            answer.Status.ShouldBe(HttpStatusCode.BadRequest, bad);
            answer.Errors.Select(e => e.Field).ShouldBe(["cursor"], bad);
        }
        var relevance = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={tag}&sort=relevance&cursor={Uri.EscapeDataString(cursor)}");
        relevance.Status.ShouldBe(HttpStatusCode.BadRequest);
        relevance.Errors.Select(e => e.Field).ShouldBe(["cursor"]);

        var second = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={tag}&limit=1&cursor={Uri.EscapeDataString(cursor)}");
        var byOffset = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={tag}&limit=1&offset=1");
        second.Status.ShouldBe(HttpStatusCode.OK);
        byOffset.Data.As<JobPage>().Items[0].Title.ShouldBe(second.Data.As<JobPage>().Items[0].Title);
        var ranked = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={tag}&sort=relevance&limit=1&offset=2");
        ranked.Data.As<JobPage>().Items.Count.ShouldBe(1);
        ranked.Data.As<JobPage>().NextCursor.ShouldBeNull();
    }
}

public sealed class PostgresJobSearchTests(PostgresApp fixture) : JobSearchTests(fixture), IClassFixture<PostgresApp>;

public sealed class SqliteJobSearchTests(SqliteApp fixture) : JobSearchTests(fixture), IClassFixture<SqliteApp>;

/// <summary>
/// PostgreSQL at volume: when the planner expects far more than 10,000 matches the count is skipped and the page says
/// "10,000+" at once; a narrow search is still counted exactly.
/// </summary>
public sealed class PostgresJobSearchAtVolumeTests(PostgresApp fixture) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_broad_search_says_ten_thousand_plus_and_a_narrow_one_is_counted_exactly()
    {
        var ingest = fixture.App.Services.GetRequiredService<Modules.Upwork.Postings.IngestJobPostings>();
        var random = new Random(5);
        var now = DateTimeOffset.UtcNow;
        var tag = "zv" + Guid.NewGuid().ToString("N")[..8];
        var drafts = Enumerable.Range(0, 30_000).Select(i => Modules.Upwork.Features.GenerateDemoPostings.DemoJobGenerator.Create(random, now.AddSeconds(-i))
            with
        { SourceId = $"volume:{i}:{Guid.NewGuid():N}", Source = "upwork", IsDemo = false, Title = i % 10_000 == 0 ? $"Rare {tag} job" : $"Common job {i}" }).ToList();
        var user = await fixture.App.CreateSignedInClientAsync();
        // As the user's own connection fetched them (issue 16: nobody else sees them).
        var fetched = new Modules.Upwork.Postings.JobGrant(user.UserId, "fetch");
        foreach (var chunk in drafts.Chunk(5_000)) await ingest.RunAsync(chunk, CancellationToken.None, fetched);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<Shared.Data.AppDbContext>>().CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE upwork.jobs");   // autovacuum would, a little later
            await db.Database.ExecuteSqlRawAsync("ANALYZE upwork.job_access");
        }

        var broad = await user.Http.GetEnvelopeAsync("/api/v1/upwork/jobs?q=common&limit=5");
        var narrow = await user.Http.GetEnvelopeAsync($"/api/v1/upwork/jobs?q={tag}&limit=5");

        var (wide, few) = (broad.Data.As<JobPage>(), narrow.Data.As<JobPage>());
        wide.Total.ShouldBe(10_000);
        wide.TotalCapped.ShouldBeTrue();
        wide.Items.Count.ShouldBe(5);
        few.Total.ShouldBe(3);
        few.TotalCapped.ShouldBeFalse();
    }
}
