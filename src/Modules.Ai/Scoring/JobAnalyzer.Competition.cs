using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

internal sealed partial class JobAnalyzer
{
    // ---- Competition -----------------------------------------------------------------------------------------------

    private static Scored Competition(JobPostingDetails job, DateTimeOffset now)
    {
        var hours = JobFacts.HoursSincePosted(job, now);
        if (job.ProposalsCount is not { } proposals)
            return new Scored(5, "The number of proposals is unknown, so assume average competition.");
        var score = proposals switch { 0 => 1, < 5 => 2, < 10 => 4, < 15 => 5, < 20 => 6, < 35 => 7, < 50 => 8, _ => 9 };
        var extra = new List<string>();
        if (JobFacts.Level(job) == "entry")
        {
            score++;
            extra.Add("entry-level jobs draw many bids");
        }
        if (hours < 6 && proposals < 10)
        {
            score++;
            extra.Add($"it was posted {Age(hours)} ago, so more will come");
        }
        else if (hours > 24 * 7)
        {
            score++;
            extra.Add($"it was posted {Age(hours)} ago, so the client may be interviewing already");
        }
        score = Math.Clamp(score, 1, 10);
        var label = score switch { <= 3 => "low", <= 6 => "moderate", <= 8 => "high", _ => "very high" };
        var count = proposals switch { 0 => "No proposals yet", 1 => "1 proposal so far", _ => $"{proposals} proposals already" };
        var tail = extra.Count > 0 ? $" ({Join(extra)})" : "";
        return new Scored(score, $"{count}: {label} competition{tail}.");
    }
}
