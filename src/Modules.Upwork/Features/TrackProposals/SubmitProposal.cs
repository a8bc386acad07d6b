using System.Globalization;
using System.Text.Json;
using Contracts.Identity;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Proposals;
using Shared.Live;

namespace Modules.Upwork.Features.TrackProposals;

/// <summary>
/// "Submit via Upwork": only after the user confirmed (with the Connects cost in front of them), only for a draft with
/// a letter, a bid and an answer to each of the job's screening questions (read live), only under the daily cap, and
/// exactly once. The draft is claimed first by one conditional update (draft → submitting): only the request that wins
/// it calls <c>createJobProposal</c>, so two clicks or two instances never send it twice. The call is never retried
/// (docs/upwork-api.md §5): a definite refusal returns the proposal to draft; an unknown outcome leaves it
/// "unconfirmed" — check Upwork — and is never sent again by itself. Audited.
/// </summary>
internal sealed class SubmitProposal(
    IDbContextFactory<AppDbContext> contexts,
    UpworkAccounts accounts,
    ScreeningQuestions screening,
    IAuditTrail audit,
    ManageProposals proposals,
    Claims.JobClaims claims,
    Reviews.ReviewGate reviews,
    IOptions<UpworkOptions> options,
    Shared.Events.IEventBus events,
    LiveUpdates live,
    TimeProvider time,
    ILogger<SubmitProposal> log)
{
    public const int MaxAnswerLength = 5_000;
    private const string Permission = "Submit Proposal";

    public async Task<SubmitOutcome> RunAsync(Guid userId, Guid proposalId, SubmitRequest request, CancellationToken ct)
    {
        if (request.Confirm != true) return SubmitOutcome.Invalid("confirm", "confirm the submission: it spends Connects and cannot be undone");
        Proposal? proposal;
        JobPosting? job;
        UpworkConnection? connection;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            proposal = await db.Proposals().AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId && p.UserId == userId, ct);
            if (proposal is null) return SubmitOutcome.NotFound;
            if (proposal.Status != ProposalStatuses.Draft || proposal.UpworkProposalId is not null) return AlreadyTaken(proposal.Status);
            if (string.IsNullOrWhiteSpace(proposal.CoverLetter)) return SubmitOutcome.Invalid("coverLetter", "write the cover letter before submitting");
            if (proposal.BidAmount is not > 0) return SubmitOutcome.Invalid("bidAmount", "set a bid before submitting");
            // A teammate's claim (a reviewer reassigned the job) stops the submission: two bids on one job is what claims prevent.
            if (await claims.BlockingAsync(userId, proposal.JobPostingId, ct) is { } blocked) return SubmitOutcome.Conflict(blocked);
            // A bidder whose letters need review sends only the letter a reviewer approved (docs/features.md, "Approval queue").
            if (await reviews.BlockingAsync(userId, proposal.Id, ct) is { } unreviewed) return SubmitOutcome.Conflict(unreviewed);
            job = await db.JobPostings().AsNoTracking().FirstOrDefaultAsync(j => j.Id == proposal.JobPostingId, ct);
            if (job is null || !ScreeningQuestions.IsUpworkId(job.UpworkJobId)) return SubmitOutcome.Conflict(new NotAnUpworkJobException().Message);
            connection = await db.UpworkConnections().AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId, ct);
            if (connection is null || connection.OrganizationId is null || connection.UpworkNid is null) return SubmitOutcome.Conflict("Connect Upwork first.");
            var today = await Submissions.ApiSubmissions.CountSinceAsync(db, userId, time.GetUtcNow().AddDays(-1), ct);
            if (today >= options.Value.SubmitDailyCap)
                return SubmitOutcome.Conflict($"You submitted {today} proposals through Upwork in the last 24 hours, the workspace's cap; apply on Upwork directly or wait.");
        }

        // The questions as the job has them now: an answer to each is required, in the job's words.
        List<ScreeningAnswer> answers;
        try
        {
            var requirements = await screening.ReadAsync(userId, job.UpworkJobId, UpworkRequest.SubmitCategory, ct);
            if (!requirements.Found) return SubmitOutcome.Conflict(new JobGoneException().Message);
            var (matched, missing) = Match(requirements.Questions, request.Answers ?? []);
            if (missing.Count > 0)
                return SubmitOutcome.Invalid("answers", $"answer each of the job's screening questions (missing: {string.Join("; ", missing.Select(q => $"\"{q}\""))})");
            if (matched.Any(a => a.Answer.Length > MaxAnswerLength))
                return SubmitOutcome.Invalid("answers", $"each answer must be at most {MaxAnswerLength:N0} characters");
            answers = matched;
        }
        catch (Exception ex) when (UpworkFailure.From(ex, "Read marketplace Job Postings", time.GetUtcNow()) is { } failure)
        {
            return SubmitOutcome.Failed(failure);
        }
        catch (Exception ex) when (ex is UpworkApiException or HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            return SubmitOutcome.Upstream("Upwork did not answer when asked for the job's screening questions; nothing was sent. Try again in a minute.");
        }

        if (!await ClaimAsync(userId, proposalId, ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return AlreadyTaken(await db.Proposals().Where(p => p.Id == proposalId).Select(p => p.Status).FirstOrDefaultAsync(ct) ?? ProposalStatuses.Submitting);
        }

        // From here the outcome is recorded whatever happens to the caller: the request's token is not passed on.
        // The audit trail outlives the job: it names the job by its id, never by its title (docs/data-retention.md).
        var label = $"Upwork job {job.UpworkJobId}";
        GraphQlResult result;
        try
        {
            result = await accounts.CallAsync(userId, UpworkQueries.CreateJobProposal(job.UpworkJobId, connection.UpworkUserId, connection.UpworkNid,
                connection.OrganizationId, proposal.BidAmount.Value, proposal.CoverLetter!, answers), CancellationToken.None, "Submit via Upwork button");
        }
        catch (Exception ex) when (Refusal(ex) is { } refusal)
        {
            await ReleaseAsync(proposalId);
            await audit.RecordAsync(userId, "proposal_submit_refused", $"{label}: {ex.Message}", CancellationToken.None);
            return refusal;
        }
        catch (Exception ex)
        {
            log.LogWarning("Submitting proposal {ProposalId} to Upwork ended without an answer: {Error}", proposalId, ex.Message);
            await FinishAsync(userId, proposalId, ProposalStatuses.Unconfirmed, null);
            await audit.RecordAsync(userId, "proposal_submit_unknown", $"{label}: {ex.Message}", CancellationToken.None);
            return SubmitOutcome.Unknown("Upwork did not confirm the submission. Check your proposals on Upwork: it was not sent again automatically. "
                                         + "This proposal is marked Unconfirmed until the status sync finds it there, or you move it yourself.");
        }

        var payload = result.Data is { } data && data.TryGetProperty("createJobProposal", out var p) && p.ValueKind == JsonValueKind.Object ? p : (JsonElement?)null;
        var newId = payload is { } p1 && p1.TryGetProperty("newProposalId", out var n) && n.ValueKind is JsonValueKind.String or JsonValueKind.Number ? n.ToString() : null;
        if (string.IsNullOrEmpty(newId))
        {
            // A null payload carries its reason only in errors[] (graphql-java's shape for a failed resolver).
            var error = (payload is { } p2 && p2.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null)
                        ?? result.Errors.FirstOrDefault(x => !string.IsNullOrWhiteSpace(x.Message))?.Message
                        ?? (payload is { } p3 && p3.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null);
            await ReleaseAsync(proposalId);
            await audit.RecordAsync(userId, "proposal_submit_refused", $"{label}: {error}", CancellationToken.None);
            return SubmitOutcome.Refused($"Upwork refused the proposal: {error ?? "no reason given"}. It is still a draft.");
        }

        await FinishAsync(userId, proposalId, ProposalStatuses.Submitted, newId);
        await audit.RecordAsync(userId, "proposal_submitted",
            string.Create(CultureInfo.InvariantCulture, $"{label} for ${proposal.BidAmount:0.##}, {proposal.ConnectsSpent ?? 0} Connects, {answers.Count} screening answers, Upwork proposal {newId}"),
            CancellationToken.None);
        return SubmitOutcome.Done((await proposals.GetAsync(userId, proposalId, CancellationToken.None))!);
    }

    /// <summary>Pairs each live question with the user's answer (by its text, else by its sequence number); lists those left unanswered.</summary>
    internal static (List<ScreeningAnswer> Matched, List<string> Missing) Match(IReadOnlyList<(int SequenceNumber, string Question)> questions, IReadOnlyList<SubmitAnswer> given)
    {
        var matched = new List<ScreeningAnswer>();
        var missing = new List<string>();
        foreach (var (sequence, question) in questions)
        {
            var answer = given.FirstOrDefault(a => string.Equals(a.Question?.Trim(), question, StringComparison.Ordinal))
                         ?? given.FirstOrDefault(a => a.Question is null && a.SequenceNumber == sequence);
            if (string.IsNullOrWhiteSpace(answer?.Answer)) missing.Add(question);
            else matched.Add(new ScreeningAnswer(question, answer.Answer.Trim()));
        }
        return (matched, missing);
    }

    /// <summary>
    /// Failures that prove Upwork did not act on the submission: refused before sending (budget, connection, token,
    /// circuit), or answered with a GraphQL error (a permission, a validation or a resolver error). "Transform
    /// timeout" is not one: Upwork may have acted before it timed out.
    /// </summary>
    private SubmitOutcome? Refusal(Exception ex)
    {
        if (UpworkFailure.From(ex, Permission, time.GetUtcNow()) is { } failure) return SubmitOutcome.Failed(failure);
        if (ex is UpworkApiException { Status: 200 } graphQl && !graphQl.Message.Contains("Transform timeout", StringComparison.OrdinalIgnoreCase))
            return SubmitOutcome.Refused($"{graphQl.Message.TrimEnd('.')}. It is still a draft.");
        return null;
    }

    private static SubmitOutcome AlreadyTaken(string status) => status switch
    {
        ProposalStatuses.Submitting => SubmitOutcome.Conflict("This proposal is being submitted right now; it is never sent twice."),
        ProposalStatuses.Unconfirmed => SubmitOutcome.Conflict("Upwork did not confirm an earlier submission of this proposal: check Upwork. It is never sent twice."),
        _ => SubmitOutcome.Conflict($"This proposal is already {status}; it is never submitted twice."),
    };

    /// <summary>draft → submitting in one conditional update: of two concurrent submits, exactly one wins.</summary>
    private async Task<bool> ClaimAsync(Guid userId, Guid proposalId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        return await db.Proposals()
            .Where(p => p.Id == proposalId && p.UserId == userId && p.Status == ProposalStatuses.Draft && p.UpworkProposalId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProposalStatuses.Submitting).SetProperty(p => p.UpdatedAt, now), ct) == 1;
    }

    /// <summary>submitting → draft: Upwork said no, so the user may fix it and submit again.</summary>
    private async Task ReleaseAsync(Guid proposalId)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var now = time.GetUtcNow();
        await db.Proposals().Where(p => p.Id == proposalId && p.Status == ProposalStatuses.Submitting)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProposalStatuses.Draft).SetProperty(p => p.UpdatedAt, now), CancellationToken.None);
    }

    /// <summary>
    /// submitting → submitted or unconfirmed, with one history entry from draft. If the status sync got there first
    /// (it found the proposal on Upwork), its move stands and only the Upwork id is filled in.
    /// </summary>
    private async Task FinishAsync(Guid userId, Guid proposalId, string status, string? upworkProposalId)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var row = await db.Proposals().FirstAsync(p => p.Id == proposalId, CancellationToken.None);
        var now = time.GetUtcNow();
        if (row.Status == ProposalStatuses.Submitting)
        {
            row.Status = ProposalStatuses.Draft;   // history reads draft → submitted: "submitting" only lived for the call
            ProposalMoves.Transition(db, row, status, Submissions.ApiSubmissions.Source, now);
        }
        if (upworkProposalId is not null) row.UpworkProposalId ??= upworkProposalId;
        await db.SaveChangesAsync(CancellationToken.None);
        await events.PublishAsync(new Contracts.Upwork.Events.ProposalsChanged(userId, now, [proposalId]), CancellationToken.None);
        await live.PublishAsync(ProposalMoves.Topic(userId), new { userId }, CancellationToken.None);
    }
}

