using System.Globalization;
using System.Text.RegularExpressions;

namespace Modules.Identity.Features.ManageProfiles;

/// <summary>
/// Reads the text of an Upwork profile page as a browser copies it (select all, copy) into a profile draft: the title
/// (the line above the hourly rate), the rate, the overview, skills, portfolio project titles, languages, and the
/// employment history (kept in the overview as evidence, and its earliest year as years of experience). The result
/// is a draft the user corrects before saving, so a wrong guess costs a click, not a wrong letter.
/// </summary>
internal static partial class ProfileTextParser
{
    private static readonly string[] Sections =
    [
        "portfolio", "skills", "work history", "employment history", "languages", "education", "certifications",
        "testimonials", "other experiences", "hours per week", "linked accounts", "verifications", "project catalog",
        "specialized profiles", "licenses", "video introduction", "view profile", "about", "overview",
    ];

    /// <summary>Parses <paramref name="text"/>; <paramref name="year"/> is this year, for years of experience.</summary>
    public static ProfileDraft Parse(string text, int year)
    {
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0).Take(2_000).ToList();
        var draft = new ProfileDraft();
        var blocks = SplitSections(lines);

        var head = blocks.GetValueOrDefault("", []);
        var rateAt = head.FindIndex(l => Rate().IsMatch(l));
        if (rateAt >= 0)
        {
            draft.HourlyRate = decimal.Parse(Rate().Match(head[rateAt]).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var title = head.Take(rateAt).LastOrDefault(l => !IsNoise(l));
            if (title is not null) draft.Title = Clip(title, 200);
        }
        if (draft.Title.Length == 0)
            draft.Title = Clip(head.FirstOrDefault(l => !IsNoise(l) && Words(l) >= 3 && l.Length <= 120) ?? "", 200);

        var overview = blocks.TryGetValue("overview", out var o) || blocks.TryGetValue("about", out o)
            ? o
            : head.Skip(Math.Max(rateAt, head.IndexOf(draft.Title)) + 1).ToList();
        var paragraphs = overview.Where(l => !IsNoise(l) && !Rate().IsMatch(l) && l != draft.Title).ToList();

        if (blocks.TryGetValue("skills", out var skills))
            draft.Skills = skills.SelectMany(l => l.Split([',', '·', '•'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Where(s => s.Length <= 50 && !IsNoise(s)).Distinct(StringComparer.OrdinalIgnoreCase).Take(50).ToList();

        if (blocks.TryGetValue("portfolio", out var portfolio))
            foreach (var line in portfolio.Where(l => !IsNoise(l) && !Paging().IsMatch(l)).Distinct().Take(20))
                draft.Portfolio.Add(new PortfolioDraft { Title = Clip(line, 200) });

        if (blocks.TryGetValue("languages", out var languages))
            draft.Languages = languages.Select(l => l.Split(':')[0].Trim()).Where(l => l.Length is > 1 and <= 40 && !IsNoise(l))
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(20).ToList();

        if (blocks.TryGetValue("employment history", out var employment))
        {
            var roles = new List<string>();
            var years = new List<int>();
            for (var i = 0; i < employment.Count; i++)
            {
                var line = employment[i];
                var found = Year().Matches(line).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Where(y => y > 1950 && y <= year).ToList();
                if (found.Count > 0) { years.AddRange(found); continue; }
                if (IsNoise(line)) continue;
                var when = i + 1 < employment.Count && Year().IsMatch(employment[i + 1]) ? $" ({employment[i + 1]})" : "";
                roles.Add(line.Replace(" | ", " at ", StringComparison.Ordinal) + when);
            }
            if (roles.Count > 0) paragraphs.Add("Employment: " + string.Join("; ", roles.Take(10)) + ".");
            if (years.Count > 0) draft.YearsOfExperience = Math.Clamp(year - years.Min(), 0, 70);
        }
        var overviewText = string.Join("\n\n", paragraphs);
        draft.Overview = overviewText.Length == 0 ? null : Clip(overviewText, 5000);
        return draft;
    }

    private static Dictionary<string, List<string>> SplitSections(List<string> lines)
    {
        var blocks = new Dictionary<string, List<string>> { [""] = [] };
        var current = "";
        foreach (var line in lines)
        {
            var heading = SectionOf(line);
            if (heading is not null)
            {
                current = heading;
                blocks.TryAdd(current, []);
                continue;
            }
            blocks[current].Add(line);
        }
        return blocks;
    }

    /// <summary>A section heading, as Upwork writes it, sometimes with a count or an edit hint: "Portfolio (4)".</summary>
    private static string? SectionOf(string line)
    {
        var bare = Counted().Replace(line, "").Trim().TrimEnd(':').ToLowerInvariant();
        return Sections.FirstOrDefault(s => bare == s);
    }

    private static bool IsNoise(string line)
    {
        var l = line.ToLowerInvariant();
        return l is "more" or "less" or "show more" or "show less" or "see more" or "share" or "top rated" or "top rated plus" or "rising talent"
                   or "available now" or "view profile" or "previous" or "next" or "edit" or "contact" or "hire"
               || l.Contains("job success", StringComparison.Ordinal) || l.Contains("local time", StringComparison.Ordinal)
               || l.StartsWith("total ", StringComparison.Ordinal) || Paging().IsMatch(l);
    }

    private static int Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max].TrimEnd();

    [GeneratedRegex(@"^\$\s?([\d,]+(?:\.\d+)?)\s*/\s*(?:hr|hour|h)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Rate();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(?:\d+|page \d+ of \d+|\d+\s*/\s*\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Paging();

    [GeneratedRegex(@"\s*\(\d+\)\s*$")]
    private static partial Regex Counted();
}
