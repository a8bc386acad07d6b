using System.Text.Json;
using Modules.Upwork.Data;
using Modules.Upwork.Searches;

namespace UnitTests;

/// <summary>The in-process matcher: a table of jobs and searches, and the explanations a user reads.</summary>
public sealed class SearchMatcherTests
{
    private static JobPosting Job(string title, string? description = null, string[]? skills = null, string type = "hourly", decimal? min = 30, decimal? max = 60,
        string? level = "intermediate", string? category = "Web, Mobile & Software Dev", int? proposals = 5, ClientInfo? client = null) => new()
        {
            Id = Guid.NewGuid(), UpworkJobId = Guid.NewGuid().ToString("N"), Title = title, Description = description, Skills = [.. skills ?? []], JobType = type,
            BudgetMin = min, BudgetMax = max, ExperienceLevel = level, Category = category, ProposalsCount = proposals, ContentHash = "h",
            ClientInfo = JsonSerializer.Serialize(client ?? new ClientInfo(12, 20, 10, 4.9, 25_000m, true, "USA", "Austin", null), JsonSerializerOptions.Web),
        };

    private static SavedSearch Search(Action<SavedSearch>? set = null)
    {
        var s = new SavedSearch { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Name = "test", FilterKey = "k" };
        set?.Invoke(s);
        return s;
    }

    private static readonly List<(string Because, JobPosting Job, SavedSearch Search, bool Expected)> Table =
    [
        ("all keywords present", Job("Python developer for Django API"), Search(s => s.Query = "python django"), true ),
        ("one keyword missing", Job("Python developer for Flask API"), Search(s => s.Query = "python django"), false ),
        ("keyword found in skills", Job("Backend developer", skills: ["Python"]), Search(s => s.Query = "python"), true ),
        ("technical tokens keep their marks", Job("Senior C# and .NET engineer"), Search(s => s.Query = "c# .net"), true ),
        ("a word is not a prefix", Job("Pythonic tooling"), Search(s => s.Query = "python"), false ),
        ("quoted phrase", Job("Need a machine learning engineer"), Search(s => s.Query = "\"machine learning\""), true ),
        ("excluded word", Job("WordPress site with Python scripts"), Search(s => { s.Query = "python"; s.ExcludeWords = ["wordpress"]; }), false ),
        ("any skill", Job("App", skills: ["React", "CSS"]), Search(s => s.Skills = ["react", "vue"]), true ),
        ("all skills required", Job("App", skills: ["React", "CSS"]), Search(s => { s.Skills = ["react", "vue"]; s.RequireAllSkills = true; }), false ),
        ("fixed budget below minimum", Job("Logo", type: "fixed", min: 300, max: 300), Search(s => { s.Query = "logo"; s.BudgetMin = 500; }), false ),
        ("fixed budget inside range", Job("Logo", type: "fixed", min: 800, max: 800), Search(s => { s.Query = "logo"; s.BudgetMin = 500; s.BudgetMax = 1000; }), true ),
        ("hourly rate too low", Job("Support", min: 5, max: 15), Search(s => { s.Query = "support"; s.HourlyMin = 25; }), false ),
        ("budget rule ignores hourly jobs", Job("Support", min: 5, max: 15), Search(s => { s.Query = "support"; s.BudgetMin = 500; }), true ),
        ("red flags hidden: asks to move to Telegram", Job("Logo", "Logo for my bakery, add me on tele gram @bob_hr"), Search(s => { s.Query = "logo"; s.HideRedFlagged = true; }), false ),
        ("red flags hidden: a Telegram bot job is not flagged", Job("Telegram bot", "Build a Telegram bot for our channel"), Search(s => { s.Query = "telegram"; s.HideRedFlagged = true; }), true ),
        ("red flags hidden: a medium flag does not hide", Job("Logo", client: new ClientInfo(1, 3, 1, 5, 10m, false, "USA", null, null)), Search(s => { s.Query = "logo"; s.HideRedFlagged = true; }), true ),
        ("red flags shown unless asked", Job("Logo", "add me on telegram @bob_hr"), Search(s => s.Query = "logo"), true ),
        ("wrong job type", Job("Support"), Search(s => { s.Query = "support"; s.JobType = "fixed"; }), false ),
        ("experience level", Job("Support", level: "entry"), Search(s => { s.Query = "support"; s.ExperienceLevel = "expert"; }), false ),
        ("unverified client", Job("Support", client: new ClientInfo(1, 1, 0, null, 0, false, "India", null, null)), Search(s => { s.Query = "support"; s.PaymentVerifiedOnly = true; }), false ),
        ("country by ISO-3 code equals its name", Job("Support"), Search(s => { s.Query = "support"; s.CountriesInclude = ["United States"]; }), true ),
        ("excluded country", Job("Support", client: new ClientInfo(1, 1, 0, 5, 10m, true, "GBR", null, null)), Search(s => { s.Query = "support"; s.CountriesExclude = ["United Kingdom"]; }), false ),
        ("too much competition", Job("Support", proposals: 45), Search(s => { s.Query = "support"; s.MaxProposals = 20; }), false ),
        ("client spend and hires", Job("Support"), Search(s => { s.Query = "support"; s.ClientMinSpent = 10_000; s.ClientMinHires = 5; s.ClientMinRating = 4.5; }), true ),
        ("category", Job("Support", category: "Writing"), Search(s => { s.Query = "support"; s.Categories = ["Web, Mobile & Software Dev"]; }), false ),
    ];

