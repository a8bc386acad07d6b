using System.Text.RegularExpressions;
using FakeUpwork.GraphQl.Render;

namespace FakeUpwork.GraphQl.Resolvers;

/// <summary>
/// <c>marketplaceJobPostingsSearch</c>: filters of §2.2.1, the four sorts, and the quirky offset pagination
/// (<c>pagination_eq{after:"&lt;offset&gt;", first}</c> inside the filter; 10 by default; 50 at most; no <c>after</c> → HTTP 500).
/// </summary>
internal static class JobSearch
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    public static object? Resolve(RequestContext request, IDictionary<string, object?>? filter, string? searchType, List<IDictionary<string, object?>>? sort)
    {
        if (searchType is "JOBS_FEED" or "USER_SITE_SEARCH_RSS")
        {
            throw new FakeExecutionError($"Search type {searchType} is No longer supported");
        }

        var offset = 0;
        var first = DefaultPageSize;
        var pagination = Args.Dict(filter, "pagination_eq");
        if (pagination is not null)
        {
            var after = Args.Str(pagination, "after");
            if (after is null)
            {
                request.ForceHttp500 = true;
                return null;
            }

            if (!int.TryParse(after, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out offset))
            {
                throw new FakeExecutionError($"Invalid pagination: after must be a numeric offset, got '{after}'");
            }

            first = Math.Clamp(Args.Int(pagination, "first") ?? DefaultPageSize, 0, MaxPageSize);
        }

        var sortField = sort?.Select(s => Args.Str(s, "field")).FirstOrDefault(f => f is not null) ?? "RELEVANCE";
        lock (request.State.Sync)
        {
            var now = request.Clock.Now;
            var text = Query.Parse(Args.Str(filter, "searchExpression_eq"));
            var matches = request.State.JobsLocked
                .Where(j => j.Status == "OPEN" && Matches(j, filter, text, now))
                .ToList();
            var ordered = sortField switch
            {
                "RECENCY" => matches.OrderByDescending(j => j.PublishedDateTime),
                "CLIENT_TOTAL_CHARGE" => matches.OrderByDescending(j => j.Client.TotalSpent).ThenByDescending(j => j.PublishedDateTime),
                "CLIENT_RATING" => matches.OrderByDescending(j => j.Client.TotalFeedback).ThenByDescending(j => j.PublishedDateTime),
                _ => matches.OrderByDescending(j => text.Score(j)).ThenByDescending(j => j.PublishedDateTime),
            };
            var page = ordered.ThenByDescending(j => j.Id, StringComparer.Ordinal).Skip(offset).Take(first).ToList();
            var next = offset + page.Count;
            return new Node
            {
                ["totalCount"] = matches.Count,
                ["edges"] = page.Select((job, i) => (object?)new Node
                {
                    ["cursor"] = Fmt(offset + i),
                    ["node"] = JobRender.SearchNode(job, request),
                }).ToList(),
                ["pageInfo"] = new Node
                {
                    ["endCursor"] = Fmt(next),
                    ["hasNextPage"] = next < matches.Count,
                },
            };
        }
    }

    private static string Fmt(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool Matches(FakeJob job, IDictionary<string, object?>? f, Query text, DateTimeOffset now)
    {
        if (f is null)
        {
            return true;
        }

        if (!text.Matches(job))
        {
            return false;
        }

        if (Args.Str(f, "titleExpression_eq") is { } title && !Query.Parse(title).MatchesText(job.Title))
        {
            return false;
        }

        if (Args.Str(f, "skillExpression_eq") is { } skills)
        {
            var wanted = skills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Ontology.Canonical).ToHashSet();
            if (wanted.Count > 0 && !job.Skills.Any(s => wanted.Contains(Ontology.Canonical(s))))
            {
                return false;
            }
        }

        if (!Args.Has(f, "searchExpression_eq") && Args.Dict(f, "searchTerm_eq") is { } terms && !MatchesTerms(job, terms))
        {
            return false;
        }

        if (!AnyOf(f, "categoryIds_any", job.CategoryId) || !AnyOf(f, "subcategoryIds_any", job.SubcategoryId)
            || !AnyOf(f, "occupationIds_any", job.OccupationId))
        {
            return false;
        }

        var fixedPrice = job.JobType == "FIXED";
        if (Args.Str(f, "jobType_eq") is { } jobType && (jobType == "HOURLY") == fixedPrice)
        {
            return false;
        }

        if (Args.List(f, "duration_any") is { Count: > 0 } durations && !fixedPrice && !durations.Contains(job.Duration ?? ""))
        {
            return false;
        }

        if (Args.Str(f, "workload_eq") is { } workload && !fixedPrice)
        {
            var engagement = workload switch
            {
                "FULL_TIME" => "30+ hrs/week",
                "PART_TIME" => "Less than 30 hrs/week",
                _ => null,
            };
            if (job.Engagement != engagement)
            {
                return false;
            }
        }

        if (!InRange(f, "clientHiresRange_eq", job.Client.TotalHires) || !InRange(f, "proposalRange_eq", job.TotalApplicants))
        {
            return false;
        }

        if (fixedPrice && !InRange(f, "budgetRange_eq", job.FixedAmount ?? 0m))
        {
            return false;
        }

        if (!fixedPrice && Args.Dict(f, "hourlyRate_eq") is { } rate)
        {
            var low = (decimal?)Args.Int(rate, "rangeStart") ?? decimal.MinValue;
            var high = (decimal?)Args.Int(rate, "rangeEnd") ?? decimal.MaxValue;
            if (job.HourlyMin is null || job.HourlyMin > high || (job.HourlyMax ?? job.HourlyMin) < low)
            {
                return false;
            }
        }

        if (Args.Bool(f, "verifiedPaymentOnly_eq") == true && !job.Client.PaymentVerified)
        {
            return false;
        }

        if (Args.Str(f, "experienceLevel_eq") is { } level && job.ExperienceLevel != level)
        {
            return false;
        }

        if (Args.List(f, "locations_any") is { Count: > 0 } locations
            && !locations.Any(l => string.Equals(l, job.Client.Country, StringComparison.OrdinalIgnoreCase)
                || string.Equals(l, job.Client.City, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (Args.Str(f, "timezone_eq") is { } tz && !string.Equals(tz, job.Client.Timezone, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Args.Bool(f, "enterpriseOnly_eq") == true && !job.Enterprise)
        {
            return false;
        }

        if (Args.Bool(f, "ptcOnly_eq") == true)
        {
            return false;
        }

        return Args.Int(f, "daysPosted_eq") is not { } days || job.PublishedDateTime >= now.AddDays(-days);
    }

    private static bool AnyOf(IDictionary<string, object?> f, string key, string? value) =>
        Args.List(f, key) is not { Count: > 0 } ids || (value is not null && ids.Contains(value));

    private static bool InRange(IDictionary<string, object?> f, string key, decimal value)
    {
        var range = Args.Dict(f, key);
        if (range is null)
        {
            return true;
        }

        var start = Args.Int(range, "rangeStart");
        var end = Args.Int(range, "rangeEnd");
        return (start is null || value >= start) && (end is null || value <= end);
    }

    private static bool MatchesTerms(FakeJob job, IDictionary<string, object?> terms)
    {
        var haystack = Query.Haystack(job);
        var and = Args.List(terms, "andTerms_all") ?? [];
        var or = Args.List(terms, "orTerms_any") ?? [];
        var exact = Args.List(terms, "exactTerms_any") ?? [];
        var exclude = Args.List(terms, "excludeTerms_any") ?? [];
        return and.All(t => Query.Contains(haystack, t))
            && (or.Count == 0 || or.Any(t => Query.Contains(haystack, t)))
            && (exact.Count == 0 || exact.Any(t => Query.Contains(haystack, t)))
            && !exclude.Any(t => Query.Contains(haystack, t));
    }

    /// <summary>
    /// A small part of Lucene syntax: words and "quoted phrases" are AND-ed, <c>OR</c> joins alternatives, <c>-word</c>/<c>NOT word</c>
    /// excludes; matching is case-insensitive on word boundaries over title, description and skills.
    /// </summary>
    private sealed class Query
    {
        private readonly List<List<string>> _clauses = [];
        private readonly List<string> _excluded = [];

        public static Query Parse(string? expression)
        {
            var query = new Query();
            if (string.IsNullOrWhiteSpace(expression))
            {
                return query;
            }

            var tokens = Regex.Matches(expression, "-?\"[^\"]*\"|[^\\s()]+")
                .Select(m => m.Value)
                .ToList();
            var negateNext = false;
            var orNext = false;
            foreach (var raw in tokens)
            {
                if (raw == "AND")
                {
                    continue;
                }

                if (raw == "OR")
                {
                    orNext = true;
                    continue;
                }

                if (raw == "NOT")
                {
                    negateNext = true;
                    continue;
                }

                var negate = negateNext || (raw.StartsWith('-') && raw.Length > 1);
                var term = (raw.StartsWith('-') ? raw[1..] : raw).Trim('"');
                negateNext = false;
                if (term.Length == 0)
                {
                    continue;
                }

                if (negate)
                {
                    query._excluded.Add(term);
                }
                else if (orNext && query._clauses.Count > 0)
                {
                    query._clauses[^1].Add(term);
                }
                else
                {
                    query._clauses.Add([term]);
                }

                orNext = false;
            }

            return query;
        }

        public static string Haystack(FakeJob job) => job.Title + "\n" + job.Description + "\n" + string.Join("\n", job.Skills);

        public static bool Contains(string haystack, string term) =>
            Regex.IsMatch(haystack, "(?<![\\p{L}\\p{N}])" + Regex.Escape(term.Trim()) + "(?![\\p{L}\\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public bool Matches(FakeJob job) => MatchesText(Haystack(job));

        public bool MatchesText(string text) =>
            _clauses.All(alternatives => alternatives.Any(t => Contains(text, t))) && !_excluded.Any(t => Contains(text, t));

        public int Score(FakeJob job)
        {
            var score = 0;
            foreach (var term in _clauses.SelectMany(c => c))
            {
                if (Contains(job.Title, term))
                {
                    score += 3;
                }

                if (job.Skills.Any(s => Contains(s, term)))
                {
                    score += 2;
                }

                if (Contains(job.Description, term))
                {
                    score += 1;
                }
            }

            return score;
        }
    }
}
