using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

internal sealed partial class JobAnalyzer
{
    // ---- Client ----------------------------------------------------------------------------------------------------

    private static ClientReliability AssessClient(JobClient client)
    {
        var score = 5;
        var indicators = new List<string>();
        switch (client.PaymentVerified)
        {
            case true: score += 2; indicators.Add("payment verified"); break;
            case false: score -= 2; indicators.Add("payment not verified"); break;
        }
        if (client.TotalSpent is { } spent)
        {
            score += spent switch { <= 0 => -1, < 1_000 => 0, < 10_000 => 1, < 100_000 => 2, _ => 3 };
            indicators.Add(spent <= 0 ? "nothing spent yet" : $"{Money.Short(spent)} spent");
        }
        if (client.TotalReviews is > 0 and var reviews && client.Rating is { } rating)
        {
            var points = rating switch { >= 4.7 => 2, >= 4.3 => 1, >= 4.0 => 0, _ => -2 };
            if (reviews < 3 && points > 0) points = 1;   // one or two reviews are thin evidence
            score += points;
            indicators.Add(string.Create(CultureInfo.InvariantCulture, $"{rating:0.0}★ from {reviews} review{(reviews == 1 ? "" : "s")}"));
        }
        else if (client.TotalReviews == 0) indicators.Add("no reviews yet");
        if (client.TotalHires is { } hires)
        {
            if (hires == 0)
            {
                score--;
                indicators.Add("no hires yet");
            }
            else if (client.TotalPostedJobs is >= 3 and var posted)
            {
                var rate = hires / (double)posted;
                if (rate >= 0.6) score++;
                else if (rate < 0.2) score--;
                indicators.Add($"{hires} hire{(hires == 1 ? "" : "s")} from {posted} jobs posted");
            }
            else indicators.Add($"{hires} hire{(hires == 1 ? "" : "s")}");
        }
        if (!string.IsNullOrWhiteSpace(client.Country)) indicators.Add($"based in {client.Country.Trim()}");
        score = Math.Clamp(score, 1, 10);
        if (indicators.Count == 0) return new ClientReliability(score, indicators, "Little is known about this client.");
        var label = score switch { >= 8 => "a reliable client", >= 6 => "a fairly reliable client", >= 4 => "an unproven client", _ => "a risky client" };
        var facts = indicators.Where(i => !i.StartsWith("based in", StringComparison.Ordinal)).Take(3).ToList();
        return new ClientReliability(score, indicators, facts.Count == 0 ? $"{Capitalize(label)}." : $"{Capitalize(Join(facts))}: {label}.");
    }
}
