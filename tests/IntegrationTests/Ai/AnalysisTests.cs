using Microsoft.Extensions.DependencyInjection;
using Modules.Upwork.Features.GenerateDemoPostings;
using Modules.Upwork.Postings;
using static IntegrationTests.Ai.AiTestData;

namespace IntegrationTests.Ai;

/// <summary>The offline analysis, the smart filter and the models that learn from the workspace's data, through the API.</summary>
public sealed class AnalysisTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static readonly string[] Fields =
        ["difficulty", "competition", "budgetAdequacy", "skillsMatch", "complexity", "clientReliability", "recommendedBid", "successProbability", "fitScore"];

    [Fact]
    public async Task The_analysis_has_every_field_of_the_spec_each_with_a_reason_and_values_in_range()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var jobId = await PasteJobAsync(user);
        var profileId = await CreateProfileAsync(user);

        var response = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/ai/analyze-job", new { jobPostingId = jobId, profileId }));

        response.Status.ShouldBe(HttpStatusCode.OK, response.Root.ToString());
        var a = response.Data;
        foreach (var field in Fields)
        {
            a.TryGetProperty(field, out var value).ShouldBeTrue(field);
            value.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace(field);
        }
        foreach (var score in new[] { "difficulty", "competition", "budgetAdequacy" })
            a.GetProperty(score).GetProperty("value").GetInt32().ShouldBeInRange(1, 10, score);
        a.GetProperty("fitScore").GetProperty("value").GetInt32().ShouldBeInRange(0, 100);
        var skills = a.GetProperty("skillsMatch");
        skills.GetProperty("matched").EnumerateArray().Select(m => m.GetProperty("skill").GetString()).ShouldBe(["Python", "Django", "PostgreSQL"], ignoreOrder: true);
        skills.GetProperty("missing").GetArrayLength().ShouldBe(0);
        var bid = a.GetProperty("recommendedBid");
        bid.GetProperty("min").GetDecimal().ShouldBeLessThanOrEqualTo(bid.GetProperty("max").GetDecimal());
        a.GetProperty("successProbability").GetProperty("value").GetDouble().ShouldBeInRange(0, 1);

        // The same question again is served from the cache, identical.
        var again = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/ai/analyze-job", new { jobPostingId = jobId, profileId }));
        again.Data.GetProperty("analyzedAt").GetString().ShouldBe(a.GetProperty("analyzedAt").GetString());
    }

    [Fact]
    public async Task A_job_asking_for_skills_the_profile_lacks_lists_them_as_missing()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var jobId = await PasteJobAsync(user, "We need a brand identity and a logo for a bakery.", "Logo for a bakery", ["Logo Design", "Adobe Illustrator"]);
        await CreateProfileAsync(user);

        var a = (await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/ai/analyze-job", new { jobPostingId = jobId }))).Data.As<JobAnalysis>();

        a.SkillsMatch.Missing.ShouldBe(["Logo Design", "Adobe Illustrator"], ignoreOrder: true);
        a.SkillsMatch.Reason.ShouldContain("Logo Design");
    }

    [Fact]
    public async Task The_smart_filter_ranks_the_jobs_that_fit_the_profile_first_with_reasons()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        await CreateProfileAsync(user);
        var logo = await PasteJobAsync(user, "Logo and brand kit.", "Logo for a bakery", ["Logo Design", "Adobe Illustrator"]);
        var python = await PasteJobAsync(user);
        var vague = await PasteJobAsync(user, "Help with our spreadsheets.", "Spreadsheet help", ["Excel"]);

        var ranked = (await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/ai/smart-filter", new { jobPostingIds = new[] { logo, python, vague } }))).Data
            .As<IReadOnlyList<FitRanking>>();

        ranked.Count.ShouldBe(3);
        ranked[0].JobPostingId.ShouldBe(python);
        ranked[0].Reasons.Count.ShouldBeGreaterThan(0);
        ranked.Select(r => r.FitScore).ShouldBeInOrder(SortDirection.Descending);
        var stranger = await fixture.App.CreateSignedInClientAsync();
        (await Envelope.ReadAsync(await stranger.Http.PostAsJsonAsync("/api/v1/ai/smart-filter", new { jobPostingIds = new[] { logo, python } }))).Data.As<IReadOnlyList<FitRanking>>().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_jobs_list_sorted_by_fit_puts_the_best_fit_first_and_shows_each_score()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        await CreateProfileAsync(user);
        var logo = await PasteJobAsync(user, "Logo and brand kit.", "Logo for a bakery", ["Logo Design", "Adobe Illustrator"]);
        var python = await PasteJobAsync(user);

        var page = await user.Http.GetEnvelopeAsync("/api/v1/upwork/jobs?sort=fit&source=paste");

        page.Status.ShouldBe(HttpStatusCode.OK, page.Root.ToString());
        var items = page.Data.As<JobPage>().Items;
        items.Select(i => i.Id).ShouldBe([python, logo]);
        items[0].FitScore!.Value.ShouldBeGreaterThan(items[1].FitScore!.Value);
        (await user.Http.GetEnvelopeAsync("/api/v1/upwork/jobs?sort=cheapest")).Errors.Single().Field.ShouldBe("sort");
    }

    [Fact]
    public async Task Sorting_by_fit_again_reuses_each_jobs_score_and_scores_only_a_job_that_arrived_since()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        await CreateProfileAsync(user);
        await PasteJobAsync(user, "Logo and brand kit.", "Logo for a bakery", ["Logo Design", "Adobe Illustrator"]);
        await PasteJobAsync(user);
        var first = Scores(await user.Http.GetEnvelopeAsync("/api/v1/upwork/jobs?sort=fit&source=paste"));
        var missesBefore = await FitMissesAsync();

        var again = Scores(await user.Http.GetEnvelopeAsync("/api/v1/upwork/jobs?sort=fit&source=paste"));
        var missesAgain = await FitMissesAsync();
        await PasteJobAsync(user, "Reports in SQL.", "SQL reports for a shop", ["SQL"]);
        var third = Scores(await user.Http.GetEnvelopeAsync("/api/v1/upwork/jobs?sort=fit&source=paste"));

        again.ShouldBe(first);
        missesAgain.ShouldBe(missesBefore, "no job analysed twice");
        (await FitMissesAsync() - missesBefore).ShouldBe(1, "only the new job analysed");
        third.Count.ShouldBe(3);
    }

    private static List<(Guid Id, int Score)> Scores(Envelope page) =>
        page.Data.As<JobPage>().Items.Select(i => (i.Id, i.FitScore!.Value)).ToList();

    private async Task<double> FitMissesAsync()
    {
        var metrics = await fixture.App.CreateClient().GetStringAsync("/metrics");
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("cache_requests_total{entry=\"ai_fit\",result=\"miss\"}", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Another_users_job_or_profile_is_not_found_and_bad_input_names_the_field()
    {
        var owner = await fixture.App.CreateSignedInClientAsync();
        var other = await fixture.App.CreateSignedInClientAsync();
        var jobId = await PasteJobAsync(owner);
        var profileId = await CreateProfileAsync(owner);

        (await Envelope.ReadAsync(await other.Http.PostAsJsonAsync("/api/v1/ai/analyze-job", new { jobPostingId = jobId }))).Errors.Single().Field.ShouldBe("jobPostingId");
        var otherJob = await PasteJobAsync(other);
        var foreignProfile = await Envelope.ReadAsync(await other.Http.PostAsJsonAsync("/api/v1/ai/analyze-job", new { jobPostingId = otherJob, profileId }));
        foreignProfile.Status.ShouldBe(HttpStatusCode.NotFound);
        foreignProfile.Errors.Single().Field.ShouldBe("profileId");
        (await Envelope.ReadAsync(await other.Http.PostAsJsonAsync("/api/v1/ai/analyze-job", new { }))).Errors.Single().Field.ShouldBe("jobPostingId");
        var nullSkill = await Envelope.ReadAsync(await other.Http.PostAsync("/api/v1/ai/analyze-job",
            new StringContent("""{"job":{"title":"Inline","skills":["Python",null]}}""", System.Text.Encoding.UTF8, "application/json")));
        nullSkill.Status.ShouldBe(HttpStatusCode.BadRequest);
        nullSkill.Errors.Single().Field.ShouldBe("job.skills");
        (await Envelope.ReadAsync(await other.Http.PostAsJsonAsync("/api/v1/ai/smart-filter", new { take = 1000 }))).Errors.Single().Field.ShouldBe("take");
    }

    [Fact]
    public async Task Workspace_models_train_on_the_jobs_report_holdout_metrics_and_are_used_by_the_analysis()
    {
        var user = await fixture.App.CreateSignedInClientAsync();
        var ingest = fixture.App.Services.GetRequiredService<IngestJobPostings>();
        var random = new Random(7);
        var now = DateTimeOffset.UtcNow;
        await ingest.RunAsync(Enumerable.Range(0, 400).Select(i => DemoJobGenerator.Create(random, now.AddMinutes(-i)) with { SourceId = $"train:{Guid.NewGuid():N}" }).ToList(), CancellationToken.None);
        var trainer = fixture.App.Services.GetRequiredService<Modules.Ai.Features.TrainModels.TrainModels>();

        var reports = await trainer.RunWorkspaceAsync(CancellationToken.None);

        reports.ShouldAllBe(r => r.Trained);
        var models = (await user.Http.GetEnvelopeAsync("/api/v1/ai/models")).Data.As<IReadOnlyList<ModelInfo>>();
        var classifier = models.First(m => m.Name == "job_classifier" && m.IsActive);
        classifier.Metrics["macro_accuracy"].ShouldBeGreaterThan(0.5);
        var salary = models.First(m => m.Name == "salary_predictor" && m.IsActive);
        salary.Metrics["mae"].ShouldBeLessThan(salary.Metrics["baseline_mae"]);

        // Training again on the same data gives a candidate no worse: it replaces the old one, and only one is active.
        await trainer.RunWorkspaceAsync(CancellationToken.None);
        models = (await user.Http.GetEnvelopeAsync("/api/v1/ai/models")).Data.As<IReadOnlyList<ModelInfo>>();
        models.Count(m => m.Name == "job_classifier" && m.IsActive).ShouldBe(1);
        models.Count(m => m.Name == "job_classifier").ShouldBeGreaterThanOrEqualTo(2);

        var jobId = await PasteJobAsync(user);
        var analysis = (await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/ai/analyze-job", new { jobPostingId = jobId }))).Data;
        analysis.GetProperty("modelVersions").TryGetProperty("salary_predictor", out _).ShouldBeTrue(analysis.GetProperty("modelVersions").ToString());
        // A pasted job has no category: the classifier guesses one.
        analysis.GetProperty("predictedCategory").ValueKind.ShouldBe(JsonValueKind.Object);
    }
}
