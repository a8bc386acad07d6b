using Modules.Upwork.Data;
using Modules.Upwork.Integrations.UpworkApi;

namespace Modules.Upwork.Proposals;

/// <summary>
/// A proposal's status changes, whoever moves it (the user, "Submit via Upwork", the status sync from Upwork, a webhook),
/// and the topic its owner's open board listens on.
/// </summary>
internal static class ProposalMoves
{
    public const string TopicPrefix = "upwork.proposals:";

    public static string Topic(Guid userId) => $"{TopicPrefix}{userId:N}";

    /// <summary>The Upwork statuses asked for, one call each (upwork-doctor checks each against the live enum).</summary>
    public static readonly (string Upwork, string Ours)[] UpworkStatuses =
    [
        ("Pending", ProposalStatuses.Submitted), ("Accepted", ProposalStatuses.Submitted), ("Activated", ProposalStatuses.Interviewing),
        ("Offered", ProposalStatuses.Offered), ("Hired", ProposalStatuses.Hired), ("Declined", ProposalStatuses.Declined),
        ("Withdrawn", ProposalStatuses.Withdrawn), ("Archived", ProposalStatuses.Archived),
    ];

    /// <summary>Records a status change (also used by the sync from Upwork, with source <c>upwork</c>).</summary>
    public static void Transition(AppDbContext db, Proposal row, string status, string source, DateTimeOffset now)
    {
        db.ProposalHistory().Add(new ProposalTransition { Id = Guid.CreateVersion7(), ProposalId = row.Id, FromStatus = row.Status, ToStatus = status, At = now, Source = source });
        UpworkMetrics.ProposalStatus(status);
        if (status == ProposalStatuses.Draft) row.SubmittedAt = null;   // an unconfirmed submission the user found missing on Upwork
        else if (row.Status is ProposalStatuses.Draft or ProposalStatuses.Submitting or ProposalStatuses.Unconfirmed && status != ProposalStatuses.Archived)
            row.SubmittedAt ??= now;
        row.Status = status;
        row.UpdatedAt = now;
    }
}
