using Contracts.Upwork;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Modules.Analytics.Rollups;

namespace Modules.Analytics.Data;

/// <summary>
/// A daily rollup (table <c>analytics.proposal_rollups</c>): one user's (and profile's) proposals sent on one day that
/// fall in one bucket of one dimension, with how many of them the client viewed, answered and hired; the
/// <c>hired_on</c> dimension counts hires and revenue on the day of the hire instead. Rows of user <see cref="Guid.Empty"/>
/// are the whole team's sums. The dashboard sums these rows.
/// </summary>
internal sealed class ProposalRollup
{
    public Guid UserId { get; set; }

    /// <summary>The profile the proposals were sent with; <see cref="Guid.Empty"/> for none.</summary>
    public Guid ProfileId { get; set; }
    public DateOnly Day { get; set; }
    public required string Dimension { get; set; }
    public required string Bucket { get; set; }
    public int Sent { get; set; }
    public int Viewed { get; set; }
    public int Replied { get; set; }
    public int Hired { get; set; }
    public int Connects { get; set; }
    public decimal Revenue { get; set; }
    public decimal QualitySum { get; set; }
    public int QualityCount { get; set; }
}
