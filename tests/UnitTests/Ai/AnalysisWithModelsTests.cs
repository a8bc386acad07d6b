using Modules.Ai.Features.AnalyzeJob;
using Modules.Ai.Models;
using Modules.Ai.Scoring;
using Xunit.Abstractions;

namespace UnitTests.Ai;

/// <summary>The analyzer and the smart filter with trained models.</summary>
[Collection(TrainedModelsCollection.Name)]
public sealed class AnalysisWithModelsTests(TrainedModelsFixture trained, ITestOutputHelper output)
{
    private readonly JobAnalyzer _analyzer = new(new SkillMatcher());

    [Fact]
    public async Task Models_feed_the_analysis_and_their_versions_are_recorded()
    {
        var job = JobAnalyzerTests.Job(category: null, proposals: 4);
        var analysis = await _analyzer.AnalyzeAsync(job, trained.Profile, trained.Models, SyntheticJobs.Now);
        JobAnalyzerTests.ShouldBeComplete(analysis);
        analysis.ModelVersions.Keys.ShouldBe(
            [ModelNames.Rules, ModelNames.SalaryPredictor, ModelNames.SuccessModel, ModelNames.JobClassifier], ignoreOrder: true);
        var category = analysis.PredictedCategory.ShouldNotBeNull();
        category.Category.ShouldBe("Web, Mobile & Software Dev");
        output.WriteLine(category.Reason);
        output.WriteLine(analysis.SuccessProbability.Reason);
        output.WriteLine(analysis.RecommendedBid.Reason);
        var rows = trained.Success.Model!.Rows;
        analysis.SuccessProbability.Reason.ShouldStartWith($"Learned from your {rows} proposals");
        analysis.SuccessProbability.LearnedFrom.ShouldBe(rows);
        analysis.FitScore.Reason.ShouldEndWith($"Learned from your {rows} proposals.");
        analysis.RecommendedBid.Min.ShouldBeInRange(40m, 70m);
        analysis.RecommendedBid.Max.ShouldBeInRange(40m, 70m);
    }

    [Fact]
    public async Task Every_synthetic_job_gets_a_complete_analysis_with_models()
    {
        foreach (var job in trained.Jobs.Take(60))
            JobAnalyzerTests.ShouldBeComplete(await _analyzer.AnalyzeAsync(job with { Category = null }, trained.Profile, trained.Models, SyntheticJobs.Now));
    }

    [Fact]
    public async Task Smart_filter_ranks_matching_jobs_first_with_their_top_reasons()
    {
        var filter = new SmartFilter(_analyzer);
        var jobs = trained.Jobs.Skip(100).Take(50).ToList();
        var ranked = await filter.RankAsync(jobs, trained.Profile, trained.Models, SyntheticJobs.Now);
        ranked.Count.ShouldBe(50);
        ranked.Select(r => r.FitScore).ShouldBeInOrder(SortDirection.Descending);
        ranked.ShouldAllBe(r => r.TopReasons.Count == 3 && r.TopReasons.All(t => t.Length > 0));
        foreach (var r in ranked.Take(3)) output.WriteLine($"{r.FitScore} {r.Job.Title} | {string.Join(" | ", r.TopReasons)}");

        var topFive = ranked.Take(5).Select(r => r.Job.Category);
        topFive.Count(c => c == "Web, Mobile & Software Dev").ShouldBeGreaterThanOrEqualTo(4, "the profile is a web developer's");

        var best = await filter.RankAsync(jobs, trained.Profile, trained.Models, SyntheticJobs.Now, minFitScore: 50, take: 3);
        best.Count.ShouldBeLessThanOrEqualTo(3);
        best.ShouldAllBe(r => r.FitScore >= 50);
    }
}
