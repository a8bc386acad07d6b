using System.Globalization;
using System.Text.RegularExpressions;
using Modules.Upwork.Data;
using Modules.Upwork.RedFlags;

namespace Modules.Upwork.Searches;

/// <summary>What the matcher knows about a job, computed once per job whatever the number of searches.</summary>
internal sealed class JobFacts
{
    public JobFacts(JobPosting job, ClientInfo? client, decimal? marketPrice = null)
    {
        Job = job;
        Client = client;
        Text = $"{job.Title}\n{job.Description}\n{string.Join(' ', job.Skills)}".ToLowerInvariant();
        Tokens = SearchText.Tokens(Text).ToHashSet(StringComparer.Ordinal);
        Skills = job.Skills.Select(s => s.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        Country = Countries.Normalize(client?.Country ?? job.ClientCountry);
        _redFlags = new Lazy<IReadOnlyList<Contracts.Upwork.JobRedFlag>>(() => RedFlagRules.Evaluate(JobRedFlags.Input(job, client, marketPrice)));
    }

    private readonly Lazy<IReadOnlyList<Contracts.Upwork.JobRedFlag>> _redFlags;

    /// <summary>The job's red flags: the same set the job card shows, "budget below market" included when a salary model knows the price.</summary>
    public IReadOnlyList<Contracts.Upwork.JobRedFlag> RedFlags => _redFlags.Value;

    /// <summary>Flags users dismissed for this job's client: (user, code).</summary>
    public IReadOnlySet<(Guid UserId, string Code)> Dismissed { get; init; } = new HashSet<(Guid, string)>();

    public JobPosting Job { get; }
    public ClientInfo? Client { get; }
    public string Text { get; }
    public HashSet<string> Tokens { get; }
    public HashSet<string> Skills { get; }
    public string? Country { get; }
}

/// <summary>One saved search, pre-digested for speed: lower-cased terms and sets, normalised countries.</summary>
internal sealed class CompiledSearch
{
    public CompiledSearch(SavedSearch s)
    {
        Source = s;
        var (terms, phrases) = SearchText.Query(s.Query);
        Terms = terms;
        Phrases = phrases;
        Skills = s.Skills.Select(x => x.Trim().ToLowerInvariant()).Where(x => x.Length > 0).ToHashSet(StringComparer.Ordinal);
        Exclude = s.ExcludeWords.Select(x => x.Trim().ToLowerInvariant()).Where(x => x.Length > 0).ToArray();
        Categories = s.Categories.Select(x => x.Trim().ToLowerInvariant()).Where(x => x.Length > 0).ToHashSet(StringComparer.Ordinal);
        Include = s.CountriesInclude.Select(Countries.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);
        ExcludeCountries = s.CountriesExclude.Select(Countries.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    public SavedSearch Source { get; }
    public string[] Terms { get; }
    public string[] Phrases { get; }
    public HashSet<string> Skills { get; }
    public string[] Exclude { get; }
    public HashSet<string> Categories { get; }
    public HashSet<string> Include { get; }
    public HashSet<string> ExcludeCountries { get; }

    /// <summary>The fast yes/no: stops at the first failed criterion.</summary>
    public bool Matches(JobFacts job) => Evaluate(job, explain: null);

    /// <summary>Every criterion the search sets, with whether it passed and why, in words a user understands.</summary>
    public IReadOnlyList<CriterionResult> Explain(JobFacts job)
    {
        var list = new List<CriterionResult>();
        Evaluate(job, list);
        return list;
    }

    private bool Evaluate(JobFacts job, List<CriterionResult>? explain)
    {
        var ok = true;
        bool Check(string criterion, bool passed, string reason)
        {
            explain?.Add(new CriterionResult(criterion, passed, reason));
            ok &= passed;
            return passed || explain is not null;   // without an explanation, stop at the first failure
        }
        var s = Source;
        var j = job.Job;

        if (Terms.Length > 0 || Phrases.Length > 0)
        {
            var missing = Terms.Where(t => !job.Tokens.Contains(t)).Concat(Phrases.Where(p => !job.Text.Contains(p, StringComparison.Ordinal))).ToList();
            if (!Check("keywords", missing.Count == 0, missing.Count == 0
                    ? $"found {string.Join(", ", Terms.Concat(Phrases).Select(Quote))}"
                    : $"{string.Join(", ", missing.Select(Quote))} not in the title, description or skills")) return false;
        }
        if (Exclude.Length > 0)
        {
            var hit = Exclude.FirstOrDefault(w => job.Tokens.Contains(w) || (w.Contains(' ') && job.Text.Contains(w, StringComparison.Ordinal)));
            if (!Check("excluded words", hit is null, hit is null ? "none of your excluded words" : $"mentions {Quote(hit)}, which you excluded")) return false;
        }
        if (Skills.Count > 0)
        {
            var found = Skills.Where(job.Skills.Contains).ToList();
            var passed = s.RequireAllSkills ? found.Count == Skills.Count : found.Count > 0;
            if (!Check("skills", passed, passed
                    ? $"has {string.Join(", ", found)}"
                    : s.RequireAllSkills ? $"lacks {string.Join(", ", Skills.Except(found))}" : $"has none of {string.Join(", ", Skills)}")) return false;
        }
        if (s.JobType is { } type && !Check("job type", j.JobType == type, j.JobType == type ? $"{type}" : $"{j.JobType ?? "unknown type"}, you want {type}")) return false;
        if (s.ExperienceLevel is { } level && !Check("experience level", j.ExperienceLevel == level,
                j.ExperienceLevel == level ? level : $"{j.ExperienceLevel ?? "not stated"}, you want {level}")) return false;

        if (j.JobType == "fixed" && (s.BudgetMin is not null || s.BudgetMax is not null))
        {
            var amount = j.BudgetMax ?? j.BudgetMin;
            var (passed, reason) = amount switch
            {
                null => (true, "no budget stated"),
                { } a when s.BudgetMin is { } min && a < min => (false, $"budget {Money(a)} below your minimum {Money(min)}"),
                { } a when s.BudgetMax is { } max && a > max => (false, $"budget {Money(a)} above your maximum {Money(max)}"),
                { } a => (true, $"budget {Money(a)}"),
            };
            if (!Check("budget", passed, reason)) return false;
        }
        if (j.JobType == "hourly" && (s.HourlyMin is not null || s.HourlyMax is not null))
        {
            var (passed, reason) = (j.BudgetMin, j.BudgetMax) switch
            {
                (null, null) => (true, "no rate stated"),
                (_, { } high) when s.HourlyMin is { } min && high < min => (false, $"pays up to {Money(high)}/hr, below your minimum {Money(min)}/hr"),
                ({ } low, _) when s.HourlyMax is { } max && low > max => (false, $"pays from {Money(low)}/hr, above your maximum {Money(max)}/hr"),
                var (low, high) => (true, $"pays {Money(low ?? high ?? 0)}–{Money(high ?? low ?? 0)}/hr"),
            };
            if (!Check("hourly rate", passed, reason)) return false;
        }
        if (Categories.Count > 0)
        {
            var passed = (j.Category is { } c && Categories.Contains(c.ToLowerInvariant())) || (j.Subcategory is { } sc && Categories.Contains(sc.ToLowerInvariant()));
            if (!Check("category", passed, passed ? j.Category ?? "" : $"{j.Category ?? "no category"} is not one of yours")) return false;
        }
        var client = job.Client;
        if (s.PaymentVerifiedOnly && !Check("payment verified", client?.PaymentVerified == true,
                client?.PaymentVerified == true ? "client's payment method is verified" : "client's payment method is not verified")) return false;
        if (s.HideRedFlagged)
        {
            var high = job.RedFlags.FirstOrDefault(f => RedFlagRules.HidesFromSearches(f) && !job.Dismissed.Contains((s.UserId, f.Code)));
            if (!Check("red flags", high is null, high is null ? "no red flag that hides jobs" : $"red flag: {high.Why}")) return false;
        }
        if (s.ClientMinSpent is { } spent && !Check("client spend", client?.TotalSpent >= spent,
                client?.TotalSpent is { } ts ? (ts >= spent ? $"client spent {Money(ts)}" : $"client spent {Money(ts)}, below your {Money(spent)}") : "client spend unknown")) return false;
        if (s.ClientMinHires is { } hires && !Check("client hires", client?.TotalHires >= hires,
                client?.TotalHires is { } th ? $"client hired {th} time(s){(th >= hires ? "" : $", you want at least {hires}")}" : "client hires unknown")) return false;
        if (s.ClientMinRating is { } rating && !Check("client rating", client?.Rating >= rating,
                client?.Rating is { } r ? $"client rated {r:0.0}{(r >= rating ? "" : $", below your {rating:0.0}")}" : "client has no rating yet")) return false;
        if (Include.Count > 0 && !Check("client country", job.Country is { } inc && Include.Contains(inc),
                job.Country is { } c1 ? (Include.Contains(c1) ? $"client in {c1}" : $"client in {c1}, not one of your countries") : "client country unknown")) return false;
        if (ExcludeCountries.Count > 0 && !Check("excluded countries", job.Country is null || !ExcludeCountries.Contains(job.Country),
                job.Country is { } c2 && ExcludeCountries.Contains(c2) ? $"client in {c2}, which you excluded" : "client not in an excluded country")) return false;
        if (s.MaxProposals is { } maxProposals && !Check("competition", j.ProposalsCount is null || j.ProposalsCount <= maxProposals,
                j.ProposalsCount is { } p ? (p <= maxProposals ? $"{p} proposal(s) so far" : $"{p} proposals already, more than your {maxProposals}") : "proposal count unknown")) return false;
        return ok;
    }

    private static string Quote(string s) => $"“{s}”";
    private static string Money(decimal d) => "$" + d.ToString("#,0.##", CultureInfo.InvariantCulture);
}

/// <summary>One line of an explanation.</summary>
internal sealed record CriterionResult(string Criterion, bool Passed, string Reason);

/// <summary>Tokenising job text and search queries the same way.</summary>
internal static partial class SearchText
{
    /// <summary>Lower-case words, keeping the marks technical terms carry: c#, c++, .net, node.js, front-end.</summary>
    public static IEnumerable<string> Tokens(string lowerText)
    {
        foreach (Match m in Word().Matches(lowerText))
        {
            var token = m.Value.TrimEnd('.', '-');
            if (token.Length > 0) yield return token;
        }
    }

    /// <summary>Words (all required) and "quoted phrases" of a query.</summary>
    public static (string[] Terms, string[] Phrases) Query(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return ([], []);
        var lower = query.ToLowerInvariant();
        var phrases = Phrase().Matches(lower).Select(m => m.Groups[1].Value.Trim()).Where(p => p.Length > 0).Distinct().ToArray();
        var rest = Phrase().Replace(lower, " ");
        return (Tokens(rest).Distinct().ToArray(), phrases);
    }

    [GeneratedRegex(@"\.?[\p{L}\p{N}][\p{L}\p{N}#+.\-]*")] private static partial Regex Word();
    [GeneratedRegex("\"([^\"]*)\"")] private static partial Regex Phrase();
}

/// <summary>Upwork mixes country names and ISO-3 codes ("United States", "GBR"): compare on the English name.</summary>
internal static class Countries
{
    private static readonly Dictionary<string, string> Names = Build();

    public static string? Normalize(string? country)
    {
        if (string.IsNullOrWhiteSpace(country)) return null;
        var key = country.Trim();
        return Names.TryGetValue(key, out var name) ? name : key;
    }

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try { region = new RegionInfo(culture.Name); }
            catch (ArgumentException) { continue; }
            map.TryAdd(region.ThreeLetterISORegionName, region.EnglishName);
            map.TryAdd(region.TwoLetterISORegionName, region.EnglishName);
            map.TryAdd(region.EnglishName, region.EnglishName);
        }
        map.TryAdd("USA", "United States");
        map.TryAdd("UK", "United Kingdom");
        return map;
    }
}
