using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

internal sealed partial class JobAnalyzer
{
    // ---- Complexity: the size and scope of the project -------------------------------------------------------------

    private static readonly (Regex Pattern, string Label)[] ScopeWords =
    [
        (ScopeRegex("integrat"), "integrations"), (ScopeRegex("migrat"), "a migration"), (ScopeRegex("dashboard"), "a dashboard"),
        (ScopeRegex("payment|checkout|stripe"), "payments"), (ScopeRegex("authenticat|log ?in|sign[- ]?up|sso"), "user accounts"),
        (ScopeRegex("real[- ]?time|websocket"), "real-time features"), (ScopeRegex("microservice"), "microservices"),
        (ScopeRegex("scalab|high traffic|millions of"), "scale"), (ScopeRegex("architect"), "architecture"),
        (ScopeRegex("mobile app|ios|android"), "mobile apps"), (ScopeRegex("admin panel|back[- ]?office|cms"), "an admin area"),
        (ScopeRegex("machine learning|model training|neural"), "machine learning"),
        (ScopeRegex("from scratch|end[- ]to[- ]end|full[- ]stack"), "building from scratch"),
        (ScopeRegex("ongoing|long[- ]term|phase"), "ongoing work"), (ScopeRegex("deploy|ci/cd|devops"), "deployment"),
        (ScopeRegex("security|compliance|hipaa|gdpr|soc ?2"), "security or compliance"),
        (ScopeRegex("multi[- ]?tenant|multi[- ]?language|i18n"), "multi-tenant or multi-language support"),
    ];

    private static Complexity AssessComplexity(JobPostingDetails job, BidKind kind)
    {
        var text = $"{job.Title}\n{job.Description}";
        var words = WordRegex().Count(job.Description ?? "");
        var scope = ScopeWords.Where(w => w.Pattern.IsMatch(text)).Select(w => w.Label).ToList();
        var small = SmallScope().IsMatch(text);
        var points = 0;
        var notes = new List<string>();

        points += words switch { < 60 => 0, < 200 => 1, < 500 => 2, _ => 3 };
        notes.Add(words switch { < 60 => "a short brief", < 200 => "a brief of moderate length", < 500 => "a detailed brief", _ => "a long, detailed brief" });
        var skillCount = job.Skills.Count;
        points += skillCount switch { <= 3 => 0, <= 7 => 1, _ => 2 };
        if (skillCount > 0) notes.Add(skillCount == 1 ? "1 skill" : $"{skillCount} skills");
        points += scope.Count switch { 0 => 0, <= 2 => 1, <= 4 => 2, _ => 3 };
        if (scope.Count > 0) notes.Add("parts like " + Join(scope.Take(3).ToList()));
        if (small)
        {
            points -= scope.Count <= 1 ? 2 : 1;
            notes.Add("described as a small task");
        }
        if (kind == BidKind.Fixed && (job.BudgetMax ?? job.BudgetMin) is > 0 and var amount)
        {
            points += amount switch { >= 5_000 => 2, >= 1_500 => 1, < 250 => -1, _ => 0 };
            if (amount >= 1_500 || amount < 250) notes.Add($"a {Money.Short(amount)} budget");
        }

        var level = points switch { <= 2 => ComplexityLevel.Low, <= 5 => ComplexityLevel.Medium, _ => ComplexityLevel.High };
        var size = level switch { ComplexityLevel.Low => "a small project", ComplexityLevel.Medium => "a medium-sized project", _ => "a large project" };
        return new Complexity(level, $"{Capitalize(Join(notes))}: {size}.");
    }
}
