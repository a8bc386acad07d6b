using System.Text.RegularExpressions;
using Contracts.Identity;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

/// <summary>
/// Finds a job's skills in a profile, in three passes:
/// <list type="number">
/// <item>exact: the profile (or one of its portfolio items) lists the skill, spelled alike after <see cref="SkillNames.Normalize"/>;</item>
/// <item>synonym: it lists the same skill under another name (<see cref="SkillNames.Canonical"/>: "ReactJS" = "React");</item>
/// <item>semantic: the profile's own words — title, overview sentences, portfolio titles and descriptions — describe the
/// skill, judged by the cosine of sentence embeddings (needs an <see cref="ITextEmbedder"/>; skipped without one).</item>
/// </list>
/// Listed skills are compared only by name, never semantically: embeddings of one- or two-word names are noisy
/// ("WordPress" sits at 0.50 from "CSS", "Logo Design" at 0.43), while whole sentences carry context.
/// </summary>
internal sealed partial class SkillMatcher(ITextEmbedder? embedder = null)
{
    /// <summary>
    /// Minimum cosine between "experience with {job skill}" and a profile sentence for a semantic match. Chosen on
    /// 45 hand-labelled pairs across four profiles (web developer, data scientist, bookkeeper, DevOps engineer) with
    /// all-MiniLM-L6-v2: true matches mostly scored 0.44–0.78 ("Bookkeeping" ↔ "Bookkeeper for small businesses" 0.75,
    /// "Machine Learning" ↔ "I build ML models with PyTorch" 0.47, "Kubernetes" ↔ "I deploy microservices with Helm
    /// charts on EKS" 0.48), unrelated ones at most 0.40 ("WordPress" ↔ "Full-stack web developer", "SEO" ↔ "I care
    /// about fast pages" 0.36). 0.42 sits in the gap and errs towards "missing": a skill wrongly shown as covered misleads
    /// more than one the freelancer sees listed as missing and knows they have. Prefixing the job skill with "experience
    /// with" turned it into a phrase like the profile's and widened the gap (raw names overlapped: 0.28–0.67 vs ≤0.50).
    /// </summary>
    public const double SemanticThreshold = 0.42;

    /// <summary>What a semantic match counts for in the score, against 1 for a listed skill: prose is weaker evidence.</summary>
    public const double SemanticWeight = 0.75;

    private const int MaxEvidenceChars = 300;
    private const int MaxEvidenceChunks = 60;

    /// <summary>True when semantic matching is available.</summary>
    public bool IsSemantic => embedder is not null;

    /// <summary>Matches the job's skills against the profile; with no profile the result says to choose one.</summary>
    public async ValueTask<SkillsMatch> MatchAsync(IReadOnlyList<string> jobSkills, FreelancerProfile? profile, CancellationToken ct)
    {
        var skills = jobSkills.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())
            .DistinctBy(SkillNames.Canonical).ToList();
        if (profile is null) return SkillsMatch.NoProfile(skills);
        if (skills.Count == 0) return new SkillsMatch(0.5, [], [], "The job lists no skills, so there is nothing to match.");

        var listed = profile.Skills.Concat(profile.Portfolio.SelectMany(p => p.Skills))
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var matched = new List<MatchedSkill>();
        var unmatched = new List<string>();
        foreach (var skill in skills)
        {
            var normalized = SkillNames.Normalize(skill);
            var canonical = SkillNames.Canonical(skill);
            if (listed.FirstOrDefault(s => SkillNames.Normalize(s) == normalized) is { } exact)
                matched.Add(new MatchedSkill(skill, SkillMatchKind.Exact, exact, 1, $"{skill}: listed in your skills."));
            else if (listed.FirstOrDefault(s => SkillNames.Canonical(s) == canonical) is { } synonym)
                matched.Add(new MatchedSkill(skill, SkillMatchKind.Synonym, synonym, 1, $"{skill}: same as your skill {synonym}."));
            else unmatched.Add(skill);
        }

