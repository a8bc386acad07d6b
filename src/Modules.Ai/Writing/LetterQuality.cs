using System.Text.RegularExpressions;
using Contracts.Identity;
using Modules.Ai.Features.WriteCoverLetter;

namespace Modules.Ai.Writing;

/// <summary>One check of the quality rubric, as the editor shows it; a check with no weight is a gate.</summary>
internal sealed record QualityCheck(string Name, bool Passed, double Weight, double Earned, string Detail);

/// <summary>
/// The score (0–1), each check, the claims the profile does not support (and the sentences that make them, for the
/// editor to highlight), and the closest earlier letter.
/// </summary>
internal sealed record QualityReport(decimal Score, IReadOnlyList<QualityCheck> Checks, IReadOnlyList<string> UnsupportedClaims, double MaxSimilarity, int Words,
    IReadOnlyList<string>? ClaimSentences = null);

/// <summary>
/// The quality rubric (docs/letters.md). Each check earns part of its weight, each with its reason; the weights sum to 1:
/// <list type="bullet">
/// <item><b>Length</b> (0.15): within the target's bounds (70%–130% of the target words, at least 120). Half outside by less than 25%.</item>
/// <item><b>No placeholders</b> (0.10): nothing like <c>[Your Name]</c>, <c>{client}</c> or <c>&lt;insert …&gt;</c> left.</item>
/// <item><b>Covers the post</b> (0.20): share of the post's deliverables, questions, stated problems and "mention X" requests
/// (<see cref="PostReader"/>) the letter answers; full marks at 70%.</item>
/// <item><b>Addresses the job</b> (0.10): share of the job's skills and title words the letter names; full marks at 60%.</item>
/// <item><b>Cites a result</b> (0.10): a sentence with a concrete figure that the profile holds.</item>
/// <item><b>Call to action</b> (0.10): asks for a call, a chat or a next step.</item>
/// <item><b>No generic filler</b> (0.10): none of the phrases clients complain about (<see cref="Filler"/>); half off per phrase.</item>
/// <item><b>No truncated sentences</b> (0.05): no word cut off before an ellipsis.</item>
/// <item><b>Original</b> (0.05): no earlier letter of the user's to another job shares more than 50% of its five-word runs.</item>
/// <item><b>Not boilerplate</b> (0.05): shares at most 35% of its five-word runs with what the offline writer writes for unrelated jobs.</item>
/// </list>
/// <b>No invented claims</b> is a gate, not a weight: an honest letter scores 0.30 + 0.70 × the rubric, a letter that names
/// a skill the profile lacks at most 0.29 × the rubric, so it can never outscore an honest one.
/// </summary>
internal static partial class LetterQuality
{
    public const double DuplicateThreshold = 0.5;

    /// <summary>Five-word-run overlap above which two letters to different jobs read as one template (issue 19).</summary>
    public const double BoilerplateThreshold = 0.35;

    /// <summary>The highest score a letter with an invented claim can get; every honest letter scores at least 0.30.</summary>
    public const decimal ClaimCap = 0.29m;

    public static int MinWords(int target) => Math.Max(120, (int)(target * 0.7));

    public static int MaxWords(int target) => (int)(target * 1.3) + 20;

    /// <summary>Phrases clients name when they call a letter generic (they say nothing about this job).</summary>
    public static readonly IReadOnlyList<string> Filler =
    [
        "I read your post carefully", "I have read your job description", "I have gone through your job", "I went through your job post",
        "I am the perfect fit", "I'm the perfect fit", "perfect candidate", "look no further", "your search ends here", "I am confident that I",
        "hard-working", "hardworking", "passion for quality", "high-quality work", "100% satisfaction", "100% client satisfaction",
        "I can do this job", "I am an expert in all", "To whom it may concern", "Dear Sir/Madam", "Dear Hiring Manager",
        "I understand your requirements", "many years of experience", "many similar projects", "on time and within budget",
        "I treat every client", "long-term cooperation", "please check my profile", "I am available full-time", "exactly what you need",
    ];

