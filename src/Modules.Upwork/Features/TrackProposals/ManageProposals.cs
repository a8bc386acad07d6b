using Contracts.Upwork.Events;
using FluentValidation;
using Modules.Upwork.Claims;
using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;
using Modules.Upwork.Postings;
using Modules.Upwork.Proposals;
using Shared.Events;
using Shared.Live;

namespace Modules.Upwork.Features.TrackProposals;

/// <summary>
/// A user's proposals (the <c>upwork/proposals</c> routes of docs/specification.md §1): create for a job the user can see, change, delete,
/// and move through the pipeline. Every status change is kept with its time; another user's id is simply not found.
/// </summary>
internal sealed class ManageProposals(IDbContextFactory<AppDbContext> contexts, LiveUpdates live, IEventBus events, JobClaims claims, Reviews.ReviewGate reviews, TimeProvider time)
{
    public async Task<IReadOnlyList<ProposalDto>> ListAsync(Guid userId, string? status, CancellationToken ct, int limit = ProposalListQuery.MaxLimit, int offset = 0)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var mine = db.Proposals().AsNoTracking().Where(p => p.UserId == userId);
        if (!string.IsNullOrEmpty(status)) mine = mine.Where(p => p.Status == status);
        var rows = await mine.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id).Skip(offset).Take(limit).ToListAsync(ct);
        return rows.Select(p => ProposalDto.From(p, [])).ToList();
    }

    public async Task<ProposalDto?> GetAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Proposals().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.UserId == userId, ct);
        if (row is null) return null;
        var history = await db.ProposalHistory().AsNoTracking().Where(h => h.ProposalId == id).OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new TransitionDto(h.FromStatus, h.ToStatus, h.At, h.Source)).ToListAsync(ct);
        return ProposalDto.From(row, history);
    }

    /// <summary>
    /// Null result with <c>JobNotFound</c> when the job does not exist or is not the user's to see, with
    /// <c>Blocked</c> when a teammate holds the job's claim. Tracking a job claims it for the user until released.
    /// </summary>
    public async Task<CreateOutcome> CreateAsync(Guid userId, ProposalInput input, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var job = await db.JobPostings().AsNoTracking()
            .Where(j => j.Id == input.JobPostingId).VisibleTo(db, userId)
            .Select(j => new { j.Id, j.Title }).FirstOrDefaultAsync(ct);
        if (job is null) return new(null, true, null);
        if (await claims.ClaimAsync(userId, job.Id, ct, drafted: true) is { Won: false } taken)
            return new(null, false, await claims.BlockingAsync(userId, job.Id, ct) ?? $"Claimed by {taken.Claim?.ClaimedBy ?? "a teammate"}");
        var now = time.GetUtcNow();
        var status = input.Status ?? ProposalStatuses.Draft;
        // Recording a proposal as already sent skips the review a bidder may need (docs/features.md, "Approval queue").
        if (status is not (ProposalStatuses.Draft or ProposalStatuses.Archived) && await reviews.RequiredAsync(userId, ct))
            return new(null, false, Reviews.ReviewGate.NeedsReview);
        var row = new Proposal { Id = Guid.CreateVersion7(), UserId = userId, JobPostingId = job.Id, JobTitle = job.Title, CreatedAt = now, Status = status };
        Apply(row, input, now);
        if (status != ProposalStatuses.Draft && status != ProposalStatuses.Archived) row.SubmittedAt = now;
        db.Proposals().Add(row);
        db.ProposalHistory().Add(new ProposalTransition { Id = Guid.CreateVersion7(), ProposalId = row.Id, FromStatus = null, ToStatus = status, At = now, Source = "user" });
        UpworkMetrics.ProposalStatus(status);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(userId, row.Id, ct);
        return new(await GetAsync(userId, row.Id, ct), false, null);
    }

    public async Task<UpdateOutcome> UpdateAsync(Guid userId, Guid id, ProposalInput input, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Proposals().FirstOrDefaultAsync(p => p.Id == id && p.UserId == userId, ct);
        if (row is null) return UpdateOutcome.NotFound;
        var now = time.GetUtcNow();
        if (input.Status is { } status && status != row.Status)
        {
            var allowed = ProposalStatuses.Next(row.Status);
            if (!allowed.Contains(status)) return UpdateOutcome.Refused(row.Status, allowed);
            if (row.Status == ProposalStatuses.Draft && status != ProposalStatuses.Archived && await reviews.BlockingAsync(userId, id, ct) is { } unreviewed)
                return new UpdateOutcome(null, false, unreviewed);
            ProposalMoves.Transition(db, row, status, "user", now);
        }
        Apply(row, input, now);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(userId, id, ct);
        return UpdateOutcome.Done((await GetAsync(userId, id, ct))!);
    }

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var deleted = await db.Proposals().Where(p => p.Id == id && p.UserId == userId).ExecuteDeleteAsync(ct) > 0;
        if (!deleted) return false;
        await db.ProposalHistory().Where(h => h.ProposalId == id).ExecuteDeleteAsync(ct);
        await ChangedAsync(userId, id, ct);
        return true;
    }

    private async Task ChangedAsync(Guid userId, Guid proposalId, CancellationToken ct)
    {
        // Event handlers first (they update the rollups and drop cached views), then the pages that will re-read.
        await events.PublishAsync(new ProposalsChanged(userId, time.GetUtcNow(), [proposalId]), ct);
        await live.PublishAsync(ProposalMoves.Topic(userId), new { userId }, ct);
    }

    private static void Apply(Proposal row, ProposalInput input, DateTimeOffset now)
    {
        if (input.CoverLetter is not null) row.CoverLetter = input.CoverLetter;
        if (input.BidAmount is not null) row.BidAmount = input.BidAmount;
        if (input.EstimatedHours is not null) row.EstimatedHours = input.EstimatedHours;
        if (input.ConnectsSpent is not null) row.ConnectsSpent = input.ConnectsSpent;
        if (input.AiGenerated is not null) row.AiGenerated = input.AiGenerated.Value;
        if (input.ProfileId is not null) row.ProfileId = input.ProfileId;
        if (input.TemplateName is not null) row.TemplateName = input.TemplateName.Trim();
        var followUp = input.ClearFollowUp == true ? null : input.FollowUpAt?.ToUniversalTime() ?? row.FollowUpAt;
        if (followUp != row.FollowUpAt)
        {
            row.FollowUpAt = followUp;
            row.FollowUpAlertedAt = null;   // a new date alerts again
        }
        row.UpdatedAt = now;
    }
}

