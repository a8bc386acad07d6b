using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

internal sealed partial class JobAnalyzer
{
    // ---- Success ---------------------------------------------------------------------------------------------------

    /// <summary>Decided proposals at which the personal success model and the general one weigh the same in the blend.</summary>
    public const int PersonalWeightHalf = 40;

    private static Likelihood SuccessProbability(JobPostingDetails job, FreelancerProfile? profile, SkillsMatch skills, Scored competition,
        ClientReliability client, Scored budget, AnalysisModels models, DateTimeOffset now, Dictionary<string, int> versions)
    {
        var drivers = new List<(double Effect, string Text)>();
        if (profile is not null && skills.Matched.Count + skills.Missing.Count > 0)
            drivers.Add((skills.Score - 0.6, skills.Score >= 0.8 ? "a strong skills match" : skills.Score >= 0.5 ? "a partial skills match" : "a weak skills match"));
        if (job.ProposalsCount is { } proposals)
            drivers.Add((proposals < 10 ? 0.3 : proposals >= 20 ? -0.3 : 0, proposals < 10 ? "few proposals so far" : proposals >= 20 ? "many proposals" : "an average number of proposals"));
        drivers.Add(((client.Score - 5) / 10.0, client.Score >= 7 ? "a client who hires" : client.Score <= 4 ? "an unproven client" : "an average client"));
        if (budget.Value <= 4) drivers.Add((-0.2, "a low budget"));
        var age = JobFacts.HoursSincePosted(job, now);
        if (age > 24 * 7) drivers.Add((-0.3, "an older posting"));
        else if (age < 24) drivers.Add((0.1, "a fresh posting"));

        // The general model: Upwork win rates sit around 10–20 %; the factors scale that.
        var skillFactor = profile is null ? 1.0 : 0.4 + 1.2 * skills.Score;
        var competitionFactor = job.ProposalsCount switch { null => 1.0, < 5 => 1.6, < 10 => 1.3, < 20 => 1.0, < 50 => 0.7, _ => 0.45 };
        var clientFactor = 0.7 + 0.06 * client.Score;
        var budgetFactor = budget.Value >= 5 ? 1.0 : 0.85;
        var ageFactor = age > 24 * 7 ? 0.7 : 1.0;
        var p = Math.Clamp(0.15 * skillFactor * competitionFactor * clientFactor * budgetFactor * ageFactor, 0.01, 0.8);
        var source = "Typically";
        int? learnedFrom = null;
        if (models.Success is { } model && profile is not null)
        {
            // The user's own model (in use only when it beat the general one on held-out proposals), blended with the
            // general model by how much it has learned from: n / (n + PersonalWeightHalf), half and half at that many.
            var weight = model.Rows / (double)(model.Rows + PersonalWeightHalf);
            p = weight * model.Predict(job, profile, skills.Score, now) + (1 - weight) * p;
            versions[ModelNames.SuccessModel] = model.Version;
            learnedFrom = model.Rows;
            source = $"Learned from your {model.Rows} proposals";
        }
        p = Math.Round(p, 3);
        var odds = p >= 0.5 ? "more often than not" : p < 0.02 ? "under 1 time in 50" : $"about 1 time in {Math.Max(2, (int)Math.Round(1 / p))}";
        var helps = drivers.Where(d => d.Effect > 0).OrderByDescending(d => d.Effect).Take(2).Select(d => d.Text).ToList();
        var hurts = drivers.Where(d => d.Effect < 0).OrderBy(d => d.Effect).Take(2).Select(d => d.Text).ToList();
        var why = (helps.Count, hurts.Count) switch
        {
            ( > 0, > 0) => $"; {Join(helps)} {Verb(helps, "help")}, {Join(hurts)} {Verb(hurts, "hurt")}",
            ( > 0, 0) => $"; {Join(helps)} {Verb(helps, "help")}",
            (0, > 0) => $"; {Join(hurts)} {Verb(hurts, "hurt")}",
            _ => "",
        };
        var forWhom = profile is null ? " (choose a profile for a personal estimate)" : "";
        return new Likelihood(p, $"{source}, proposals like this win {odds} ({Percent(p)}){why}{forWhom}.", learnedFrom);
    }
}