/// <summary>Body of <c>POST /api/v1/upwork/proposals/{id}/submit</c>: the confirmation and an answer to each screening question.</summary>
internal sealed record SubmitRequest(bool? Confirm, IReadOnlyList<SubmitAnswer>? Answers = null);

/// <summary>An answer to one screening question, named by its text (as the screening-questions endpoint gives it) or its sequence number.</summary>
internal sealed record SubmitAnswer(string? Question, string? Answer, int? SequenceNumber = null);

/// <summary>What a submission did: the HTTP status it maps to, the field or message to show, and when to retry if known.</summary>
internal sealed record SubmitOutcome(int Status, ProposalDto? Proposal, string? Field, string Message, TimeSpan? RetryAfter = null)
{
    public static readonly SubmitOutcome NotFound = new(404, null, null, "Proposal not found");

    public static SubmitOutcome Done(ProposalDto p) => new(200, p, null, "Submitted to Upwork");
    public static SubmitOutcome Invalid(string field, string message) => new(400, null, field, message);
    public static SubmitOutcome Conflict(string message) => new(409, null, null, message);

    /// <summary>Upwork answered and said no: the proposal is a draft again.</summary>
    public static SubmitOutcome Refused(string message) => new(422, null, null, message);

    /// <summary>The call could not go out (or was refused before Upwork acted): 4xx or 503 with what to do.</summary>
    public static SubmitOutcome Failed(UpworkFailure failure) => new(failure.Status, null, null, failure.Message, failure.RetryAfter);

    /// <summary>Upwork failed before anything was sent: 502, try again.</summary>
    public static SubmitOutcome Upstream(string message) => new(502, null, null, message);

    /// <summary>Nobody knows whether Upwork acted: 502, check Upwork.</summary>
    public static SubmitOutcome Unknown(string message) => new(502, null, null, message) { OutcomeUnknown = true };

    /// <summary>The call went out and no answer came back: the proposal is unconfirmed, to check on Upwork.</summary>
    public bool OutcomeUnknown { get; init; }
}
