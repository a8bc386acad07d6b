using Modules.Upwork.Data;

namespace Modules.Upwork.Submissions;

/// <summary>
/// Proposals sent through Upwork's API in a window: the one count the submit cap (SubmitProposal) and the Compliance
/// page's gauge (ShowCompliance) both read, so the number the user sees is the number the cap enforces
/// (docs/compliance.md). Every call that may have reached Upwork counts: sent, and unconfirmed (it may have spent Connects).
/// </summary>
internal static class ApiSubmissions
{
    /// <summary>The source the submit flow writes on its history rows.</summary>
    public const string Source = "upwork-api";

    /// <summary>Submissions since <paramref name="since"/>: the user's own, or with a null <paramref name="userId"/> the workspace's.</summary>
    public static Task<int> CountSinceAsync(AppDbContext db, Guid? userId, DateTimeOffset since, CancellationToken ct) =>
        db.ProposalHistory().CountAsync(h => h.Source == Source && h.At >= since
                                             && (h.ToStatus == ProposalStatuses.Submitted || h.ToStatus == ProposalStatuses.Unconfirmed)
                                             && (userId == null || db.Proposals().Any(p => p.Id == h.ProposalId && p.UserId == userId)), ct);
}
