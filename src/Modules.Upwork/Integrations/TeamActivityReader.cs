using Contracts.Upwork;
using Modules.Upwork.Data;

namespace Modules.Upwork.Integrations;

/// <summary>
/// The module's side of <see cref="ITeamActivity"/>: every member's claims, proposals and review decisions in a period,
/// read from the claims table, the proposals and their history (each review step is a history row, so a letter returned
/// and sent again counts one turnaround per decision).
/// </summary>
internal sealed class TeamActivityReader(IDbContextFactory<AppDbContext> contexts) : ITeamActivity
{
    private static readonly string[] Replied = [ProposalStatuses.Interviewing, ProposalStatuses.Offered, ProposalStatuses.Hired];
    private static readonly string[] Decisions = ["review_approved", "review_edited", "review_returned"];

    public async Task<TeamActivity> ForPeriodAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claims = await db.JobClaims().AsNoTracking().Where(c => c.ClaimedAt >= from && c.ClaimedAt < to).Select(c => c.UserId).ToListAsync(ct);
        var proposals = await db.Proposals().AsNoTracking()
            .Where(p => (p.CreatedAt >= from && p.CreatedAt < to) || (p.SubmittedAt >= from && p.SubmittedAt < to))
            .Select(p => new { p.Id, p.UserId, p.CreatedAt, p.SubmittedAt, p.ConnectsSpent }).ToListAsync(ct);
        var sentIds = proposals.Where(p => p.SubmittedAt >= from && p.SubmittedAt < to).Select(p => p.Id).ToList();
        var outcomes = await db.ProposalHistory().AsNoTracking().Where(h => sentIds.Contains(h.ProposalId) && Replied.Contains(h.ToStatus))
            .Select(h => new { h.ProposalId, h.ToStatus }).ToListAsync(ct);
        var replied = outcomes.Select(o => o.ProposalId).ToHashSet();
        var hired = outcomes.Where(o => o.ToStatus == ProposalStatuses.Hired).Select(o => o.ProposalId).ToHashSet();

        // Review turnarounds: each decision made in the period, paired with the send for review before it.
        var steps = await (from h in db.ProposalHistory().AsNoTracking()
                           join p in db.Proposals().AsNoTracking() on h.ProposalId equals p.Id
                           where (h.Source == "review_sent" || Decisions.Contains(h.Source)) && h.At < to
                           select new { h.ProposalId, p.UserId, h.Source, h.At, h.Id }).ToListAsync(ct);
        var turnarounds = new List<(Guid UserId, double Minutes)>();
        foreach (var proposal in steps.GroupBy(s => s.ProposalId))
        {
            DateTimeOffset? sentAt = null;
            foreach (var step in proposal.OrderBy(s => s.At).ThenBy(s => s.Id))
            {
                if (step.Source == "review_sent") sentAt = step.At;
                else if (sentAt is { } start)
                {
                    if (step.At >= from) turnarounds.Add((step.UserId, (step.At - start).TotalMinutes));
                    sentAt = null;
                }
            }
        }
        var waiting = await db.ProposalReviews().CountAsync(r => r.State == ReviewStates.Waiting, ct);

        var users = claims.Concat(proposals.Select(p => p.UserId)).Concat(turnarounds.Select(t => t.UserId)).Distinct();
        var bidders = users.Select(u =>
        {
            var sent = proposals.Where(p => p.UserId == u && sentIds.Contains(p.Id)).ToList();
            var times = turnarounds.Where(t => t.UserId == u).Select(t => t.Minutes).ToList();
            return new BidderActivity(u,
                claims.Count(c => c == u),
                proposals.Count(p => p.UserId == u && p.CreatedAt >= from && p.CreatedAt < to),
                sent.Count, sent.Count(p => replied.Contains(p.Id)), sent.Count(p => hired.Contains(p.Id)), sent.Sum(p => p.ConnectsSpent ?? 0),
                times.Count, Median(times));
        }).ToList();
        var all = turnarounds.Select(t => t.Minutes).ToList();
        return new TeamActivity(bidders, new ReviewQueueNumbers(waiting, all.Count, Median(all)));
    }

    public async Task<IReadOnlyList<TemplateOutcome>> TemplateOutcomesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sent = await db.Proposals().AsNoTracking().Where(p => p.TemplateName != null && p.SubmittedAt != null)
            .Select(p => new { p.Id, Template = p.TemplateName! }).ToListAsync(ct);
        var ids = sent.Select(p => p.Id).ToList();
        var hired = (await db.ProposalHistory().AsNoTracking().Where(h => h.ToStatus == ProposalStatuses.Hired && ids.Contains(h.ProposalId))
            .Select(h => h.ProposalId).ToListAsync(ct)).ToHashSet();
        return sent.GroupBy(p => p.Template, StringComparer.Ordinal)
            .Select(g => new TemplateOutcome(g.Key, g.Count(), g.Count(p => hired.Contains(p.Id)))).ToList();
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count), or null for none.</summary>
    internal static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
