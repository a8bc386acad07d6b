using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Models;

namespace Modules.Ai.Scoring;

internal sealed partial class JobAnalyzer
{
    // ---- Difficulty: how hard the work is for this freelancer ------------------------------------------------------

    private static Scored Difficulty(JobPostingDetails job, FreelancerProfile? profile, ComplexityLevel complexity, SkillsMatch skills)
    {
        var level = JobFacts.Level(job);
        var score = level switch { "entry" => 3, "expert" => 7, _ => 5 };
        var notes = new List<string>
        {
            level switch { "entry" => "Entry level asked", "intermediate" => "Intermediate level asked", "expert" => "Expert level asked", _ => "No level stated" },
        };
        if (complexity == ComplexityLevel.Low) score--;
        if (complexity == ComplexityLevel.High)
        {
            score++;
            notes.Add("a large project");
        }
        if (DeepTech().Matches($"{job.Title}\n{job.Description}").Select(m => m.Value.ToLowerInvariant()).Distinct().Count() >= 2)
        {
            score++;
            notes.Add("technically deep work");
        }
        if (profile is not null && skills.Matched.Count + skills.Missing.Count > 0)
        {
            if (skills.Score >= 0.99)
            {
                score--;
                notes.Add("you have every skill it needs");
            }
            else if (skills.Score < 0.5)
            {
                score += 2;
                notes.Add($"{skills.Missing.Count} of its skills missing from your profile");
            }
            else if (skills.Score < 0.8)
            {
                score++;
                notes.Add(skills.Missing.Count == 1 ? "1 skill missing from your profile" : $"{skills.Missing.Count} skills missing from your profile");
            }
        }
        if (profile?.YearsOfExperience is >= 8)
        {
            score--;
            notes.Add($"your {profile.YearsOfExperience} years of experience");
        }
        else if (profile?.YearsOfExperience is <= 1 && level == "expert")
        {
            score++;
            notes.Add("little experience for an expert job");
        }
        score = Math.Clamp(score, 1, 10);
        var label = score switch { <= 3 => "easy", <= 6 => "moderate", <= 8 => "hard", _ => "very hard" };
        return new Scored(score, $"{Join(notes)}: {label}{(profile is null ? "" : " for you")}.");
    }
}
