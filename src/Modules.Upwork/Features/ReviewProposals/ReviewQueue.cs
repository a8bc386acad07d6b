using System.Text.Json;
using Contracts.Identity;
using Contracts.Upwork.Events;
using FluentValidation;
using Modules.Upwork.Alerts;
using Modules.Upwork.Data;
using Modules.Upwork.Reviews;
using Shared.Events;
using Shared.Live;

namespace Modules.Upwork.Features.ReviewProposals;

/// <summary>
/// The team's approval queue (docs/features.md, "Approval queue"): a bidder sends a draft's letter (and screening
/// answers) for review; a reviewer approves it, edits and approves it, or returns it with a comment; the bidder hears
/// of each decision live and through their alert channels. Every step is a row of the proposal's history and of the
/// audit log. A decision is one conditional update on a waiting review, so two reviewers never both decide.
/// </summary>
internal sealed class ReviewQueue(
    IDbContextFactory<AppDbContext> contexts, IMemberDirectory members, IFreelancerProfiles profiles, IAuditTrail audit, ReviewGate gate,
    LiveUpdates live, HubNotifier hub, IEventBus events, TimeProvider time)
{
    /// <summary>What open review pages listen on: any review of the team changed.</summary>
    public const string Topic = "upwork.review-queue";

    /// <summary>The hub event external clients get when a review changes.</summary>
    public const string HubEvent = "proposal_review";

    public const int MaxCommentLength = 2_000;

    /// <summary>Puts the user's draft in the queue (again, after a return). NotFound for someone else's proposal.</summary>
    public async Task<ReviewOutcome> SendAsync(Guid userId, Guid proposalId, SendForReview input, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var proposal = await db.Proposals().FirstOrDefaultAsync(p => p.Id == proposalId && p.UserId == userId, ct);
        if (proposal is null) return ReviewOutcome.NotFound;
        if (proposal.Status != ProposalStatuses.Draft) return ReviewOutcome.Conflict($"This proposal is already {proposal.Status}; only a draft goes for review.");
        if (input.CoverLetter is { } letter && !string.IsNullOrWhiteSpace(letter)) proposal.CoverLetter = letter;
        if (string.IsNullOrWhiteSpace(proposal.CoverLetter)) return ReviewOutcome.Invalid("coverLetter", "write the cover letter before sending it for review");
        var review = await db.ProposalReviews().FirstOrDefaultAsync(r => r.ProposalId == proposalId, ct);
        if (review is { State: ReviewStates.Waiting }) return ReviewOutcome.Conflict("This letter is already waiting for review.");
        if (review is null)
        {
            review = new ProposalReview { Id = Guid.CreateVersion7(), ProposalId = proposalId, BidderId = userId, JobPostingId = proposal.JobPostingId, Letter = proposal.CoverLetter };
            db.ProposalReviews().Add(review);
        }
        review.State = ReviewStates.Waiting;
        review.Letter = proposal.CoverLetter;
        review.ScreeningAnswers = input.ScreeningAnswers is { Count: > 0 } answers ? JsonSerializer.Serialize(answers, JsonSerializerOptions.Web) : null;
        review.QualityScore = input.QualityScore;
        review.QualityNotes = input.QualityNotes is { Count: > 0 } notes ? string.Join('\n', notes) : null;
        review.SentAt = now;
        (review.ReviewerId, review.DecidedAt, review.Comment, review.ApprovedLetter) = (null, null, null, null);
        proposal.UpdatedAt = now;
        Step(db, proposal, "review_sent", now);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(userId, "review_requested", $"proposal {proposalId}", ct);
        await ChangedAsync(userId, proposalId, ct);
        return ReviewOutcome.Done(review.Id);
    }

    /// <summary>The team's queue for a reviewer: waiting letters oldest first, then the latest decisions.</summary>
    public async Task<IReadOnlyList<ReviewRow>> ListAsync(string? state, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.ProposalReviews().AsNoTracking();
        if (!string.IsNullOrEmpty(state)) query = query.Where(r => r.State == state);
        return await RowsAsync(db, query, ct);
    }

    /// <summary>The user's own letters in review, for the bidder's view.</summary>
    public async Task<IReadOnlyList<ReviewRow>> MineAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RowsAsync(db, db.ProposalReviews().AsNoTracking().Where(r => r.BidderId == userId), ct);
    }

    /// <summary>Everything a reviewer decides on: the job, the letter, its quality report, the screening answers, the bidder's profile, the history.</summary>
    public async Task<ReviewDetail?> GetAsync(Guid reviewId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.ProposalReviews().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return null;
        var row = (await RowsAsync(db, db.ProposalReviews().AsNoTracking().Where(r => r.Id == reviewId), ct)).Single();
        var proposal = await db.Proposals().AsNoTracking().FirstAsync(p => p.Id == review.ProposalId, ct);
        // The reviewer reads the bidder's job whoever's connection fetched it: reviewing the bidder's proposal is their role.
        var job = await db.JobPostings().AsNoTracking().Where(j => j.Id == review.JobPostingId)
            .Select(j => new ReviewedPosting(j.Title, j.Description, j.Url, j.JobType, j.BudgetMin, j.BudgetMax, j.UpworkJobId)).FirstOrDefaultAsync(ct);
        var profile = proposal.ProfileId is { } pid ? await profiles.GetAsync(review.BidderId, pid, ct) : null;
        profile ??= (await profiles.ListAsync(review.BidderId, ct)).OrderByDescending(p => p.IsDefault).FirstOrDefault();
        var history = await db.ProposalHistory().AsNoTracking().Where(h => h.ProposalId == review.ProposalId).OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new TransitionRow(h.FromStatus, h.ToStatus, h.At, h.Source)).ToListAsync(ct);
        var answers = review.ScreeningAnswers is { } json ? JsonSerializer.Deserialize<List<ReviewAnswer>>(json, JsonSerializerOptions.Web) ?? [] : [];
        var notes = review.QualityNotes?.Split('\n') ?? [];
        return new ReviewDetail(row, job, proposal.CoverLetter ?? review.Letter, review.QualityScore, notes, answers,
            profile is null ? null : new ReviewProfile(profile.Title, profile.Overview, profile.Skills, profile.HourlyRate, profile.YearsOfExperience),
            proposal.BidAmount, proposal.ConnectsSpent, history);
    }

    /// <summary>Approves a waiting letter, with the reviewer's edit when given; the bidder is told at once.</summary>
    public async Task<ReviewOutcome> ApproveAsync(Guid reviewerId, Guid reviewId, ReviewDecision decision, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.ProposalReviews().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return ReviewOutcome.NotFound;
        if (review.BidderId == reviewerId) return ReviewOutcome.Conflict("A letter is approved by someone other than its writer.");
        var proposal = await db.Proposals().FirstAsync(p => p.Id == review.ProposalId, ct);
        if (proposal.Status != ProposalStatuses.Draft) return ReviewOutcome.Conflict($"The proposal is already {proposal.Status}.");
        var edited = decision.CoverLetter is { } e && !string.IsNullOrWhiteSpace(e) && e != proposal.CoverLetter;
        var letter = edited ? decision.CoverLetter! : proposal.CoverLetter ?? review.Letter;
        // The decision: only the reviewer whose update finds the review still waiting decides.
        var won = await db.ProposalReviews().Where(r => r.Id == reviewId && r.State == ReviewStates.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReviewStates.Approved).SetProperty(r => r.ReviewerId, reviewerId)
                .SetProperty(r => r.DecidedAt, now).SetProperty(r => r.ApprovedLetter, letter).SetProperty(r => r.Comment, Trim(decision.Comment)), ct);
        if (won == 0) return ReviewOutcome.Conflict("This letter is no longer waiting for review: another reviewer decided first, or the bidder took it back.");
        proposal.CoverLetter = letter;
        proposal.UpdatedAt = now;
        Step(db, proposal, edited ? "review_edited" : "review_approved", now);
        await db.SaveChangesAsync(ct);
        var bidder = await NameAsync(review.BidderId, ct);
        await audit.RecordAsync(reviewerId, edited ? "review_edited_approved" : "review_approved", $"proposal {proposal.Id} by {bidder}", ct);
        var reviewer = await NameAsync(reviewerId, ct);
        await NotifyAsync(db, review.BidderId, proposal, "review_approved",
            $"{reviewer} approved{(edited ? " with edits" : "")} your letter{(Trim(decision.Comment) is { } c ? $": {c}" : "")}", now, ct);
        await ChangedAsync(review.BidderId, proposal.Id, ct);
        return ReviewOutcome.Done(reviewId);
    }

    /// <summary>Returns a waiting letter to its bidder with the reviewer's comment.</summary>
    public async Task<ReviewOutcome> ReturnAsync(Guid reviewerId, Guid reviewId, ReviewDecision decision, CancellationToken ct)
    {
        if (Trim(decision.Comment) is not { } comment) return ReviewOutcome.Invalid("comment", "say what to change: the comment goes to the bidder");
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.ProposalReviews().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return ReviewOutcome.NotFound;
        var won = await db.ProposalReviews().Where(r => r.Id == reviewId && r.State == ReviewStates.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReviewStates.Returned).SetProperty(r => r.ReviewerId, reviewerId)
                .SetProperty(r => r.DecidedAt, now).SetProperty(r => r.Comment, comment), ct);
        if (won == 0) return ReviewOutcome.Conflict("This letter is no longer waiting for review: another reviewer decided first.");
        var proposal = await db.Proposals().FirstAsync(p => p.Id == review.ProposalId, ct);
        proposal.UpdatedAt = now;
        Step(db, proposal, "review_returned", now);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(reviewerId, "review_returned", $"proposal {proposal.Id} by {await NameAsync(review.BidderId, ct)}: {comment}", ct);
        await NotifyAsync(db, review.BidderId, proposal, "review_returned", $"{await NameAsync(reviewerId, ct)} returned your letter: {comment}", now, ct);
        await ChangedAsync(review.BidderId, proposal.Id, ct);
        return ReviewOutcome.Done(reviewId);
    }

    /// <summary>The reviewer sent the approved letter (through Upwork, or copied it): recorded in the audit log under their name.</summary>
    public async Task RecordSentAsync(Guid reviewerId, Guid reviewId, string how, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.ProposalReviews().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return;
        await audit.RecordAsync(reviewerId, "review_letter_sent", $"proposal {review.ProposalId} by {await NameAsync(review.BidderId, ct)}: {how}", ct);
    }

    /// <summary>The proposal a reviewer may submit for its bidder (an approved review's), with its owner; null otherwise.</summary>
    public async Task<(Guid ProposalId, Guid OwnerId)?> ApprovedAsync(Guid reviewId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.ProposalReviews().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId && r.State == ReviewStates.Approved, ct);
        return review is null ? null : (review.ProposalId, review.BidderId);
    }

    /// <summary>Admins: whether every bidder needs review, and which bidders do one by one.</summary>
    public async Task<ReviewSettings> SettingsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.ReviewRequirements().AsNoTracking().Select(r => r.BidderId).ToListAsync(ct);
        return new ReviewSettings(rows.Contains(Guid.Empty), [.. rows.Where(id => id != Guid.Empty).Order()]);
    }

    /// <summary>Admins: turns the rule on or off for every bidder (<paramref name="bidderId"/> null) or one bidder. Audited.</summary>
    public async Task<bool> SetRequiredAsync(Guid adminId, Guid? bidderId, bool required, CancellationToken ct)
    {
        if (bidderId is { } id && await members.RoleAsync(id, ct) is null) return false;
        var key = bidderId ?? Guid.Empty;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var exists = await db.ReviewRequirements().AnyAsync(r => r.BidderId == key, ct);
        if (required && !exists)
        {
            db.ReviewRequirements().Add(new ReviewRequirement { BidderId = key, SetBy = adminId, SetAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Set at the same moment by another admin or instance: the rule is on either way.
            }
        }
        else if (!required && exists) await db.ReviewRequirements().Where(r => r.BidderId == key).ExecuteDeleteAsync(ct);
        var whom = bidderId is { } b ? await NameAsync(b, ct) : "every bidder";
        await audit.RecordAsync(adminId, required ? "review_required" : "review_not_required", whom, ct);
        await live.PublishAsync(Topic, new { settings = true }, ct);
        return true;
    }

    /// <summary>Whether the user's own letters must go through review (the letter page says so).</summary>
    public Task<bool> RequiredAsync(Guid userId, CancellationToken ct) => gate.RequiredAsync(userId, ct);

    private async Task<IReadOnlyList<ReviewRow>> RowsAsync(AppDbContext db, IQueryable<ProposalReview> reviews, CancellationToken ct)
    {
        var rows = await (from r in reviews
                          join p in db.Proposals().AsNoTracking() on r.ProposalId equals p.Id
                          select new { r, p.JobTitle, p.Status }).Take(500).ToListAsync(ct);
        var names = await members.NamesAsync([.. rows.Select(x => x.r.BidderId).Concat(rows.Select(x => x.r.ReviewerId).OfType<Guid>()).Distinct()], ct);
        // Waiting first, oldest first (who has waited longest); then the latest decisions. Ordered here: SQLite cannot order by DateTimeOffset.
        var ordered = rows.Where(x => x.r.State == ReviewStates.Waiting).OrderBy(x => x.r.SentAt)
            .Concat(rows.Where(x => x.r.State != ReviewStates.Waiting).OrderByDescending(x => x.r.DecidedAt ?? x.r.SentAt));
        return ordered
            .Select(x => new ReviewRow(x.r.Id, x.r.ProposalId, x.r.JobPostingId, x.JobTitle, x.r.BidderId, names.GetValueOrDefault(x.r.BidderId, "a teammate"),
                x.r.State, x.Status, x.r.QualityScore, x.r.SentAt, x.r.ReviewerId, x.r.ReviewerId is { } rid ? names.GetValueOrDefault(rid, "a reviewer") : null,
                x.r.DecidedAt, x.r.Comment))
            .ToList();
    }

    private static void Step(AppDbContext db, Proposal proposal, string source, DateTimeOffset now) =>
        db.ProposalHistory().Add(new ProposalTransition
        {
            Id = Guid.CreateVersion7(), ProposalId = proposal.Id, FromStatus = proposal.Status, ToStatus = proposal.Status, At = now, Source = source,
        });

    /// <summary>The bidder's alert: in their queue (the bell, live) and on each enabled channel through the outbox.</summary>
    private async Task NotifyAsync(AppDbContext db, Guid bidderId, Proposal proposal, string kind, string detail, DateTimeOffset now, CancellationToken ct)
    {
        var alert = new Notification
        {
            Id = Guid.CreateVersion7(), UserId = bidderId, Kind = kind, JobPostingId = proposal.JobPostingId, Title = $"Review: {proposal.JobTitle}",
            Detail = detail.Length > 500 ? detail[..500] : detail, CreatedAt = now,
        };
        db.Notifications().Add(alert);
        var channels = await db.AlertChannels().AsNoTracking().Where(c => c.Enabled && c.UserId == bidderId).Select(c => c.Id).ToListAsync(ct);
        foreach (var channel in channels)
            db.AlertDeliveries().Add(new AlertDelivery { Id = Guid.CreateVersion7(), ChannelId = channel, NotificationId = alert.Id, NextAttemptAt = now });
        await db.SaveChangesAsync(ct);
        var message = new AlertMessage(alert.Id, alert.Kind, proposal.JobPostingId, alert.Title, alert.Detail, null, null, null, false, now);
        await live.PublishAsync(AlertTopics.ForUser(bidderId), message, ct);
        await hub.SendToUserAsync(bidderId, kind, message, ct);
    }

    private async Task ChangedAsync(Guid bidderId, Guid proposalId, CancellationToken ct)
    {
        await events.PublishAsync(new ProposalsChanged(bidderId, time.GetUtcNow(), [proposalId]), ct);
        await live.PublishAsync(Contracts.Upwork.UpworkTopics.Proposals(bidderId), new { userId = bidderId }, ct);
        await live.PublishAsync(Topic, new { proposalId }, ct);
        await hub.BroadcastAsync(HubEvent, new { proposalId }, ct);
    }

    private async Task<string> NameAsync(Guid userId, CancellationToken ct) =>
        (await members.NamesAsync([userId], ct)).GetValueOrDefault(userId, "a teammate");

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Body of <c>POST upwork/proposals/{id}/review</c>: the letter (else the draft's), screening answers and the quality report, all optional.</summary>
internal sealed record SendForReview(string? CoverLetter = null, IReadOnlyList<ReviewAnswer>? ScreeningAnswers = null, decimal? QualityScore = null, IReadOnlyList<string>? QualityNotes = null);

/// <summary>An answer to one of the job's screening questions.</summary>
internal sealed record ReviewAnswer(string Question, string Answer);

/// <summary>Body of approve and return: an edited letter (approve only) and a comment (required to return).</summary>
internal sealed record ReviewDecision(string? CoverLetter = null, string? Comment = null);

/// <summary>Body of <c>PUT upwork/review-settings</c>: the rule for every bidder (no bidderId) or one.</summary>
internal sealed record ReviewRequirementInput(Guid? BidderId, bool Required);

internal sealed record ReviewSettings(bool AllBidders, IReadOnlyList<Guid> Bidders);

internal sealed record ReviewRow(
    Guid Id, Guid ProposalId, Guid JobPostingId, string JobTitle, Guid BidderId, string Bidder, string State, string ProposalStatus, decimal? QualityScore,
    DateTimeOffset SentAt, Guid? ReviewerId, string? Reviewer, DateTimeOffset? DecidedAt, string? Comment);

internal sealed record ReviewedPosting(string Title, string? Description, string? Url, string? JobType, decimal? BudgetMin, decimal? BudgetMax, string? UpworkJobId);

internal sealed record ReviewProfile(string Title, string? Overview, IReadOnlyList<string> Skills, decimal? HourlyRate, int? YearsOfExperience);

internal sealed record TransitionRow(string? From, string To, DateTimeOffset At, string Source);

internal sealed record ReviewDetail(
    ReviewRow Review, ReviewedPosting? Job, string Letter, decimal? QualityScore, IReadOnlyList<string> QualityNotes, IReadOnlyList<ReviewAnswer> ScreeningAnswers,
    ReviewProfile? Profile, decimal? BidAmount, int? ConnectsSpent, IReadOnlyList<TransitionRow> History);

/// <summary>What a queue action came to, mapped to HTTP by the endpoints.</summary>
internal sealed record ReviewOutcome(int Status, Guid? ReviewId, string? Field, string Message)
{
    public static readonly ReviewOutcome NotFound = new(404, null, null, "Not found");

    public static ReviewOutcome Done(Guid id) => new(200, id, null, "Done");
    public static ReviewOutcome Invalid(string field, string message) => new(400, null, field, message);
    public static ReviewOutcome Conflict(string message) => new(409, null, null, message);
}

internal sealed class SendForReviewValidator : AbstractValidator<SendForReview>
{
    public SendForReviewValidator()
    {
        RuleFor(s => s.CoverLetter).MaximumLength(20_000).WithMessage("coverLetter must be at most 20,000 characters");
        RuleFor(s => s.ScreeningAnswers).Must(a => a is null || a.Count <= 50).WithMessage("screeningAnswers may hold at most 50 answers");
        RuleForEach(s => s.ScreeningAnswers).Must(a => a.Question is { Length: > 0 and <= 2_000 } && a.Answer is { Length: <= 5_000 })
            .WithMessage("each screening answer needs its question (at most 2,000 characters) and an answer of at most 5,000 characters");
        RuleFor(s => s.QualityScore).InclusiveBetween(0, 1).WithMessage("qualityScore must be between 0 and 1");
        RuleFor(s => s.QualityNotes).Must(n => n is null || (n.Count <= 30 && n.All(x => x.Length <= 300))).WithMessage("qualityNotes: at most 30 lines of 300 characters");
    }
}

internal sealed class ReviewDecisionValidator : AbstractValidator<ReviewDecision>
{
    public ReviewDecisionValidator()
    {
        RuleFor(d => d.CoverLetter).MaximumLength(20_000).WithMessage("coverLetter must be at most 20,000 characters");
        RuleFor(d => d.Comment).MaximumLength(ReviewQueue.MaxCommentLength).WithMessage($"comment must be at most {ReviewQueue.MaxCommentLength:N0} characters");
    }
}