        if (embedder is not null && unmatched.Count > 0)
        {
            var evidence = Evidence(profile);
            if (evidence.Count > 0)
            {
                var queries = unmatched.Select(Query).ToList();
                var vectors = await embedder.EmbedAsync([.. queries, .. evidence.Select(e => e.Text)], ct);
                for (var i = unmatched.Count - 1; i >= 0; i--)
                {
                    var (best, similarity) = (-1, double.MinValue);
                    for (var j = 0; j < evidence.Count; j++)
                    {
                        var cosine = Cosine(vectors[i], vectors[queries.Count + j]);
                        if (cosine > similarity) (best, similarity) = (j, cosine);
                    }
                    if (similarity < SemanticThreshold) continue;
                    var source = evidence[best];
                    matched.Add(new MatchedSkill(unmatched[i], SkillMatchKind.Semantic, source.Original, Math.Round(similarity, 3),
                        $"{unmatched[i]}: your {source.Where} mentions \"{Shorten(source.Original, 80).TrimEnd('.', '!', '?', ';', ':')}\"."));
                    unmatched.RemoveAt(i);
                }
            }
        }

        var order = skills.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        matched.Sort((a, b) => order[a.Skill].CompareTo(order[b.Skill]));
        var score = matched.Sum(m => m.Kind == SkillMatchKind.Semantic ? SemanticWeight : 1.0) / skills.Count;
        return new SkillsMatch(Math.Round(score, 3), matched, unmatched, Reason(skills.Count, matched, unmatched));
    }

    /// <summary>The text embedded for a job skill; public so a batch of jobs can be embedded in one call beforehand.</summary>
    public static string Query(string jobSkill) => "experience with " + SkillNames.ExpandAbbreviations(SkillNames.Display(jobSkill.Trim()));

    private static string Reason(int total, List<MatchedSkill> matched, List<string> missing)
    {
        if (matched.Count == total) return total == 1 ? "You have the one skill this job asks for." : $"You have all {total} skills this job asks for.";
        if (matched.Count == 0)
            return total == 1 ? $"The one skill this job asks for, {missing[0]}, does not show in your profile."
                : $"None of the {total} skills this job asks for show in your profile: {List(missing)}.";
        return $"You have {matched.Count} of the {total} skills this job asks for; missing {List(missing)}.";
    }

    private static string List(IReadOnlyList<string> items) => items.Count switch
    {
        1 => items[0],
        <= 3 => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
        _ => $"{string.Join(", ", items.Take(3))} and {items.Count - 3} more",
    };

    /// <summary>The profile's prose cut into sentences, each with where it came from.</summary>
    private static List<EvidenceChunk> Evidence(FreelancerProfile profile)
    {
        var chunks = new List<EvidenceChunk>();
        if (!string.IsNullOrWhiteSpace(profile.Title)) chunks.Add(Chunk(profile.Title, "profile title"));
        if (!string.IsNullOrWhiteSpace(profile.Overview))
            chunks.AddRange(Sentences(profile.Overview).Select(s => Chunk(s, "overview")));
        foreach (var item in profile.Portfolio)
        {
            chunks.Add(Chunk(string.IsNullOrWhiteSpace(item.Description) ? item.Title : $"{item.Title}: {item.Description}", "portfolio"));
            if (!string.IsNullOrWhiteSpace(item.Description))
                chunks.AddRange(Sentences(item.Description).Select(s => Chunk(s, "portfolio")));
        }
        return chunks.DistinctBy(c => c.Text).Take(MaxEvidenceChunks).ToList();
    }

    private static EvidenceChunk Chunk(string text, string where)
    {
        var original = Shorten(Whitespace().Replace(text, " ").Trim(), MaxEvidenceChars);
        return new EvidenceChunk(SkillNames.ExpandAbbreviations(original), original, where);
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim(' ', '-', '*', '•', '\t')).Where(s => s.Count(char.IsLetter) >= 3);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    private sealed record EvidenceChunk(string Text, string Original, string Where);

    [GeneratedRegex(@"(?<=[.!?;:])\s+|\r?\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
