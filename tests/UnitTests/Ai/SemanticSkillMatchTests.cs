using System.Diagnostics;
using Contracts.Identity;
using Modules.Ai.Features.AnalyzeJob;
using Modules.Ai.Models;
using Modules.Ai.Scoring;
using Xunit.Abstractions;

namespace UnitTests.Ai;

/// <summary>Loads the real MiniLM model once for the test class.</summary>
public sealed class MiniLmFixture : IDisposable
{
    internal MiniLmEmbedder Embedder { get; } = new(cacheCapacity: 1_000);
    internal TimeSpan LoadTime { get; }

    public MiniLmFixture()
    {
        var watch = Stopwatch.StartNew();
        Embedder.WarmUpAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        LoadTime = watch.Elapsed;
    }

    public void Dispose() => Embedder.Dispose();
}

/// <summary>Skill matching by meaning, with the real sentence model.</summary>
public sealed class SemanticSkillMatchTests(MiniLmFixture minilm, ITestOutputHelper output) : IClassFixture<MiniLmFixture>
{
    private SkillMatcher Matcher => new(minilm.Embedder);

    private static readonly FreelancerProfile MlEngineer = SkillMatcherTests.Profile(["Python", "pandas"],
        overview: "Data scientist. I build ML models with PyTorch and deploy them as APIs.");

    private static readonly FreelancerProfile WebDeveloper = SyntheticJobs.WebDeveloper();

    private static readonly FreelancerProfile Bookkeeper = SkillMatcherTests.Profile(["QuickBooks", "Excel"],
        overview: "Bookkeeper for small businesses: reconciliations, payroll and monthly reports in QuickBooks and Xero.");

    private static readonly FreelancerProfile DevOps = SkillMatcherTests.Profile(["AWS", "Terraform", "Linux"],
        overview: "I deploy microservices with Helm charts on EKS and set up CI/CD pipelines with GitHub Actions.");

    [Fact]
    public async Task The_model_loads_and_embeds_into_unit_vectors()
    {
        output.WriteLine($"MiniLM loaded in {minilm.LoadTime.TotalMilliseconds:0} ms");
        minilm.Embedder.IsLoaded.ShouldBeTrue();
        var vectors = await minilm.Embedder.EmbedAsync(["machine learning", "bookkeeping"], CancellationToken.None);
        vectors.Length.ShouldBe(2);
        vectors[0].Length.ShouldBe(384);
        Math.Sqrt(vectors[0].Sum(x => x * x)).ShouldBe(1, 1e-3);
    }

    [Fact]
    public async Task Machine_learning_is_found_in_a_profile_that_says_it_builds_ML_models()
    {
        var match = await Matcher.MatchAsync(["Machine Learning"], MlEngineer, CancellationToken.None);
        var found = match.Matched.ShouldHaveSingleItem();
        output.WriteLine($"{found.Reason} (cosine {found.Similarity})");
        found.Kind.ShouldBe(SkillMatchKind.Semantic);
        found.Evidence.ShouldBe("I build ML models with PyTorch and deploy them as APIs.");
        found.Similarity.ShouldBeGreaterThanOrEqualTo(SkillMatcher.SemanticThreshold);
        found.Reason.ShouldBe("Machine Learning: your overview mentions \"I build ML models with PyTorch and deploy them as APIs\".");
        match.Score.ShouldBe(SkillMatcher.SemanticWeight);
    }

    [Fact]
    public async Task Bookkeeping_is_not_found_in_a_web_developer()
    {
        var match = await Matcher.MatchAsync(["Bookkeeping", "Logo Design", "Video Editing"], WebDeveloper, CancellationToken.None);
        match.Matched.ShouldBeEmpty();
        match.Missing.ShouldBe(["Bookkeeping", "Logo Design", "Video Editing"]);
    }

    [Theory]
    [InlineData("bookkeeper", "Accounting", true)]
    [InlineData("bookkeeper", "Payroll", true)]
    [InlineData("devops", "Kubernetes", true)]
    [InlineData("web", "Web Development", true)]
    [InlineData("web", "Machine Learning", false)]
    [InlineData("web", "Copywriting", false)]
    [InlineData("ml", "React", false)]
    [InlineData("ml", "Search Engine Optimization", false)]
    [InlineData("bookkeeper", "Python", false)]
    [InlineData("devops", "Graphic Design", false)]
    public async Task Meaning_decides_across_profiles(string who, string skill, bool expected)
    {
        var profile = who switch { "bookkeeper" => Bookkeeper, "devops" => DevOps, "ml" => MlEngineer, _ => WebDeveloper };
        var match = await Matcher.MatchAsync([skill], profile, CancellationToken.None);
        output.WriteLine(match.Matched.FirstOrDefault()?.Reason ?? match.Reason);
        (match.Matched.Count == 1).ShouldBe(expected);
    }

    [Fact]
    public async Task Listed_skills_still_win_over_prose()
    {
        var match = await Matcher.MatchAsync(["ReactJS", "Machine Learning"], SkillMatcherTests.Profile(["React"], overview: "I build ML models."), CancellationToken.None);
        match.Matched.Select(m => m.Kind).ShouldBe([SkillMatchKind.Synonym, SkillMatchKind.Semantic]);
    }

    [Fact]
    public async Task Vectors_are_cached_per_normalised_text()
    {
        // The model is uncased and ignores spacing, so these are one text to it (checked against the raw encoder).
        var first = await minilm.Embedder.EmbedAsync(["Senior React developer", "senior   react DEVELOPER"], CancellationToken.None);
        first[0].ShouldBeSameAs(first[1]);
        var again = await minilm.Embedder.EmbedAsync(["Senior React Developer"], CancellationToken.None);
        again[0].ShouldBeSameAs(first[0]);
    }

    [Fact]
    public async Task Parallel_callers_all_get_correct_vectors()
    {
        var texts = Enumerable.Range(0, 24).Select(i => $"parallel caller text {i}").ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () => await minilm.Embedder.EmbedAsync(texts, CancellationToken.None))));
        foreach (var result in results.Skip(1))
            for (var i = 0; i < texts.Length; i++) result[i].ShouldBe(results[0][i], tolerance: 1e-5f);
        results[0].ShouldAllBe(v => v.Length == 384);
    }

    [Fact]
    public void The_cache_is_bounded_and_drops_the_least_recently_used()
    {
        var cache = new VectorCache(capacity: 2);
        cache.Set("a", [1]);
        cache.Set("b", [2]);
        cache.TryGet("a", out _).ShouldBeTrue();   // "b" is now the oldest
        cache.Set("c", [3]);
        cache.Count.ShouldBe(2);
        cache.TryGet("b", out _).ShouldBeFalse();
        cache.TryGet("a", out var a).ShouldBeTrue();
        a.ShouldBe([1f]);
        cache.TryGet("c", out _).ShouldBeTrue();
    }
}
