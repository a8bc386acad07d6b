using System.Text.Json;
using Contracts.Ai;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Submissions;

namespace Modules.Upwork.Features.TrackProposals;

/// <summary>One screening question as the job has it now (<c>sequenceNumber</c> is 0-based), with a draft answer to start from.</summary>
internal sealed record ScreeningQuestionDto(int SequenceNumber, string Question, string? DraftAnswer);

/// <summary>Body of <c>GET /api/v1/upwork/proposals/{id}/screening-questions</c>.</summary>
internal sealed record ScreeningQuestionsDto(Guid ProposalId, string UpworkJobId, bool CoverLetterRequired, IReadOnlyList<ScreeningQuestionDto> Questions, string? DraftedBy);

/// <summary>The job of a proposal as Upwork has it now: its screening questions, or gone.</summary>
internal sealed record LiveRequirements(bool Found, bool CoverLetterRequired, IReadOnlyList<(int SequenceNumber, string Question)> Questions);

/// <summary>
/// Reads a job's screening questions live from Upwork (never stored: they are Upwork content, and they change) for the
/// submit dialog, with first-draft answers from the AI module's offline writer. Only the proposal's owner may ask.
/// </summary>
internal sealed class ScreeningQuestions(IDbContextFactory<AppDbContext> contexts, UpworkAccounts accounts, IEnumerable<IScreeningAnswerDrafts> drafts, TimeProvider time)
{
    /// <summary>The questions, or why not as the API answers it (404, 409, 4xx/503 from <see cref="UpworkFailure"/>, 502) — never an exception.</summary>
    public async Task<(ScreeningQuestionsDto? Questions, UpworkFailure? Failure)> LoadAsync(Guid userId, Guid proposalId, CancellationToken ct)
    {
        try
        {
            return await RunAsync(userId, proposalId, ct) is { } questions ? (questions, null) : (null, new UpworkFailure(404, $"Proposal {proposalId} was not found"));
        }
        catch (Exception ex) when (ex is NotAnUpworkJobException or JobGoneException) { return (null, new UpworkFailure(409, ex.Message)); }
        catch (Exception ex) when (UpworkFailure.From(ex, "Read marketplace Job Postings", time.GetUtcNow()) is { } failure) { return (null, failure); }
        catch (Exception ex) when (ex is UpworkApiException or HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            return (null, new UpworkFailure(502, "Upwork did not answer as expected; try again in a minute."));
        }
    }

    /// <summary>Null when the proposal is not the user's; throws <see cref="NotAnUpworkJobException"/> for a job Upwork cannot know.</summary>
    public async Task<ScreeningQuestionsDto?> RunAsync(Guid userId, Guid proposalId, CancellationToken ct)
    {
        string upworkJobId;
        Guid jobPostingId;
        string? saved;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var proposal = await db.Proposals().AsNoTracking().Where(p => p.Id == proposalId && p.UserId == userId)
                .Select(p => new { p.JobPostingId, p.ScreeningAnswers }).FirstOrDefaultAsync(ct);
            if (proposal is null) return null;
            var job = await db.JobPostings().AsNoTracking().Where(j => j.Id == proposal.JobPostingId).Select(j => j.UpworkJobId).FirstOrDefaultAsync(ct);
            if (job is null || !IsUpworkId(job)) throw new NotAnUpworkJobException();
            (upworkJobId, jobPostingId, saved) = (job, proposal.JobPostingId, proposal.ScreeningAnswers);
        }
        var live = await ReadAsync(userId, upworkJobId, UpworkRequest.JobsCategory, ct);
        if (!live.Found) throw new JobGoneException();
        // The answers the user kept with the draft on the write page come first; a question without one gets a fresh draft.
        var kept = live.Questions.Select(q => SavedScreeningAnswers.Find(saved, q.Question)).ToList();
        var writer = drafts.FirstOrDefault();
        var unanswered = live.Questions.Where((_, i) => kept[i] is null).Select(q => q.Question).ToList();
        var fresh = writer is null || unanswered.Count == 0 ? [] : await writer.DraftAsync(userId, jobPostingId, unanswered, ct);
        var next = 0;
        var answers = kept.Select(k => k ?? (next < fresh.Count ? fresh[next++] : null)).ToList();
        var from = kept.All(k => k is not null) ? "letter writer (your answers, kept with this draft)"
            : kept.Any(k => k is not null) ? "letter writer (your kept answers) and the offline writer (the rest, from your default profile): edit before sending"
            : fresh.Count > 0 ? "offline writer (from your default profile and the job's skills): edit before sending" : null;
        return new ScreeningQuestionsDto(proposalId, upworkJobId, live.CoverLetterRequired,
            live.Questions.Select((q, i) => new ScreeningQuestionDto(q.SequenceNumber, q.Question, answers[i])).ToList(), live.Questions.Count > 0 ? from : null);
    }

    /// <summary>The job's requirements now, in sequence order.</summary>
    public async Task<LiveRequirements> ReadAsync(Guid userId, string upworkJobId, string category, CancellationToken ct, string? why = null)
    {
        var result = await accounts.CallAsync(userId, UpworkQueries.ScreeningQuestions(upworkJobId, category), ct,
            why ?? (category == UpworkRequest.SubmitCategory ? "Submit via Upwork button (screening questions)" : "Submit dialog opened (screening questions)"));
        if (result.Data is not { } data || !data.TryGetProperty("marketplaceJobPosting", out var job) || job.ValueKind != JsonValueKind.Object)
            return new LiveRequirements(false, false, []);
        var requirement = job.TryGetProperty("contractorSelection", out var cs) && cs.ValueKind == JsonValueKind.Object
                          && cs.TryGetProperty("proposalRequirement", out var pr) && pr.ValueKind == JsonValueKind.Object ? pr : (JsonElement?)null;
        var coverLetterRequired = requirement is { } r1 && r1.TryGetProperty("coverLetterRequired", out var c) && c.ValueKind == JsonValueKind.True;
        var questions = new List<(int, string)>();
        if (requirement is { } r2 && r2.TryGetProperty("screeningQuestions", out var qs) && qs.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var q in qs.EnumerateArray())
            {
                var text = q.TryGetProperty("question", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim() : "";
                var seq = q.TryGetProperty("sequenceNumber", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : i;
                i++;
                if (text.Length > 0) questions.Add((seq, text));
            }
        }
        return new LiveRequirements(true, coverLetterRequired, questions.OrderBy(q => q.Item1).ToList());
    }

    /// <summary>Upwork job ids are numbers (docs/upwork-api.md §2.1); pasted and demo jobs have other ids.</summary>
    public static bool IsUpworkId(string id) => id.Length > 0 && id.All(char.IsAsciiDigit);
}

/// <summary>The proposal's job is not an Upwork job (pasted, demo) or is no longer stored.</summary>
internal sealed class NotAnUpworkJobException() : Exception("This job is not an Upwork job (or is no longer stored): copy the letter and apply on Upwork.");

/// <summary>Upwork no longer has the job (closed or removed).</summary>
internal sealed class JobGoneException() : Exception("Upwork no longer has this job (closed or removed).");
