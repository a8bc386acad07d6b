using Contracts.Identity;
using Modules.Ai.Features.AnalyzeJob;
using Modules.Ai.Models;
using Modules.Ai.Scoring;

namespace UnitTests.Ai;

/// <summary>Skill matching by name (exact and synonym), without the sentence model.</summary>
public sealed class SkillMatcherTests
{
    internal static FreelancerProfile Profile(string[] skills, string? overview = null, PortfolioItem[]? portfolio = null, decimal? rate = 50) =>
        new(Guid.NewGuid(), "Freelancer", overview, skills, rate, 5, ["English"], true, portfolio ?? [], []);

    private static readonly SkillMatcher Matcher = new();

    [Theory]
    [InlineData("React", "react")]
    [InlineData("Node.js", "node.js")]
    [InlineData("Machine-Learning", "machine learning")]
    [InlineData("  REST   API ", "rest api")]
    [InlineData("C#", "c#")]
    [InlineData(".NET", ".net")]
    public void Spelling_differences_are_ironed_out(string skill, string normalized) => SkillNames.Normalize(skill).ShouldBe(normalized);

    [Theory]
    [InlineData("ReactJS", "React")]
    [InlineData("React.js", "React")]
    [InlineData("Postgres", "PostgreSQL")]
    [InlineData("ML", "Machine Learning")]
    [InlineData("k8s", "Kubernetes")]
    [InlineData("csharp", "C#")]
    [InlineData("JS", "JavaScript")]
    [InlineData("TS", "TypeScript")]
    [InlineData("Node", "Node.js")]
    [InlineData("NodeJS", "Node.js")]
    [InlineData("VueJS", "Vue.js")]
    [InlineData("dotnet", ".NET")]
    [InlineData("sklearn", "Scikit-learn")]
    [InlineData("Golang", "Go")]
    [InlineData("ExpressJS", "Express")]
    public void Synonyms_share_one_canonical_name(string alias, string name) => SkillNames.Canonical(alias).ShouldBe(SkillNames.Canonical(name));

    [Theory]
    [InlineData("Java", "JavaScript")]
    [InlineData("React", "React Native")]
    [InlineData("C", "C#")]
    [InlineData("SQL", "PostgreSQL")]
    public void Different_skills_stay_different(string a, string b) => SkillNames.Canonical(a).ShouldNotBe(SkillNames.Canonical(b));

    [Fact]
    public async Task Exact_matches_ignore_case_and_spacing()
    {
        var match = await Matcher.MatchAsync(["react", "Node.JS"], Profile(["React", "Node.js"]), CancellationToken.None);
        match.Score.ShouldBe(1);
        match.Matched.ShouldAllBe(m => m.Kind == SkillMatchKind.Exact);
        match.Missing.ShouldBeEmpty();
        match.Reason.ShouldBe("You have all 2 skills this job asks for.");
    }

    [Fact]
    public async Task A_synonym_matches_and_says_which_of_your_skills_it_is()
    {
        var match = await Matcher.MatchAsync(["ReactJS", "Postgres", "k8s"], Profile(["React", "PostgreSQL", "Kubernetes"]), CancellationToken.None);
        match.Score.ShouldBe(1);
        match.Matched.Select(m => m.Kind).ShouldAllBe(k => k == SkillMatchKind.Synonym);
        var react = match.Matched.Single(m => m.Skill == "ReactJS");
        react.Evidence.ShouldBe("React");
        react.Reason.ShouldBe("ReactJS: same as your skill React.");
    }

    [Fact]
    public async Task Portfolio_skills_count_as_listed_skills()
    {
        var profile = Profile(["CSS"], portfolio: [new PortfolioItem("Shop", null, "An online shop.", ["Shopify"])]);
        var match = await Matcher.MatchAsync(["Shopify"], profile, CancellationToken.None);
        match.Matched.ShouldHaveSingleItem().Kind.ShouldBe(SkillMatchKind.Exact);
    }

    [Fact]
    public async Task Without_a_sentence_model_prose_is_not_read_and_missing_skills_are_listed_in_job_order()
    {
        var profile = Profile(["React"], overview: "I build ML models with PyTorch.");
        var match = await Matcher.MatchAsync(["React", "Machine Learning", "GraphQL", "Bookkeeping", "Figma"], profile, CancellationToken.None);
        match.Matched.ShouldHaveSingleItem().Skill.ShouldBe("React");
        match.Missing.ShouldBe(["Machine Learning", "GraphQL", "Bookkeeping", "Figma"]);
        match.Score.ShouldBe(0.2);
        match.Reason.ShouldBe("You have 1 of the 5 skills this job asks for; missing Machine Learning, GraphQL, Bookkeeping and 1 more.");
    }

    [Fact]
    public async Task Duplicate_and_blank_job_skills_count_once()
    {
        var match = await Matcher.MatchAsync(["React", "ReactJS", " ", "react"], Profile(["React"]), CancellationToken.None);
        match.Matched.ShouldHaveSingleItem();
        match.Score.ShouldBe(1);
    }

    [Fact]
    public async Task No_profile_asks_to_choose_one()
    {
        var match = await Matcher.MatchAsync(["React"], null, CancellationToken.None);
        match.HasProfile.ShouldBeFalse();
        match.Score.ShouldBe(0);
        match.Missing.ShouldBe(["React"]);
        match.Reason.ShouldContain("Choose a profile");
    }

    [Fact]
    public async Task A_job_without_skills_is_neutral()
    {
        var match = await Matcher.MatchAsync([], Profile(["React"]), CancellationToken.None);
        match.Score.ShouldBe(0.5);
        match.Reason.ShouldNotBeNullOrWhiteSpace();
    }
}