    public static QualityReport Assess(string letter, LetterInputs inputs, IReadOnlyList<string> previousLetters)
    {
        var checks = new List<QualityCheck>();
        var words = CountWords(letter);
        var (min, max) = (MinWords(inputs.TargetWords), MaxWords(inputs.TargetWords));
        var lengthOk = words >= min && words <= max;
        var nearly = words >= min * 0.75 && words <= max * 1.25;
        checks.Add(new("Length", lengthOk, 0.15, lengthOk ? 0.15 : nearly ? 0.075 : 0, $"{words} words; the target is {min}–{max}."));

        var placeholders = Placeholders().Matches(letter).Select(m => m.Value).Distinct().Take(5).ToList();
        checks.Add(new("No placeholders", placeholders.Count == 0, 0.10, placeholders.Count == 0 ? 0.10 : 0,
            placeholders.Count == 0 ? "Nothing left to fill in." : $"Fill in or remove: {string.Join(", ", placeholders)}."));

        var reading = PostReader.Read(inputs.Job.Title, inputs.Job.Description, inputs.Questions);
        var points = reading.Points.Where(p => p.Kind != PostPointKind.Constraint).ToList();
        var coveredPoints = points.Count(p => PostReader.Covers(letter, p));
        var mentioned = reading.Mentions.Count(m => letter.Contains(m, StringComparison.OrdinalIgnoreCase));
        var total = points.Count + reading.Mentions.Count;
        var postCoverage = total == 0 ? 1 : (double)(coveredPoints + mentioned) / total;
        var missed = points.Where(p => !PostReader.Covers(letter, p)).Select(p => Short(p.Text)).Concat(reading.Mentions.Where(m => !letter.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"the word \"{m}\" the post asks for")).Take(3).ToList();
        checks.Add(new("Covers the post", postCoverage >= 0.7, 0.20, Math.Round(0.20 * Math.Min(1, postCoverage / 0.7), 4),
            total == 0 ? "The post states no deliverables or questions to answer."
            : missed.Count == 0 ? $"Answers all {total} of the post's points (deliverables, questions, problems)."
            : $"Answers {coveredPoints + mentioned} of the post's {total} points; not answered: {string.Join("; ", missed)}."));

        var needs = JobNeeds(inputs);
        var covered = needs.Where(n => Mentions(letter, n)).ToList();
        var coverage = needs.Count == 0 ? 1 : (double)covered.Count / needs.Count;
        var missing = needs.Except(covered).Take(6).ToList();
        checks.Add(new("Addresses the job", coverage >= 0.6, 0.10, Math.Round(0.10 * Math.Min(1, coverage / 0.6), 4),
            needs.Count == 0 ? "The job lists no skills to check against."
            : missing.Count == 0 ? $"Mentions all {needs.Count} of the job's key needs."
            : $"Mentions {covered.Count} of {needs.Count} key needs; not mentioned: {string.Join(", ", missing)}."));

        var result = CitedResult(letter, inputs);
        checks.Add(new("Cites a result", result is not null, 0.10, result is not null ? 0.10 : 0,
            result is not null ? $"Cites a concrete result from your profile: \"{Short(result)}\""
            : inputs.Profile is null ? "No profile chosen, so there is no result to cite: a letter with evidence wins more often."
            : "Name one concrete result from your profile (a number, a before and after): clients trust evidence over adjectives."));

        var cta = CallToAction().IsMatch(letter);
        checks.Add(new("Call to action", cta, 0.10, cta ? 0.10 : 0, cta ? "Ends with a next step for the client." : "Ask for a call, a chat or a next step."));

        var filler = Filler.Where(f => letter.Contains(f, StringComparison.OrdinalIgnoreCase)).Take(4).ToList();
        checks.Add(new("No generic filler", filler.Count == 0, 0.10, Math.Round(0.10 * Math.Max(0, 1 - filler.Count / 2.0), 4),
            filler.Count == 0 ? "No stock phrases clients skip over." : $"Clients read these as copy-paste: {string.Join(", ", filler.Select(f => $"\"{f}\""))}. Say something about this job instead."));