/// <summary>Body of <c>POST/PUT /api/v1/upwork/proposals</c>; on PUT, absent fields stay as they are.</summary>
internal sealed record ProposalInput(
    Guid JobPostingId, string? CoverLetter, decimal? BidAmount, int? EstimatedHours, int? ConnectsSpent, string? Status,
    bool? AiGenerated, Guid? ProfileId, string? TemplateName, DateTimeOffset? FollowUpAt, bool? ClearFollowUp = null);

/// <summary>Query string of <c>GET /api/v1/upwork/proposals</c>: most recently changed first, a page at a time.</summary>
internal sealed record ProposalListQuery(string? Status, int? Limit, int? Offset)
{
    public const int MaxLimit = 500;
}

internal sealed class ProposalListQueryValidator : AbstractValidator<ProposalListQuery>
{
    public ProposalListQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ProposalListQuery.MaxLimit).WithMessage($"limit must be between 1 and {ProposalListQuery.MaxLimit}");
        RuleFor(q => q.Offset).InclusiveBetween(0, 1_000_000).WithMessage("offset must be between 0 and 1,000,000");
    }
}

internal sealed class ProposalInputValidator : AbstractValidator<ProposalInput>
{
    public ProposalInputValidator()
    {
        RuleFor(p => p.CoverLetter).MaximumLength(20_000).WithMessage("coverLetter must be at most 20,000 characters");
        RuleFor(p => p.BidAmount).InclusiveBetween(0, 99_999_999).WithMessage("bidAmount must be between 0 and 99,999,999");
        RuleFor(p => p.EstimatedHours).InclusiveBetween(0, 100_000).WithMessage("estimatedHours must be between 0 and 100,000");
        RuleFor(p => p.ConnectsSpent).InclusiveBetween(0, 1_000).WithMessage("connectsSpent must be between 0 and 1,000");
        RuleFor(p => p.Status).Must(s => s is null || ProposalStatuses.Settable.Contains(s))
            .WithMessage($"status must be one of {string.Join(", ", ProposalStatuses.Settable)} (submitting and unconfirmed are set only by Submit via Upwork)");
        RuleFor(p => p.TemplateName).MaximumLength(100).WithMessage("templateName must be at most 100 characters");
    }
}

internal sealed record TransitionDto(string? From, string To, DateTimeOffset At, string Source);

internal sealed record ProposalDto(
    Guid Id, Guid JobPostingId, string JobTitle, string? CoverLetter, decimal? BidAmount, int? EstimatedHours, int? ConnectsSpent, string Status,
    bool AiGenerated, Guid? ProfileId, string? TemplateName, DateTimeOffset? FollowUpAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt, IReadOnlyList<string> NextStatuses, IReadOnlyList<TransitionDto> History,
    bool JobDetailsExpired = false, string? UpworkJobId = null, string? JobUrl = null)
{
    /// <summary>What the UI says of a job whose details were removed under Upwork's 24-hour rule (docs/data-retention.md).</summary>
    public const string ExpiredNote = "Details expired under Upwork's terms — open on Upwork";

    public static ProposalDto From(Proposal p, IReadOnlyList<TransitionDto> history) => new(
        p.Id, p.JobPostingId, p.JobTitle, p.CoverLetter, p.BidAmount, p.EstimatedHours, p.ConnectsSpent, p.Status, p.AiGenerated, p.ProfileId,
        p.TemplateName, p.FollowUpAt, p.CreatedAt, p.UpdatedAt, p.SubmittedAt, ProposalStatuses.Next(p.Status), history,
        p.JobExpiredAt is not null, p.UpworkJobId, p.JobUrl);
}

/// <summary>What an update did.</summary>
internal sealed record UpdateOutcome(ProposalDto? Proposal, bool Missing, string? Error)
{
    public static readonly UpdateOutcome NotFound = new(null, true, null);

    public static UpdateOutcome Done(ProposalDto p) => new(p, false, null);

    public static UpdateOutcome Refused(string from, IReadOnlyList<string> allowed) => new(null, false,
        allowed.Count == 0 ? $"a proposal that is {from} cannot change status" : $"a proposal that is {from} can move to {string.Join(", ", allowed)}");
}

/// <summary>What creating a proposal came to: the proposal, or why not (no such job, or a teammate's claim).</summary>
internal sealed record CreateOutcome(ProposalDto? Proposal, bool JobNotFound, string? Blocked)
{
    public void Deconstruct(out ProposalDto? proposal, out bool jobNotFound) => (proposal, jobNotFound) = (Proposal, JobNotFound);
}