    public static TheoryData<int, string> Cases
    {
        get
        {
            var data = new TheoryData<int, string>();
            for (var i = 0; i < Table.Count; i++) data.Add(i, Table[i].Because);
            return data;
        }
    }


    [Theory]
    [MemberData(nameof(Cases))]
    public void A_job_matches_a_search_exactly_when_every_criterion_passes(int row, string because)
    {
        var (_, job, search, expected) = Table[row];
        var compiled = new CompiledSearch(search);
        var facts = SearchIndex.Facts(job);

        compiled.Matches(facts).ShouldBe(expected, because);
        compiled.Explain(facts).All(c => c.Passed).ShouldBe(expected, because);
        new SearchIndex([compiled]).Match(facts).Count.ShouldBe(expected ? 1 : 0, because);
    }

    [Fact]
    public void The_explanation_says_which_criterion_failed_and_why_in_plain_words()
    {
        var search = new CompiledSearch(Search(s => { s.Query = "logo design"; s.BudgetMin = 500; s.PaymentVerifiedOnly = true; }));
        var explanation = search.Explain(SearchIndex.Facts(Job("Logo design for a bakery", type: "fixed", min: 300, max: 300)));

        explanation.Single(c => c.Criterion == "keywords").Passed.ShouldBeTrue();
        var budget = explanation.Single(c => c.Criterion == "budget");
        budget.Passed.ShouldBeFalse();
        budget.Reason.ShouldBe("budget $300 below your minimum $500");
        explanation.Single(c => c.Criterion == "payment verified").Passed.ShouldBeTrue();
    }

    [Fact]
    public void The_index_only_checks_searches_that_could_match_and_finds_all_that_do()
    {
        var searches = Enumerable.Range(0, 2000).Select(i => new CompiledSearch(Search(s => s.Query = $"term{i} python"))).ToList();
        searches.Add(new CompiledSearch(Search(s => s.Skills = ["python"])));   // no keywords: always a candidate
        var index = new SearchIndex(searches);

        var matched = index.Match(SearchIndex.Facts(Job("Python work on term42 and term1999", skills: ["Python"])));

        matched.Select(m => m.Source.Query ?? "skills").ShouldBe(["skills", "term42 python", "term1999 python"], ignoreOrder: true);
    }
}

