using System.Text.RegularExpressions;
using Contracts.Identity;
using Modules.Ai.Features.WriteCoverLetter;

namespace Modules.Ai.Writing;

/// <summary>One check of the quality rubric, as the editor shows it.</summary>
internal sealed record QualityCheck(string Name, bool Passed, double Weight, double Earned, string Detail);

/// <summary>The score (0–1), each check, the claims the profile does not support, and the closest earlier letter.</summary>
internal sealed record QualityReport(decimal Score, IReadOnlyList<QualityCheck> Checks, IReadOnlyList<string> UnsupportedClaims, double MaxSimilarity, int Words);

/// <summary>
/// The quality rubric. Each check earns part of its weight; the score is the sum, 0–1:
/// <list type="bullet">
/// <item><b>Length</b> (0.20): within the target's bounds (70%–130% of the target words, at least 120). Half outside by less than 25%.</item>
/// <item><b>No placeholders</b> (0.15): nothing like <c>[Your Name]</c>, <c>{client}</c> or <c>&lt;insert …&gt;</c> left.</item>
/// <item><b>Addresses the job</b> (0.25): share of the job's needs (its skills and the key words of its title) the letter mentions; full marks at 60%.</item>
/// <item><b>Call to action</b> (0.15): asks for a call, a chat or a next step.</item>
/// <item><b>No invented claims</b> (0.15): every skill or tool the letter names (from a vocabulary of common ones and the job's own skills) appears in the profile.</item>
/// <item><b>Original</b> (0.10): no earlier letter of the user's shares more than 50% of its five-word runs with this one.</item>
/// </list>
/// </summary>
internal static partial class LetterQuality
{
    public const double DuplicateThreshold = 0.5;

    public static int MinWords(int target) => Math.Max(120, (int)(target * 0.7));

    public static int MaxWords(int target) => (int)(target * 1.3) + 20;

    public static QualityReport Assess(string letter, LetterInputs inputs, IReadOnlyList<string> previousLetters)
    {
        var checks = new List<QualityCheck>();
        var words = CountWords(letter);
        var (min, max) = (MinWords(inputs.TargetWords), MaxWords(inputs.TargetWords));
        var lengthOk = words >= min && words <= max;
        var nearly = words >= min * 0.75 && words <= max * 1.25;
        checks.Add(new("Length", lengthOk, 0.20, lengthOk ? 0.20 : nearly ? 0.10 : 0, $"{words} words; the target is {min}–{max}."));

        var placeholders = Placeholders().Matches(letter).Select(m => m.Value).Distinct().Take(5).ToList();
        checks.Add(new("No placeholders", placeholders.Count == 0, 0.15, placeholders.Count == 0 ? 0.15 : 0,
            placeholders.Count == 0 ? "Nothing left to fill in." : $"Fill in or remove: {string.Join(", ", placeholders)}."));

        var needs = JobNeeds(inputs);
        var covered = needs.Where(n => Mentions(letter, n)).ToList();
        var coverage = needs.Count == 0 ? 1 : (double)covered.Count / needs.Count;
        var missing = needs.Except(covered).Take(6).ToList();
        checks.Add(new("Addresses the job", coverage >= 0.6, 0.25, Math.Round(0.25 * Math.Min(1, coverage / 0.6), 4),
            needs.Count == 0 ? "The job lists no skills to check against."
            : missing.Count == 0 ? $"Mentions all {needs.Count} of the job's key needs."
            : $"Mentions {covered.Count} of {needs.Count} key needs; not mentioned: {string.Join(", ", missing)}."));

        var cta = CallToAction().IsMatch(letter);
        checks.Add(new("Call to action", cta, 0.15, cta ? 0.15 : 0, cta ? "Ends with a next step for the client." : "Ask for a call, a chat or a next step."));

        var claims = UnsupportedClaims(letter, inputs);
        checks.Add(new("No invented claims", claims.Count == 0, 0.15, claims.Count == 0 ? 0.15 : 0,
            claims.Count == 0 ? "Every skill named is in your profile." : $"Not in your profile: {string.Join(", ", claims)}. Remove it or add it to the profile if true."));

        var similarity = previousLetters.Count == 0 ? 0 : previousLetters.Max(p => Similarity(letter, p));
        var original = similarity <= DuplicateThreshold;
        checks.Add(new("Original", original, 0.10, original ? 0.10 : 0,
            original ? previousLetters.Count == 0 ? "Your first letter." : $"At most {similarity:P0} overlap with your earlier letters."
            : $"{similarity:P0} the same as one of your earlier letters: clients notice copies."));

        var score = Math.Round((decimal)checks.Sum(c => c.Earned), 2);
        return new QualityReport(Math.Clamp(score, 0, 1), checks, claims, Math.Round(similarity, 3), words);
    }

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

    /// <summary>Skills and tools the letter names that the profile (skills, overview, portfolio, earlier letters) does not show.</summary>
    public static List<string> UnsupportedClaims(string letter, LetterInputs inputs)
    {
        var profile = inputs.Profile;
        var evidence = profile is null ? "" : string.Join("\n",
            new[] { profile.Title, profile.Overview ?? "" }
                .Concat(profile.Skills)
                .Concat(profile.Portfolio.SelectMany(p => new[] { p.Title, p.Description ?? "" }.Concat(p.Skills)))
                .Concat(profile.SampleLetters.Select(s => s.Text)));
        var vocabulary = SkillVocabulary.Terms.Concat(inputs.Job.Skills).Distinct(StringComparer.OrdinalIgnoreCase);
        // Only sentences written in the freelancer's voice count as claims; the answers section may quote the question.
        var body = letter.Split("Answers to screening questions:", 2)[0];
        return vocabulary.Where(t => Mentions(body, t) && !Mentions(evidence, t) && !SkillVocabulary.Aliases(t).Any(a => Mentions(evidence, a)))
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(t => t, StringComparer.OrdinalIgnoreCase).Take(10).ToList();
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
    public static bool Mentions(string text, string term) => term.Length > 0 && TermPattern(term).IsMatch(text);

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

    [GeneratedRegex(@"\b(call|chat|talk|discuss|schedule|meet|meeting|hop on|get started|next step|let me know|reach out|message me|send (me )?a message|happy to (share|answer|walk)|available to start|look forward)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CallToAction();
}
