using Contracts.Identity;
using Modules.Upwork.Data;

namespace Modules.Upwork.Integrations;

/// <summary>
/// The Upwork module's part of a user's data export and erasure: proposals with their history, saved searches and
/// follows, saved and pasted jobs, alerts, alert channels (never their sealed targets or secrets), webhook sources
/// (never their secrets) and the Upwork connection (never its tokens).
/// </summary>
internal sealed class UpworkPersonalData(IDbContextFactory<AppDbContext> contexts) : IPersonalDataContributor
{
    public string Name => "upwork";

    public async Task<object> ExportAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var proposals = await db.Proposals().AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt)
            .Select(p => new
            {
                p.Id, p.JobPostingId, p.JobTitle, p.Status, p.CoverLetter, p.ScreeningAnswers, p.BidAmount, p.EstimatedHours, p.ConnectsSpent, p.AiGenerated, p.TemplateName,
                p.ProfileId, p.FollowUpAt, p.UpworkProposalId, p.CreatedAt, p.UpdatedAt, p.SubmittedAt,
            })
            .ToListAsync(ct);
        var ids = proposals.Select(p => p.Id).ToList();
        var history = await db.ProposalHistory().AsNoTracking().Where(h => ids.Contains(h.ProposalId)).OrderBy(h => h.At)
            .Select(h => new { h.ProposalId, h.FromStatus, h.ToStatus, h.At, h.Source }).ToListAsync(ct);
        return new
        {
            connection = await db.UpworkConnections().AsNoTracking().Where(c => c.UserId == userId)
                .Select(c => new { c.UpworkUserId, c.UpworkName, c.UpworkEmail, c.OrganizationName, c.Status, c.ConnectedAt, c.LastSyncAt }).FirstOrDefaultAsync(ct),
            proposals,
            proposalHistory = history,
            proposalReviews = await db.ProposalReviews().AsNoTracking().Where(r => r.BidderId == userId).OrderBy(r => r.Id)
                .Select(r => new { r.ProposalId, r.State, r.Letter, r.ScreeningAnswers, r.QualityScore, r.SentAt, r.DecidedAt, r.Comment, r.ApprovedLetter }).ToListAsync(ct),
            savedSearches = await db.SavedSearches().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync(ct),
            followedSearches = await db.SavedSearchFollows().AsNoTracking().Where(f => f.UserId == userId).Select(f => f.SavedSearchId).ToListAsync(ct),
            savedJobs = await db.SavedJobs().AsNoTracking().Where(s => s.UserId == userId).Select(s => new { s.JobPostingId, s.SavedAt }).ToListAsync(ct),
            pastedJobs = await db.JobPostings().AsNoTracking().Where(j => j.OwnerUserId == userId).Select(j => new { j.Id, j.Title, j.Description, j.Url, j.CreatedAt }).ToListAsync(ct),
            alerts = await db.Notifications().AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).ToListAsync(ct),
            alertChannels = await db.AlertChannels().AsNoTracking().Where(c => c.UserId == userId).Select(c => new { c.Id, c.Kind, c.Name, c.Enabled, c.CreatedAt }).ToListAsync(ct),
            alertPreferences = await db.AlertPreferences().AsNoTracking().Where(p => p.UserId == userId).FirstOrDefaultAsync(ct),
            webhookSources = await db.WebhookSources().AsNoTracking().Where(s => s.UserId == userId).Select(s => new { s.Id, s.Name, s.CreatedAt, s.ReceivedCount }).ToListAsync(ct),
            connectionShares = await db.ConnectionShares().AsNoTracking().Where(s => s.OwnerUserId == userId || s.MemberUserId == userId)
                .Select(s => new { s.OwnerUserId, s.MemberUserId, s.SharedAt }).ToListAsync(ct),
            jobClaims = await db.JobClaims().AsNoTracking().Where(c => c.UserId == userId).Select(c => new { c.JobPostingId, c.ClaimedAt, c.ExpiresAt }).ToListAsync(ct),
            redFlagDismissals = await db.RedFlagDismissals().AsNoTracking().Where(d => d.UserId == userId).Select(d => new { d.Id, d.ClientKey, d.Code, d.DismissedAt }).ToListAsync(ct),
            upworkCalls = await db.CallLog().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.At)
                .Select(c => new { c.Id, c.At, c.Operation, c.Category, c.Reason, c.Status, c.Outcome }).ToListAsync(ct),
            upworkPaused = await db.Pauses().AsNoTracking().Where(p => p.ScopeId == userId).Select(p => new { p.PausedAt }).FirstOrDefaultAsync(ct),
        };
    }

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var proposals = db.Proposals().Where(p => p.UserId == userId).Select(p => p.Id);
        await db.ProposalHistory().Where(h => proposals.Contains(h.ProposalId)).ExecuteDeleteAsync(ct);
        await db.ProposalReviews().Where(r => r.BidderId == userId || proposals.Contains(r.ProposalId)).ExecuteDeleteAsync(ct);
        await db.ProposalReviews().Where(r => r.ReviewerId == userId).ExecuteUpdateAsync(u => u.SetProperty(r => r.ReviewerId, (Guid?)null), ct);
        await db.ReviewRequirements().Where(r => r.BidderId == userId).ExecuteDeleteAsync(ct);
        await db.Proposals().Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        var channels = db.AlertChannels().Where(c => c.UserId == userId).Select(c => c.Id);
        await db.AlertDeliveries().Where(d => channels.Contains(d.ChannelId)).ExecuteDeleteAsync(ct);
        await db.AlertChannels().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.AlertPreferences().Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Notifications().Where(n => n.UserId == userId).ExecuteDeleteAsync(ct);
        var searches = db.SavedSearches().Where(s => s.UserId == userId).Select(s => s.Id);
        await db.SearchMatches().Where(m => m.UserId == userId || searches.Contains(m.SavedSearchId)).ExecuteDeleteAsync(ct);
        await db.SavedSearchFollows().Where(f => f.UserId == userId || searches.Contains(f.SavedSearchId)).ExecuteDeleteAsync(ct);
        await db.SavedSearches().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.SavedJobs().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        var sources = db.WebhookSources().Where(s => s.UserId == userId).Select(s => s.Id);
        await db.WebhookReceipts().Where(r => sources.Contains(r.SourceId)).ExecuteDeleteAsync(ct);
        await db.WebhookSources().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UpworkConnections().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.ConnectionShares().Where(s => s.OwnerUserId == userId || s.MemberUserId == userId).ExecuteDeleteAsync(ct);
        await db.JobAccess().Where(a => a.UserId == userId).ExecuteDeleteAsync(ct);
        await db.JobClaims().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.JobClaims().Where(c => c.TakeoverRequestedBy == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TakeoverRequestedBy, (Guid?)null).SetProperty(c => c.TakeoverRequestedAt, (DateTimeOffset?)null), ct);
        await db.RedFlagDismissals().Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
        await db.CallLog().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Pauses().Where(p => p.ScopeId == userId).ExecuteDeleteAsync(ct);
        await db.JobPostings().Where(j => j.OwnerUserId == userId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }
}