public sealed class QuietHoursTests
{
    [Theory]
    [InlineData(22, 7, "2026-11-25T23:30:00Z", "2026-11-26T07:00:00Z")]   // wraps midnight, before it
    [InlineData(22, 7, "2026-11-26T03:00:00Z", "2026-11-26T07:00:00Z")]   // wraps midnight, after it
    [InlineData(22, 7, "2026-11-26T12:00:00Z", null)]
    [InlineData(9, 17, "2026-11-26T09:00:00Z", "2026-11-26T17:00:00Z")]
    [InlineData(9, 17, "2026-11-26T17:00:00Z", null)]
    public void Quiet_hours_hold_deliveries_until_they_end(int from, int to, string now, string? until)
    {
        var search = new Modules.Upwork.Data.SavedSearch { Name = "q", FilterKey = "k", QuietFromHour = from, QuietToHour = to };
        search.QuietUntil(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(until is null ? null : DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_flag_the_user_dismissed_for_the_client_no_longer_hides_the_job_but_stays_for_others()
    {
        var job = new JobPosting { Id = Guid.NewGuid(), UpworkJobId = "~01", Title = "Logo", Description = "Logo for my bakery, add me on tele gram @bob_hr", ContentHash = "h" };
        var search = new SavedSearch { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Name = "a", FilterKey = "k", Query = "logo", HideRedFlagged = true };
        var other = new SavedSearch { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Name = "b", FilterKey = "k", Query = "logo", HideRedFlagged = true };
        var facts = SearchIndex.Facts(job, new HashSet<(Guid, string)> { (search.UserId, Contracts.Upwork.RedFlagCodes.OffPlatform) });

        new CompiledSearch(search).Matches(facts).ShouldBeTrue();
        new CompiledSearch(other).Matches(facts).ShouldBeFalse();
        new CompiledSearch(other).Explain(facts).Single(c => c.Criterion == "red flags").Reason.ShouldContain("outside Upwork");
    }

    [Fact]
    public void Hide_red_flagged_judges_the_same_flags_as_the_job_card_including_a_budget_far_below_the_market()
    {
        // Similar jobs pay $2,000 (the salary model); this one offers $150: the card flags it, so the search hides it.
        var job = new JobPosting { Id = Guid.NewGuid(), UpworkJobId = "~02", Title = "Logo for a bakery", Description = "A logo for our bakery.", JobType = "fixed", BudgetMax = 150, ContentHash = "h" };
        var hides = new SavedSearch { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Name = "a", FilterKey = "k", Query = "logo", HideRedFlagged = true };
        var shows = new SavedSearch { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Name = "b", FilterKey = "k", Query = "logo" };
        var facts = SearchIndex.Facts(job, null, marketPrice: 2_000m);
        var card = Modules.Upwork.RedFlags.RedFlagRules.Evaluate(Modules.Upwork.RedFlags.JobRedFlags.Input(job, null, 2_000m));

        facts.RedFlags.Select(f => f.Code).ShouldBe(card.Select(f => f.Code));
        facts.RedFlags.ShouldContain(f => f.Code == Contracts.Upwork.RedFlagCodes.BudgetBelowMarket);
        new CompiledSearch(hides).Matches(facts).ShouldBeFalse();
        new CompiledSearch(hides).Explain(facts).Single(c => c.Criterion == "red flags").Reason.ShouldContain("far below");
        new CompiledSearch(shows).Matches(facts).ShouldBeTrue();

        // Dismissed for the client, or with no salary model trained (no market price), it no longer hides the job.
        new CompiledSearch(hides).Matches(SearchIndex.Facts(job, new HashSet<(Guid, string)> { (hides.UserId, Contracts.Upwork.RedFlagCodes.BudgetBelowMarket) }, 2_000m)).ShouldBeTrue();
        new CompiledSearch(hides).Matches(SearchIndex.Facts(job)).ShouldBeTrue();
    }
}