        var cut = Truncated().Matches(letter).Select(m => m.Value.Trim()).Take(3).ToList();
        checks.Add(new("No truncated sentences", cut.Count == 0, 0.05, cut.Count == 0 ? 0.05 : 0,
            cut.Count == 0 ? "Every sentence is whole." : $"Cut off mid-word: {string.Join(", ", cut)}. Finish the sentence or remove it."));

        var similarity = previousLetters.Count == 0 ? 0 : previousLetters.Max(p => Similarity(letter, p));
        var original = similarity <= DuplicateThreshold;
        checks.Add(new("Original", original, 0.05, original ? 0.05 : 0,
            original ? previousLetters.Count == 0 ? "Your first letter." : $"At most {similarity:P0} overlap with your earlier letters."
            : $"{similarity:P0} the same as one of your earlier letters: clients notice copies."));

        var boilerplate = WriterOutputForOtherJobs(inputs).Max(o => Similarity(letter, o));
        var distinct = boilerplate <= BoilerplateThreshold;
        checks.Add(new("Not boilerplate", distinct, 0.05, distinct ? 0.05 : 0,
            distinct ? $"At most {boilerplate:P0} overlap with what the built-in writer says for unrelated jobs."
            : $"{boilerplate:P0} the same as the built-in writer's letters for unrelated jobs: it reads as a template."));

        var claims = ClaimsWithSentences(letter, inputs);
        var claimed = claims.Select(c => c.Term).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(t => t, StringComparer.OrdinalIgnoreCase).Take(10).ToList();
        checks.Add(new("No invented claims", claimed.Count == 0, 0, 0,
            claimed.Count == 0 ? "Every skill named is in your profile (a gate: an invented claim caps the score below every honest letter)."
            : $"Not in your profile: {string.Join(", ", claimed)}. Remove it or add it to the profile if true. Until then the score is capped at {ClaimCap:0.00}, below every honest letter."));

