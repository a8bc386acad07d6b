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
    /// <c>searchExpression_eq</c> read the way Lucene's classic query parser reads it, strictly (docs/upwork-api.md §2.2.1:
    /// "supports partial Lucene syntax"): words and "quoted phrases" are AND-ed, <c>OR</c> joins alternatives, <c>NOT</c>,
    /// <c>-</c> and <c>!</c> exclude, <c>+</c> requires, <c>(…)</c> groups — operators in capitals only (<c>or</c> is a
    /// word). A backslash makes the next character literal (<c>C\+\+</c> is "C++"); unescaped, <c>+</c> inside a word is
    /// dropped as Lucene's analyzer drops it (<c>C++</c> searches "C"). Anything Lucene would refuse, or that we do not
    /// serve (fields, ranges, boosts, wildcards, fuzzy and regex terms), is an error: an unbalanced quote or parenthesis,
    /// an operator with nothing to join, an unescaped <c>: ^ [ ] { } ~ * ? / !</c> inside a word, a trailing backslash.
    /// Matching is case-insensitive on word boundaries over title, description and skills.
    /// </summary>
    private sealed class Query
    {
        private const string Refused = ":^[]{}~*?/!";

        private readonly List<(List<object> Alternatives, bool Prohibited)> _clauses = [];

        private enum Kind
        {
            Term,
            LParen,
            RParen,
            And,
            Or,
            Not,
            Plus,
        }

        public static Query Parse(string? expression)
        {
            if (string.IsNullOrWhiteSpace(expression))
            {
                return new Query();
            }

            var tokens = Lex(expression);
            var position = 0;
            var query = ParseGroup(expression, tokens, ref position, nested: false);
            return query;
        }

        public static string Haystack(FakeJob job) => job.Title + "\n" + job.Description + "\n" + string.Join("\n", job.Skills);

        public static bool Contains(string haystack, string term) =>
            Regex.IsMatch(haystack, "(?<![\\p{L}\\p{N}])" + Regex.Escape(term.Trim()) + "(?![\\p{L}\\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public bool Matches(FakeJob job) => MatchesText(Haystack(job));

        public bool MatchesText(string text) =>
            _clauses.Where(c => !c.Prohibited).All(c => c.Alternatives.Any(a => Hit(a, text)))
            && !_clauses.Where(c => c.Prohibited).Any(c => c.Alternatives.Any(a => Hit(a, text)));

        public int Score(FakeJob job)
        {
            var score = 0;
            foreach (var term in Terms())
            {
                score += (Contains(job.Title, term) ? 3 : 0) + (job.Skills.Any(s => Contains(s, term)) ? 2 : 0) + (Contains(job.Description, term) ? 1 : 0);
            }

            return score;
        }

        private static bool Hit(object node, string text) => node is Query group ? group.MatchesText(text) : Contains(text, (string)node);

        private IEnumerable<string> Terms() =>
            _clauses.Where(c => !c.Prohibited).SelectMany(c => c.Alternatives).SelectMany(a => a is Query q ? q.Terms() : [(string)a]);

        private static FakeExecutionError Error(string expression, string reason) => new($"Cannot parse '{expression}': {reason}");

        private static List<(Kind Kind, string Text)> Lex(string s)
        {
            var tokens = new List<(Kind, string)>();
            var i = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                switch (c)
                {
                    case '(':
                        tokens.Add((Kind.LParen, "("));
                        i++;
                        continue;
                    case ')':
                        tokens.Add((Kind.RParen, ")"));
                        i++;
                        continue;
                    case '"':
                        var close = i + 1;
                        var phrase = new System.Text.StringBuilder();
                        while (close < s.Length && s[close] != '"')
                        {
                            if (s[close] == '\\' && close + 1 < s.Length)
                            {
                                close++;
                            }

                            phrase.Append(s[close]);
                            close++;
                        }

                        if (close >= s.Length)
                        {
                            throw Error(s, $"Lexical error at line 1, column {s.Length + 1}.  Encountered: <EOF> after : \"{s[i..]}\"");
                        }

                        tokens.Add((Kind.Term, phrase.ToString()));
                        i = close + 1;
                        continue;
                    case '+' or '-' or '!' when i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]):
                        tokens.Add((c == '+' ? Kind.Plus : Kind.Not, c.ToString()));
                        i++;
                        continue;
                    case '&' or '|' when i + 1 < s.Length && s[i + 1] == c:
                        tokens.Add((c == '&' ? Kind.And : Kind.Or, new string(c, 2)));
                        i += 2;
                        continue;
                }

                var word = new System.Text.StringBuilder();
                var escaped = false;
                while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('(' or ')' or '"'))
                {
                    var ch = s[i];
                    if (ch == '\\')
                    {
                        if (i + 1 >= s.Length)
                        {
                            throw Error(s, "Term can not end with escape character.");
                        }

                        word.Append(s[i + 1]);
                        escaped = true;
                        i += 2;
                        continue;
                    }

                    if (Refused.Contains(ch, StringComparison.Ordinal))
                    {
                        throw Error(s, $"Encountered \"{ch}\" at line 1, column {i + 1}.");
                    }

                    if (ch != '+')
                    {
                        word.Append(ch);
                    }

                    i++;
                }

                var text = word.ToString();
                var kind = !escaped && text is "AND" ? Kind.And : !escaped && text is "OR" ? Kind.Or : !escaped && text is "NOT" ? Kind.Not : Kind.Term;
                if (kind != Kind.Term || text.Length > 0)
                {
                    tokens.Add((kind, text));
                }
            }

            return tokens;
        }

        private static Query ParseGroup(string expression, List<(Kind Kind, string Text)> tokens, ref int position, bool nested)
        {
            var query = new Query();
            bool or = false, not = false, expectOperand = false;
            while (true)
            {
                if (position >= tokens.Count)
                {
                    if (nested || expectOperand)
                    {
                        throw Error(expression, "Encountered \"<EOF>\" at line 1.");
                    }

                    return query;
                }

                var (kind, text) = tokens[position++];
                switch (kind)
                {
                    case Kind.RParen:
                        if (!nested || expectOperand || query._clauses.Count == 0)
                        {
                            throw Error(expression, "Encountered \")\" at line 1.");
                        }

                        return query;
                    case Kind.And or Kind.Or:
                        if (query._clauses.Count == 0 || expectOperand)
                        {
                            throw Error(expression, $"Encountered \"{text}\" at line 1.");
                        }

                        or = kind == Kind.Or;
                        expectOperand = true;
                        continue;
                    case Kind.Not:
                        not = true;
                        expectOperand = true;
                        continue;
                    case Kind.Plus:
                        expectOperand = true;
                        continue;
                }

                object node = kind == Kind.LParen ? ParseGroup(expression, tokens, ref position, nested: true) : text;
                if (not)
                {
                    query._clauses.Add(([node], true));
                }
                else if (or && query._clauses.Count > 0 && !query._clauses[^1].Prohibited)
                {
                    query._clauses[^1].Alternatives.Add(node);
                }
                else
                {
                    query._clauses.Add(([node], false));
                }

                or = not = expectOperand = false;
            }
        }
    }
}
