using System.Text.RegularExpressions;
using Contracts.Identity;
using Modules.Ai.Models;

namespace Modules.Ai.Writing;

/// <summary>Where a sentence of evidence comes from.</summary>
internal enum EvidenceSource { Portfolio, Overview }

/// <summary>A whole sentence from the freelancer's own profile, with the portfolio item it belongs to.</summary>
internal sealed record EvidenceSentence(string Text, EvidenceSource Source, string? Item, string? Url, bool HasResult);

/// <summary>How close each evidence sentence is to the job (row 0) and to each of the post's points (rows 1…).</summary>
internal sealed record EvidenceScores(double[][] Rows)
{
    public double Of(int query, int candidate) => query < Rows.Length && candidate < Rows[query].Length ? Rows[query][candidate] : 0;
}

/// <summary>
/// Picks the profile's evidence by meaning. Candidates are whole sentences from the portfolio descriptions and the
/// overview (never cut: a sentence too long to quote is left out); they are ranked against the job and each of its
/// points by the cosine of MiniLM sentence embeddings (<see cref="ITextEmbedder"/>), or, without the model, by shared
/// content words. A sentence with a number or a measured change counts as a result.
/// </summary>
internal static partial class LetterEvidence
{
    /// <summary>Below this cosine a sentence is not "about" a point (MiniLM: related sentences sit at 0.35–0.7).</summary>
    public const double PointThreshold = 0.33;

    public const int MaxCandidates = 40;

    public static List<EvidenceSentence> Candidates(FreelancerProfile? profile)
    {
        var list = new List<EvidenceSentence>();
        if (profile is null) return list;
        foreach (var item in profile.Portfolio)
        {
            var url = Uri.TryCreate(item.Url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" ? u.ToString() : null;
            foreach (var s in WholeSentences(item.Description))
                list.Add(new EvidenceSentence(s, EvidenceSource.Portfolio, OneLine(item.Title), url, Result().IsMatch(s)));
        }
        foreach (var s in WholeSentences(profile.Overview))
            list.Add(new EvidenceSentence(s, EvidenceSource.Overview, null, null, Result().IsMatch(s)));
        return list.Take(MaxCandidates).ToList();
    }

    /// <summary>Scores by meaning when an embedder is given, else by shared words.</summary>
    public static async ValueTask<EvidenceScores> ScoreAsync(ITextEmbedder? embedder, IReadOnlyList<string> queries, IReadOnlyList<EvidenceSentence> candidates, CancellationToken ct)
    {
        if (embedder is null || candidates.Count == 0 || queries.Count == 0) return Lexical(queries, candidates);
        var vectors = await embedder.EmbedAsync([.. queries, .. candidates.Select(c => c.Item is null ? c.Text : $"{c.Item}: {c.Text}")], ct);
        var rows = new double[queries.Count][];
        for (var q = 0; q < queries.Count; q++)
        {
            rows[q] = new double[candidates.Count];
            for (var c = 0; c < candidates.Count; c++) rows[q][c] = Dot(vectors[q], vectors[queries.Count + c]);
        }
        return new EvidenceScores(rows);
    }

    /// <summary>Shared content words, scaled to sit in the same range as the cosine (0 unrelated, ~0.5 closely related).</summary>
    public static EvidenceScores Lexical(IReadOnlyList<string> queries, IReadOnlyList<EvidenceSentence> candidates)
    {
        var bags = candidates.Select(c => Bag((c.Item ?? "") + " " + c.Text)).ToList();
        return new EvidenceScores(queries.Select(q =>
        {
            var bag = Bag(q);
            return bags.Select(b => b.Count == 0 || bag.Count == 0 ? 0 : Math.Min(1, 1.2 * b.Count(bag.Contains) / Math.Sqrt(b.Count * (double)bag.Count))).ToArray();
        }).ToArray());
    }

    /// <summary>Whole sentences only: each ends where the text put its full stop; none is ever cut to fit.</summary>
    public static IEnumerable<string> WholeSentences(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        foreach (var line in text.Replace("\r", "").Split('\n'))
        {
            foreach (var raw in Split().Split(line.Trim()))
            {
                var s = OneLine(raw);
                var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words < 4 || s.Length > 320 || s.EndsWith('…') || s.EndsWith("...", StringComparison.Ordinal)) continue;
                yield return s[^1] is '.' or '!' or '?' ? s : s + ".";
            }
        }
    }

    private static string OneLine(string text) => Space().Replace(new string(text.Where(c => !char.IsControl(c)).ToArray()), " ").Trim();

    private static HashSet<string> Bag(string text) =>
        PostReader.Keywords(text + " ").Concat(Word().Matches(text).Select(m => m.Value)).Where(w => w.Length > 3)
            .Select(w => w.ToLowerInvariant().TrimEnd('s')).ToHashSet();

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length && i < b.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[""'(]?[A-Z0-9])")]
    private static partial Regex Split();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}#+.\-]*")]
    private static partial Regex Word();

    /// <summary>A number with a unit or a measured change: "2M shipments a day", "cut load time by 40%", "from 9 s to 2 s".</summary>
    [GeneratedRegex(@"\d|\b(?:doubled|tripled|halved|cut|reduced|increased|raised|grew|saved|faster|fewer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Result();
}
