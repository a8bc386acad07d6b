using System.Globalization;
using FakeUpwork.Data;

namespace FakeUpwork.GraphQl.Render;

/// <summary>Renders proposals (§2.5) and work history (§2.6). Call under the state lock.</summary>
internal static class ProposalRender
{
    public static Node Proposal(FakeProposal proposal, RequestContext request)
    {
        var state = request.State;
        var user = state.FindUser(proposal.UserId) ?? request.User;
        var org = user.Organizations.FirstOrDefault(o => o.Id == proposal.OrganizationId) ?? user.DefaultOrganization;
        var job = state.FindJobLocked(proposal.JobId);
        var fixedPrice = job?.JobType == "FIXED";
        var ed = JobCatalog.EngagementDuration(job?.Duration);
        return new Node
        {
            ["id"] = proposal.Id,
            ["user"] = PeopleRender.GenericUser(user),
            ["organization"] = org is null ? null : PeopleRender.Organization(org),
            ["marketplaceJobPosting"] = job is null ? null : new Func<object?>(() =>
            {
                lock (state.Sync)
                {
                    return JobRender.Detail(job);
                }
            }),
            ["terms"] = new Node
            {
                ["chargeRate"] = Fmt.Money(proposal.ChargeRate),
                ["estimatedDuration"] = ed is { } d ? new Node { ["id"] = d.Id, ["label"] = d.Label } : null,
                ["upfrontPaymentPercent"] = fixedPrice ? 0 : null,
            },
            ["coverLetter"] = proposal.CoverLetter,
            ["proposalCoverLetter"] = proposal.CoverLetter,
            ["projectPlan"] = null,
            ["auditDetails"] = new Node
            {
                ["createdByUser"] = PeopleRender.GenericUser(user),
                ["modifiedByUser"] = null,
                ["createdDateTime"] = Instant(proposal.CreatedDateTime),
                ["modifiedDateTime"] = Instant(proposal.ModifiedDateTime),
            },
            ["status"] = new Node
            {
                ["status"] = proposal.Status,
                ["reason"] = proposal.StatusReason is null ? null : new Node
                {
                    ["id"] = Ontology.StableId(proposal.StatusReason, "1"),
                    ["reason"] = proposal.StatusReason,
                    ["description"] = proposal.StatusReason,
                },
            },
            ["annotations"] = proposal.Annotations.Cast<object?>().ToList(),
        };
    }

    public static Node WorkHistory(FakeWorkHistoryEntry entry, FakeUser user)
    {
        static string? Amount(decimal? v) => v?.ToString("0.00", CultureInfo.InvariantCulture);
        return new Node
        {
            ["contract"] = new Node
            {
                ["id"] = entry.ContractId,
                ["startDate"] = Fmt.Date(entry.StartDate),
                ["endDate"] = entry.EndDate is { } end ? Fmt.Date(end) : null,
                ["status"] = entry.Status,
                ["clientTeamId"] = null,
                ["title"] = entry.Title,
                ["terms"] = new Node
                {
                    ["hourlyRate"] = Amount(entry.HourlyRate),
                    ["jobType"] = entry.JobType,
                    ["stipendAmount"] = null,
                    ["fixedAmount"] = Amount(entry.FixedAmount),
                },
                ["createDate"] = Fmt.Date(entry.StartDate),
                ["clientOrgId"] = null,
            },
            ["contractAggregate"] = new Node
            {
                ["totalCharge"] = Amount(entry.TotalCharge),
                ["hours"] = entry.Hours.ToString("0.00", CultureInfo.InvariantCulture),
            },
            ["feedback"] = new Node
            {
                ["feedbackToFreelancer"] = entry.FeedbackScore is null ? null : new Node
                {
                    ["comment"] = entry.FeedbackComment,
                    ["response"] = null,
                    ["score"] = entry.FeedbackScore,
                    ["isPublic"] = true,
                    ["commentPublic"] = true,
                },
                ["feedbackToClient"] = null,
            },
            ["opening"] = new Node { ["id"] = entry.OpeningId, ["title"] = entry.Title },
        };
    }

    /// <summary>Audit instants: <c>{rawValue: "&lt;epoch ms&gt;", displayValue}</c>.</summary>
    private static Node Instant(DateTimeOffset t) => new()
    {
        ["rawValue"] = Fmt.EpochMs(t),
        ["displayValue"] = Fmt.Date(t),
    };
}
