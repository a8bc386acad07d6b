using System.Text.Json;
using System.Text.RegularExpressions;
using Contracts.Upwork;
using Contracts.Upwork.Events;
using Modules.Ai.Data;
using Modules.Ai.Features.WriteCoverLetter;
using Modules.Ai.Writing;
using Quartz;
using Shared.Events;
using Shared.Text;

namespace Modules.Ai.Features.RedactJobText;

/// <summary>
/// Takes Upwork's text out of the AI module's copies once the job's content may no longer be kept (docs/upwork-api.md §3,
/// first row; docs/data-retention.md). A stored generation keeps its letter — the user's — but its prompt loses every
/// tagged job section (title, description, skills, budget, client, screening questions, the post's points and requests),
/// and the job's title and any run of four or more words quoted from its post (the offline writer restates the post's
/// points; a model may quote it) are taken out of the letter and its quality notes; a letter being edited
/// (<c>ai.letter_drafts</c>) loses them too.
/// Runs on <see cref="UpworkContentExpired"/> and as a sweep every 10 minutes (asking <see cref="IUpworkRetention"/>), so a
/// lost event delays nothing by more than one sweep. Idempotent: a redacted generation is marked and never read again.
/// </summary>
internal sealed partial class RedactJobText(IDbContextFactory<AppDbContext> contexts, IUpworkRetention retention, TimeProvider time, ILogger<RedactJobText> log)
{
    public const string Removed = "[job text removed after 24 h under Upwork's terms]";
    public const string TitlePlaceholder = "[job title]";
    public const string QuotePlaceholder = "[quote from the job post]";
    private const int BatchSize = 200;

    /// <summary>The event's path: these jobs expired, whatever the age of the copies.</summary>
    public async Task<int> RedactJobsAsync(IReadOnlyList<ExpiredJobPosting> jobs, CancellationToken ct)
    {
        var known = jobs.GroupBy(j => j.JobPostingId).ToDictionary(g => g.Key, g => g.First());
        var redacted = 0;
        foreach (var chunk in known.Keys.Chunk(BatchSize))
            redacted += await RedactAsync(chunk, known, ct);
        return redacted;
    }

