using System.Runtime.CompilerServices;
using System.Text;
using Contracts.Ai;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Features.WriteCoverLetter;
using Modules.Ai.Writing;

namespace Modules.Ai.Integrations.Providers;

/// <summary>
/// The built-in writer: no network, no key. It composes a structured letter from the job and the profile — an opening
/// that names the client's need, the skills that match with portfolio evidence, an approach, answers to screening
/// questions, and a call to action — so a fresh install writes something useful. It reads the job's title and skills
/// only, never free text from the description, so nothing a client writes can steer it.
/// </summary>
internal sealed class OfflineWriter : ILetterProvider
{
    public const string Model = "offline-writer-1";

    public string Kind => AiProviderKinds.Offline;

    public async IAsyncEnumerable<ProviderChunk> StreamAsync(ProviderCall call, [EnumeratorCancellation] CancellationToken ct)
    {
        var letter = Write(call.Prompt.Inputs);
        // Streamed a few words at a time like a model, so the editor behaves the same whichever provider wrote.
        var words = letter.Split(' ');
        for (var i = 0; i < words.Length; i += 4)
        {
            ct.ThrowIfCancellationRequested();
            yield return new ProviderChunk(string.Join(' ', words.Skip(i).Take(4)) + (i + 4 < words.Length ? " " : ""));
            await Task.Yield();
        }
    }

