using System.Globalization;
using System.Text.RegularExpressions;

namespace Modules.Upwork.Features.PasteJobPosting;

/// <summary>
/// Best-effort extraction of a job from what a user copies off Upwork: the job URL (its <c>~02…</c> id) and/or the
/// page text (title, budget, hourly or fixed, experience level, skills). Everything it finds is shown for editing
/// before saving; it never needs an API key.
/// </summary>
internal static partial class JobTextExtractor
{
    private static readonly string[] KnownSkills =
    [
        "Python", "Django", "Flask", "FastAPI", "JavaScript", "TypeScript", "React", "Next.js", "Vue.js", "Angular", "Node.js", "PHP", "Laravel",
        "WordPress", "Shopify", "C#", ".NET", "ASP.NET Core", "Blazor", "Java", "Spring Boot", "Kotlin", "Swift", "Flutter", "React Native",
        "Firebase", "Dart", "GraphQL", "Supabase", "Go", "Rust", "Ruby on Rails", "SQL", "PostgreSQL", "MySQL", "MongoDB", "Redis", "AWS", "Azure", "Google Cloud", "Docker", "Kubernetes",
        "Terraform", "Machine Learning", "Deep Learning", "PyTorch", "TensorFlow", "LLM", "OpenAI API", "Data Analysis", "Power BI", "Tableau",
        "Excel", "Web Scraping", "Figma", "UX Design", "UI Design", "Logo Design", "Adobe Illustrator", "Photoshop", "Copywriting",
        "Content Writing", "SEO", "Google Ads", "Facebook Ads", "Email Marketing", "Data Entry", "Virtual Assistance", "Translation",
    ];

    public static PastedJobPosting Extract(string? url, string? text)
    {
        var upworkId = url is null ? null : UpworkIdInUrl().Match(url) is { Success: true } m ? m.Groups[1].Value : null;
        text = (text ?? "").Replace("\r\n", "\n").Trim();
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var title = lines.FirstOrDefault(l => l.Length is > 3 and <= 200);
        if (title is null && url is not null && TitleInUrl().Match(url) is { Success: true } slug)
            title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug.Groups[1].Value.Replace('-', ' '));
        var description = title is null ? text : string.Join('\n', lines.SkipWhile(l => l != title).Skip(1)).Trim();

        string? jobType = null;
        if (HourlyWord().IsMatch(text)) jobType = "hourly";
        else if (FixedWord().IsMatch(text)) jobType = "fixed";
        decimal? min = null, max = null;
        if (MoneyRange().Match(text) is { Success: true } range)
        {
            min = Money(range.Groups[1].Value);
            max = Money(range.Groups[2].Value);
            if (range.Groups[3].Success) jobType ??= "hourly";
        }
        else if (SingleMoney().Match(text) is { Success: true } one)
        {
            min = max = Money(one.Groups[1].Value);
            if (one.Groups[2].Success) jobType ??= "hourly";
        }
        var level = ExpertWord().IsMatch(text) ? "expert" : IntermediateWord().IsMatch(text) ? "intermediate" : EntryWord().IsMatch(text) ? "entry" : null;
        var skills = KnownSkills.Where(s => Regex.IsMatch(text, $@"(?<![\w.]){Regex.Escape(s)}(?![\w])", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100))).ToList();

        return new PastedJobPosting(
            Url: upworkId is null ? url?.Trim() : $"https://www.upwork.com/jobs/~02{upworkId}",
            UpworkJobId: upworkId,
            Title: title ?? "",
            Description: string.IsNullOrWhiteSpace(description) ? null : description,
            BudgetMin: min, BudgetMax: max, JobType: jobType, ExperienceLevel: level, Skills: skills);
    }

    private static decimal? Money(string s) =>
        decimal.TryParse(s.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    [GeneratedRegex(@"~02(\d{15,20})")] private static partial Regex UpworkIdInUrl();
    [GeneratedRegex(@"/jobs/([A-Za-z0-9-]+)_~")] private static partial Regex TitleInUrl();
    [GeneratedRegex(@"\bhourly\b|/\s?hr\b|per hour", RegexOptions.IgnoreCase)] private static partial Regex HourlyWord();
    [GeneratedRegex(@"\bfixed[- ]price\b|\bfixed budget\b", RegexOptions.IgnoreCase)] private static partial Regex FixedWord();
    [GeneratedRegex(@"\$\s?([\d,]+(?:\.\d{1,2})?)\s*(?:-|–|to)\s*\$?\s?([\d,]+(?:\.\d{1,2})?)(\s*(?:/\s?h(?:ou)?r|per hour|an hour))?", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyRange();
    [GeneratedRegex(@"\$\s?([\d,]+(?:\.\d{1,2})?)(\s*(?:/\s?h(?:ou)?r|per hour))?", RegexOptions.IgnoreCase)] private static partial Regex SingleMoney();
    [GeneratedRegex(@"\bexpert\b", RegexOptions.IgnoreCase)] private static partial Regex ExpertWord();
    [GeneratedRegex(@"\bintermediate\b", RegexOptions.IgnoreCase)] private static partial Regex IntermediateWord();
    [GeneratedRegex(@"\bentry[- ]level\b", RegexOptions.IgnoreCase)] private static partial Regex EntryWord();
}

/// <summary>What was found in a pasted job; every field is editable before saving.</summary>
internal sealed record PastedJobPosting(
    string? Url, string? UpworkJobId, string Title, string? Description, decimal? BudgetMin, decimal? BudgetMax,
    string? JobType, string? ExperienceLevel, IReadOnlyList<string>? Skills);