    /// <summary>The sweep: every generation and letter draft not yet redacted whose job's content is no longer held.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var redacted = 0;
        var after = Guid.Empty;
        while (true)
        {
            List<(Guid Id, Guid JobId)> page;
            await using (var db = await contexts.CreateDbContextAsync(ct))
                page = (await db.Generations().AsNoTracking()
                    .Where(g => g.JobTextRedactedAt == null && g.JobPostingId != null && g.Id > after)
                    .OrderBy(g => g.Id).Take(BatchSize * 5).Select(g => new { g.Id, JobId = g.JobPostingId!.Value }).ToListAsync(ct))
                    .Select(g => (g.Id, g.JobId)).ToList();
            if (page.Count == 0) break;
            after = page[^1].Id;
            var jobIds = page.Select(p => p.JobId).Distinct().ToList();
            var held = await retention.HeldAsync(jobIds, ct);
            var expired = jobIds.Where(id => !held.Contains(id)).ToList();
            foreach (var chunk in expired.Chunk(BatchSize)) redacted += await RedactAsync(chunk, new Dictionary<Guid, ExpiredJobPosting>(), ct);
        }
        // Drafts of a job with no generation (typed by hand) have no title to look for, but are checked like the rest.
        List<Guid> draftJobs;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            draftJobs = await db.LetterDrafts().AsNoTracking().Select(d => d.JobPostingId).Distinct().ToListAsync(ct);
        var draftsHeld = await retention.HeldAsync(draftJobs, ct);
        foreach (var chunk in draftJobs.Where(id => !draftsHeld.Contains(id)).Chunk(BatchSize)) await RedactAsync(chunk, new Dictionary<Guid, ExpiredJobPosting>(), ct);
        if (redacted > 0) log.LogInformation("Removed Upwork job text from {Count} stored generations", redacted);
        return redacted;
    }

    private async Task<int> RedactAsync(IReadOnlyCollection<Guid> jobIds, IReadOnlyDictionary<Guid, ExpiredJobPosting> known, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var generations = await db.Generations().Where(g => g.JobPostingId != null && jobIds.Contains(g.JobPostingId.Value)).ToListAsync(ct);
        var titles = jobIds.ToDictionary(id => id, id => new HashSet<string>(StringComparer.Ordinal));
        var posts = jobIds.ToDictionary(id => id, _ => new List<string>());
        foreach (var (id, job) in known)
        {
            if (titles.TryGetValue(id, out var set)) set.Add(job.Title);
            if (job.Description is { Length: > 0 } description && posts.TryGetValue(id, out var post)) post.Add(description);
        }
        // The title and the post as the prompt quoted them: a redacted generation no longer has them, so every unredacted one is read first.
        foreach (var g in generations.Where(g => g.JobTextRedactedAt is null))
        {
            foreach (Match m in TitleSection().Matches(g.Prompt))
                titles[g.JobPostingId!.Value].Add(m.Groups[1].Value.Trim());
            foreach (Match m in JobSection().Matches(g.Prompt))
                posts[g.JobPostingId!.Value].Add(m.Groups[2].Value);
        }
        var count = 0;
        foreach (var g in generations)
        {
            var jobTitles = titles[g.JobPostingId!.Value];
            var post = string.Join("\n", posts[g.JobPostingId!.Value]);
            var prompt = ScrubTitles(JobSection().Replace(g.Prompt, m => $"<{m.Groups[1].Value}>{Removed}</{m.Groups[1].Value}>"), jobTitles);
            var response = Scrub(g.Response, jobTitles, post);
            var quality = g.Quality is null ? null : RedactQuality(g.Quality, t => Scrub(t, jobTitles, post));
            if (g.JobTextRedactedAt is not null && prompt == g.Prompt && response == g.Response && quality == g.Quality) continue;
            g.Prompt = prompt;
            g.Response = response;
            g.Quality = quality;
            g.JobTextRedactedAt ??= now;
            count++;
        }
        foreach (var d in await db.LetterDrafts().Where(d => jobIds.Contains(d.JobPostingId)).ToListAsync(ct))
            d.Text = Scrub(d.Text, titles[d.JobPostingId], string.Join("\n", posts[d.JobPostingId]));
        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>A letter without the job's title and without any run of words quoted from its post.</summary>
    public static string Scrub(string text, IEnumerable<string> titles, string post) =>
        QuotedText.Scrub(ScrubTitles(text, titles), post, QuotePlaceholder);

    /// <summary>The job's title as written, as the offline writer quotes it (straight quotes made single) and cut at 90 characters.</summary>
    public static string ScrubTitles(string text, IEnumerable<string> titles)
    {
        foreach (var title in titles.Where(t => t.Length > 0).OrderByDescending(t => t.Length))
        {
            var quoted = title.Replace('"', '\'');
            // Ignoring case: a letter may open with the title, capitalised.
            text = text.Replace(title, TitlePlaceholder, StringComparison.OrdinalIgnoreCase).Replace(quoted, TitlePlaceholder, StringComparison.OrdinalIgnoreCase);
            if (quoted.Length > 90) text = text.Replace(quoted[..90].TrimEnd(), TitlePlaceholder, StringComparison.OrdinalIgnoreCase);
        }
        return text;
    }

    /// <summary>
    /// The quality notes keep their scores; the one that lists the job's needs (its skills and title words) loses its text,
    /// and every other note and highlighted sentence loses what it quotes of the job.
    /// </summary>
    private static string RedactQuality(string json, Func<string, string> scrub)
    {
        try
        {
            var report = JsonSerializer.Deserialize<QualityReport>(json, JsonSerializerOptions.Web);
            if (report is null) return json;
            var checks = report.Checks.Select(c => c.Name == "Addresses the job" ? c with { Detail = Removed } : c with { Detail = scrub(c.Detail) }).ToList();
            return JsonSerializer.Serialize(report with { Checks = checks, ClaimSentences = report.ClaimSentences?.Select(scrub).ToList() }, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return Removed;
        }
    }

    /// <summary>A tagged section of job text (see <see cref="PromptBuilder"/>): tags cannot nest, the builder removes look-alikes from the values.</summary>
    [GeneratedRegex(@"<(job_[a-z_]+|screening_questions|post_points|post_requests)>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex JobSection();

    [GeneratedRegex(@"<job_title>(.*?)</job_title>", RegexOptions.Singleline)]
    private static partial Regex TitleSection();
}

/// <summary>The Upwork module purged jobs: take their text out of this module's copies now.</summary>
internal sealed class RedactJobTextOnExpiry(RedactJobText redact) : IEventHandler<UpworkContentExpired>
{
    public Task HandleAsync(UpworkContentExpired e, CancellationToken ct) => redact.RedactJobsAsync(e.Jobs, ct);
}

/// <summary>Thin Quartz adapter, every 10 minutes: the sweep behind the event.</summary>
[DisallowConcurrentExecution]
internal sealed class RedactJobTextJob(RedactJobText redact) : IJob
{
    public static readonly JobKey Key = new("ai.redact-job-text");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await redact.SweepAsync(ct);
}
