using Modules.Ai.Features.AnalyzeJob;
using Modules.Ai.Models;
using Modules.Ai.Scoring;

namespace UnitTests.Ai;

/// <summary>Ranking a batch without models: order, filters, and one embedding batch for all jobs.</summary>
public sealed class SmartFilterTests
{
    /// <summary>Records calls; gives every distinct text its own axis, so nothing is similar to anything else.</summary>
    private sealed class RecordingEmbedder : ITextEmbedder
    {
        private readonly Dictionary<string, int> _axes = new(StringComparer.OrdinalIgnoreCase);
        public List<IReadOnlyList<string>> Calls { get; } = [];

        public ValueTask<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
        {
            Calls.Add(texts);
            return ValueTask.FromResult(texts.Select(t =>
            {
                var axis = _axes.TryGetValue(t, out var a) ? a : _axes[t] = _axes.Count;
                var v = new float[512];
                v[axis % 512] = 1;
                return v;
            }).ToArray());
        }
    }

    [Fact]
    public async Task Jobs_are_ranked_by_fit_and_the_skills_are_embedded_in_one_batch_first()
    {
        var embedder = new RecordingEmbedder();
        var filter = new SmartFilter(new JobAnalyzer(new SkillMatcher(embedder)), embedder);
        var good = JobAnalyzerTests.Job(title: "React dashboard", skills: ["React", "TypeScript"], proposals: 2, min: 60, max: 90);
        var poor = JobAnalyzerTests.Job(title: "Bookkeeping", description: "Monthly books.", skills: ["Bookkeeping", "Payroll"], proposals: 60,
            client: JobAnalyzerTests.NewClient, min: 10, max: 15, category: "Accounting & Consulting");
        var middle = JobAnalyzerTests.Job(title: "Vue app", skills: ["Vue.js", "CSS"], proposals: 15);

        var ranked = await filter.RankAsync([poor, middle, good], SyntheticJobs.WebDeveloper(), AnalysisModels.None, SyntheticJobs.Now);

        ranked.Select(r => r.Job).ShouldBe([good, middle, poor]);
        ranked[0].TopReasons.ShouldNotBeEmpty();
        embedder.Calls[0].ShouldBe(["experience with React", "experience with TypeScript", "experience with Bookkeeping", "experience with Payroll",
            "experience with Vue.js", "experience with CSS"], ignoreOrder: true);
    }

    [Fact]
    public async Task Minimum_score_and_count_trim_the_list()
    {
        var filter = new SmartFilter(new JobAnalyzer(new SkillMatcher()));
        var jobs = new SyntheticJobs(seed: 3).Jobs(20);
        var all = await filter.RankAsync(jobs, SyntheticJobs.WebDeveloper(), AnalysisModels.None, SyntheticJobs.Now);
        var cut = all[5].FitScore;
        var trimmed = await filter.RankAsync(jobs, SyntheticJobs.WebDeveloper(), AnalysisModels.None, SyntheticJobs.Now, minFitScore: cut, take: 4);
        trimmed.Count.ShouldBe(4);
        trimmed.Select(r => r.Job.Id).ShouldBe(all.Take(4).Select(r => r.Job.Id));
    }
}