        var rubric = (decimal)checks.Sum(c => c.Earned);
        var score = claimed.Count == 0 ? 0.30m + 0.70m * rubric : ClaimCap * rubric;
        return new QualityReport(Math.Clamp(Math.Round(score, 2), 0, 1), checks, claimed, Math.Round(similarity, 3), words,
            claims.Select(c => c.Sentence).Distinct().Take(5).ToList());
    }

    /// <summary>The first sentence of the letter that quotes a figure the profile holds ("2M", "40%", "from 900 ms to 120 ms").</summary>
    public static string? CitedResult(string letter, LetterInputs inputs)
    {
        var profile = inputs.Profile;
        if (profile is null) return null;
        var evidence = string.Join("\n", new[] { profile.Overview ?? "" }.Concat(profile.Portfolio.Select(p => p.Description ?? "")));
        var figures = Figures(evidence).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (figures.Count == 0) return null;
        return SentenceSplit().Split(letter).FirstOrDefault(s => Figures(s).Any(figures.Contains));
    }

    private static IEnumerable<string> Figures(string text) => Figure().Matches(text).Select(m => m.Value.TrimEnd('.', ',')).Where(f => f.Length >= 2);

    /// <summary>Letters the offline writer writes, with this profile, for three jobs unrelated to each other.</summary>
    private static IEnumerable<string> WriterOutputForOtherJobs(LetterInputs inputs) =>
        ReferenceJobs.Where(j => !string.Equals(j.Title, inputs.Job.Title, StringComparison.OrdinalIgnoreCase))
            .Select(j => LetterComposer.Compose(inputs with { Job = j, Questions = [] }));

    private static readonly Contracts.Upwork.JobPostingDetails[] ReferenceJobs =
    [
        Reference("Bookkeeping catch-up for a florist", "Our books are four months behind. We need bank reconciliation and a tidy chart of accounts before our tax return.", ["Bookkeeping"]),
        Reference("Logo for a cycling club", "We need a logo for our cycling club that works on jerseys and on a small app icon. Can you show two or three directions?", ["Logo Design"]),
        Reference("Fix a crash in our Android app", "The app crashes when users rotate the phone on the checkout screen. We need the bug found and fixed, with a test.", ["Android"]),
    ];

    private static Contracts.Upwork.JobPostingDetails Reference(string title, string description, IReadOnlyList<string> skills) =>
        new(Guid.Empty, "reference", title, description, skills, "fixed", null, null, null, null, null, null, null, DateTimeOffset.UnixEpoch,
            new Contracts.Upwork.JobClient(null, null, null, null, null, null, null));

    private static string Short(string text) => text.Length <= 90 ? text : text[..(text.LastIndexOf(' ', 88) is > 40 and var i ? i : 88)] + " …";

    public static int CountWords(string text) => Word().Count(text);

    /// <summary>The job's skills and the significant words of its title, deduplicated.</summary>
    public static List<string> JobNeeds(LetterInputs inputs)
    {
        var needs = inputs.Job.Skills.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
        foreach (Match m in Word().Matches(inputs.Job.Title))
        {
            var w = m.Value;
            if (w.Length > 3 && !Stop.Contains(w.ToLowerInvariant()) && !needs.Any(n => n.Contains(w, StringComparison.OrdinalIgnoreCase))) needs.Add(w);
        }
        return needs.Distinct(StringComparer.OrdinalIgnoreCase).Take(12).ToList();
    }

    /// <summary>Skills and tools the letter claims that the profile (skills, overview, portfolio, earlier letters) does not show.</summary>
    public static List<string> UnsupportedClaims(string letter, LetterInputs inputs) =>
        ClaimsWithSentences(letter, inputs).Select(c => c.Term).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(t => t, StringComparer.OrdinalIgnoreCase).Take(10).ToList();

    /// <summary>
    /// Each unsupported skill with the sentence that claims it. A claim is a sentence in the freelancer's own voice (first
    /// person); a sentence that admits a gap ("I haven't used X yet") or only talks about the client's side ("your X
    /// setup") claims nothing.
    /// </summary>
    public static List<(string Term, string Sentence)> ClaimsWithSentences(string letter, LetterInputs inputs)
    {
        var profile = inputs.Profile;
        var evidence = profile is null ? "" : string.Join("\n",
            new[] { profile.Title, profile.Overview ?? "" }
                .Concat(profile.Skills)
                .Concat(profile.Portfolio.SelectMany(p => new[] { p.Title, p.Description ?? "" }.Concat(p.Skills)))
                .Concat(profile.SampleLetters.Select(s => s.Text)));
        var vocabulary = SkillVocabulary.Terms.Concat(inputs.Job.Skills).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Only sentences written in the freelancer's voice count as claims; the answers section may quote the question.
        var body = letter.Split("Answers to screening questions:", 2)[0];
        var found = new List<(string, string)>();
        foreach (var sentence in SentenceSplit().Split(body).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            if (!FirstPerson().IsMatch(sentence) || Gap().IsMatch(sentence)) continue;
            // "I would page through your HubSpot API…" is a plan for the client's system, not a claim of experience.
            if (Plan().IsMatch(sentence) && !Experience().IsMatch(sentence)) continue;
            foreach (var t in vocabulary)
                if (Mentions(sentence, t) && !Mentions(evidence, t) && !SkillVocabulary.Aliases(t).Any(a => Mentions(evidence, a)))
                    found.Add((t, sentence));
        }
        return found;
    }

    /// <summary>Jaccard overlap of five-word runs (shingles): 1 for a copy, about 0 for unrelated letters.</summary>
    public static double Similarity(string a, string b)
    {
        var sa = Shingles(a);
        var sb = Shingles(b);
        if (sa.Count == 0 || sb.Count == 0) return 0;
        var common = sa.Count(sb.Contains);
        return (double)common / (sa.Count + sb.Count - common);
    }

    private static HashSet<string> Shingles(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 5 <= words.Length; i++) set.Add(string.Join(' ', words, i, 5));
        return set;
    }

    /// <summary>Whole-word, case-insensitive; "C#", "Node.js" and "CI/CD" match as written.</summary>
    public static bool Mentions(string text, string term)
    {
        if (term.Length == 0) return false;
        try
        {
            return TermPattern(term).IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A descheduled thread on a busy machine can outlast the timeout on a harmless input: fall back to a plain search.
            return text.Contains(term, StringComparison.OrdinalIgnoreCase);
        }
    }

    // One compiled pattern per term: a letter is checked against ~150 terms, more than Regex's static cache holds.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Terms = new(StringComparer.OrdinalIgnoreCase);

    private static Regex TermPattern(string term) => Terms.Count > 5000
        ? Build(term)
        : Terms.GetOrAdd(term, Build);

    private static Regex Build(string term) =>
        new($@"(?<![\w#+.]){Regex.Escape(term)}(?![\w#+]|\.\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    private static readonly HashSet<string> Stop =
    [
        "need", "needed", "needs", "looking", "want", "expert", "developer", "project", "build", "help", "with", "from", "into",
        "that", "this", "your", "their", "long", "term", "simple", "quick", "small", "urgent", "senior", "junior", "freelancer",
        "create", "make", "work", "support", "fix", "for", "and", "the", "specialist", "required", "job", "task", "tasks", "ongoing",
    ];

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'#+.-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\[(?:your|client|insert|name|company|x{2,}|todo)[^\]]{0,40}\]|\{[a-z_ ]{2,30}\}|<(?:insert|your|client)[^>]{0,40}>|\bTODO\b|\bXXX\b", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholders();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"(?:\bI\b|\bI'(?:m|ve|d|ll)\b|\b(?:my|me|mine|myself|we|we've|we're|we'd|our|ours)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"\b(?:haven't|have not|hasn't|has not|never (?:used|worked|shipped|built)|not yet|yet\b|no (?:production |hands-on |prior |real |professional )?experience|don't have|do not have|new to|not something I|isn't something|would (?:learn|need to learn)|learn(?:ing)? it|honest gap|not with|gap)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Gap();

    [GeneratedRegex(@"\b(?:I would|I'd|I will|I'll|I'm going to|I plan|let me|we would|we'd|we will|we'll|could we|can we|shall we|should we|let's|as I understand it|I understand|my answers?|my approach|my plan|I can (?:sketch|send|share|walk|start|show|confirm|look))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Plan();

    [GeneratedRegex(@"\b(?:I have|I've|I had|I use|I used|I built|I build|I worked|I work|I know|I led|I ran|I run|I shipped|I delivered|I speciali[sz]e|I'm an?|I am an?|my (?:experience|expertise|background|work|everyday work|regular work|day-to-day work|stack|toolkit)|everyday work|regular work|day-to-day|years?|expert|proficient|hands-on|in production|certified|skilled|fluent)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Experience();

    /// <summary>Figures as a profile states results: "2M", "40%", "7.8", "1,200", "$3k".</summary>
    [GeneratedRegex(@"\$?\d[\d,.]*(?:\s?%|[kKmM]\b)?")]
    private static partial Regex Figure();

    /// <summary>A word cut off before an ellipsis: "…read from Snowflak…".</summary>
    [GeneratedRegex(@"\p{L}{2,}(?:…|\.\.\.)(?=\s|$|\))")]
    private static partial Regex Truncated();

    [GeneratedRegex(@"\b(call|chat|talk|discuss|schedule|meet|meeting|hop on|get started|next step|let me know|reach out|message me|send (me )?a message|happy to (share|answer|walk)|available to start|look forward)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CallToAction();
}
