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
        return page.Data.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
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
}

public sealed class PostgresJobSearchTests(PostgresApp fixture) : JobSearchTests(fixture), IClassFixture<PostgresApp>;

public sealed class SqliteJobSearchTests(SqliteApp fixture) : JobSearchTests(fixture), IClassFixture<SqliteApp>;