    public static string Write(LetterInputs inputs)
    {
        var job = inputs.Job;
        var profile = inputs.Profile;
        var title = Clean(job.Title, 90);
        var jobSkills = job.Skills.Select(s => Clean(s, 40)).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(8).ToList();
        var have = profile?.Skills ?? [];
        var matched = jobSkills.Where(s => have.Any(h => Same(h, s))).ToList();
        var toLearn = jobSkills.Except(matched, StringComparer.OrdinalIgnoreCase).ToList();
        var friendly = inputs.Tone.Contains("friend", StringComparison.OrdinalIgnoreCase);
        var direct = inputs.Tone.Contains("direct", StringComparison.OrdinalIgnoreCase);
        var sb = new StringBuilder();

        sb.Append(friendly ? "Hi there,\n\n" : "Hello,\n\n");
        sb.Append($"You are looking for help with \"{title}\"");
        sb.Append(jobSkills.Count > 0 ? $", and the skills you list — {Join(jobSkills.Take(4))} — are where I can be useful. " : ". ");
        sb.Append(direct ? "Here is what I bring and how I would do it.\n\n"
            : "I read your post carefully and would like to explain how I would deliver exactly what you need.\n\n");

        if (profile is not null)
        {
            sb.Append($"I work as {Article(profile.Title)} {Clean(profile.Title, 80)}");
            if (profile.YearsOfExperience is { } years) sb.Append($" with {years} years of experience");
            sb.Append(matched.Count > 0 ? $", and I use {Join(matched)} in my day-to-day work. " : ". ");
            var evidence = profile.Portfolio
                .OrderByDescending(p => p.Skills.Count(s => jobSkills.Any(j => Same(j, s))) + jobSkills.Count(j => p.Title.Contains(j, StringComparison.OrdinalIgnoreCase)))
                .Take(2).ToList();
            foreach (var item in evidence)
            {
                sb.Append($"A relevant example is {Clean(item.Title, 80)}");
                if (!string.IsNullOrWhiteSpace(item.Description)) sb.Append($": {FirstSentence(item.Description)}");
                if (item.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http") sb.Append($" ({u})");
                sb.Append(". ");
            }
            if (evidence.Count == 0 && !string.IsNullOrWhiteSpace(profile.Overview)) sb.Append(FirstSentence(profile.Overview)).Append(". ");
            sb.Append("\n\n");
        }
        else
        {
            sb.Append("I focus on clear communication, reliable delivery and work that is easy to maintain after handover.\n\n");
        }

        sb.Append("My approach would be:\n");
        sb.Append("1. Start with a short call to confirm the goals, the scope and what a great result looks like for you.\n");
        sb.Append(matched.Count > 0
            ? $"2. Build it in small, reviewable steps with {Join(matched.Take(3))}, sharing progress so you can give feedback early.\n"
            : "2. Build it in small, reviewable steps, sharing progress so you can give feedback early.\n");
        sb.Append(toLearn.Count > 0 && profile is not null
            ? $"3. Where the work touches {Join(toLearn.Take(3))}, I will agree the details with you first and keep the solution simple and well documented.\n"
            : "3. Test everything, document it, and hand it over cleanly so you are never stuck.\n");
        sb.Append('\n');
        sb.Append(job.JobType is "hourly"
            ? "I keep my hours transparent and send a short update at the end of each working day.\n\n"
            : "I am happy to agree milestones so you only pay for finished, working parts.\n\n");

        sb.Append(direct
            ? "Can we schedule a 15-minute call this week to agree the next steps?"
            : "Could we schedule a short call this week to discuss the details? I can share a first plan within a day.");
        sb.Append("\n\nBest regards");

        if (inputs.Questions.Count > 0)
        {
            sb.Append("\n\nAnswers to screening questions:\n");
            for (var i = 0; i < inputs.Questions.Count; i++)
            {
                sb.Append($"{i + 1}. {Clean(inputs.Questions[i], 200)}\n");
                sb.Append("   ").Append(GenericAnswer(matched)).Append('\n');
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// A draft answer to one screening question, from the profile and the job's title and skills: a portfolio link when
    /// the question asks for one, otherwise the matching experience. It states nothing the profile does not hold.
    /// </summary>
    public static string Answer(JobPostingDetails job, FreelancerProfile? profile, string question)
    {
        var jobSkills = job.Skills.Select(s => Clean(s, 40)).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(8).ToList();
        var matched = jobSkills.Where(s => (profile?.Skills ?? []).Any(h => Same(h, s))).ToList();
        var asksForLink = new[] { "portfolio", "link", "github", "example", "sample" }.Any(w => question.Contains(w, StringComparison.OrdinalIgnoreCase));
        if (asksForLink && profile is not null)
        {
            var links = profile.Portfolio
                .Select(p => (p.Title, Url: Uri.TryCreate(p.Url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" ? u.ToString() : null))
                .Where(p => p.Url is not null).Take(2).ToList();
            if (links.Count > 0) return string.Join(" ", links.Select(l => $"{Clean(l.Title, 80)}: {l.Url}"));
        }
        if (profile is not null && matched.Count > 0 && profile.YearsOfExperience is { } years)
            return $"I have {years} years of experience as {Article(profile.Title)} {Clean(profile.Title, 80)} and use {Join(matched.Take(3))} in my day-to-day work; I would be glad to walk you through a similar project on a call.";
        return GenericAnswer(matched);
    }

    private static string GenericAnswer(List<string> matched) => matched.Count > 0
        ? $"My most relevant experience is with {Join(matched.Take(3))}; I would be glad to walk you through a similar project on a call."
        : "I would be glad to answer this in detail on a short call, with examples from my previous work.";

    private static bool Same(string a, string b) =>
        string.Equals(Norm(a), Norm(b), StringComparison.OrdinalIgnoreCase) || SkillVocabulary.Aliases(a).Any(x => string.Equals(Norm(x), Norm(b), StringComparison.OrdinalIgnoreCase));

    private static string Norm(string s) => s.Replace(".js", "", StringComparison.OrdinalIgnoreCase).Replace(" ", "").Replace("-", "").Trim();

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch { 0 => "", 1 => list[0], _ => string.Join(", ", list[..^1]) + " and " + list[^1] };
    }

    private static string Article(string word) => word.Length > 0 && "AEIOUaeiou".Contains(word[0]) ? "an" : "a";

    private static string FirstSentence(string text)
    {
        var t = Clean(text, 220);
        var end = t.IndexOfAny(['.', '!', '?']);
        return (end > 20 ? t[..end] : t).TrimEnd('.', ' ');
    }

    /// <summary>One line, no control characters, bounded.</summary>
    private static string Clean(string text, int max)
    {
        var s = new string(text.Where(c => !char.IsControl(c)).ToArray()).Replace('"', '\'').Trim();
        return s.Length <= max ? s : s[..max].TrimEnd() + "…";
    }
}
