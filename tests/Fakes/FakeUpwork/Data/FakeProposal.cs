namespace FakeUpwork;

/// <summary>A vendor proposal (job application) of a user.</summary>
public sealed class FakeProposal
{
    /// <summary>Proposal id (19 digits); assigned when empty.</summary>
    public string Id { get; set; } = "";

    /// <summary>Id of the job applied to (must exist in the state).</summary>
    public string JobId { get; set; } = "";

    /// <summary>Applicant user id; the state's approving user when empty.</summary>
    public string UserId { get; set; } = "";

    /// <summary>Organization applied through; the user's default organization when empty.</summary>
    public string OrganizationId { get; set; } = "";

    /// <summary>Upwork status name, mixed case: Accepted, Declined, Withdrawn, Offered, Activated, Archived, Hired, Pending, Invalid.</summary>
    public string Status { get; set; } = "Pending";

    /// <summary>Cover letter.</summary>
    public string CoverLetter { get; set; } = "";

    /// <summary>Bid: hourly rate or fixed price in USD.</summary>
    public decimal ChargeRate { get; set; }

    /// <summary>The job's screening questions the proposal answered, in order.</summary>
    public IList<string> Questions { get; set; } = [];

    /// <summary>Answers to screening questions, in order (the answer to <see cref="Questions"/>[i] is at i).</summary>
    public IList<string> Answers { get; set; } = [];

    /// <summary>Creation time; the fake clock's now when default.</summary>
    public DateTimeOffset CreatedDateTime { get; set; }

    /// <summary>Last modification; updated by <see cref="FakeUpworkState.SetProposalStatus"/>.</summary>
    public DateTimeOffset ModifiedDateTime { get; set; }

    /// <summary>Reason for a Declined or Withdrawn status, if any.</summary>
    public string? StatusReason { get; set; }

    /// <summary>Annotations: "Hidden" and/or "OnHold".</summary>
    public IList<string> Annotations { get; set; } = [];

    /// <summary>Creates a copy.</summary>
    /// <returns>The copy.</returns>
    public FakeProposal Clone() => new()
    {
        Id = Id,
        JobId = JobId,
        UserId = UserId,
        OrganizationId = OrganizationId,
        Status = Status,
        CoverLetter = CoverLetter,
        ChargeRate = ChargeRate,
        Questions = [.. Questions],
        Answers = [.. Answers],
        CreatedDateTime = CreatedDateTime,
        ModifiedDateTime = ModifiedDateTime,
        StatusReason = StatusReason,
        Annotations = [.. Annotations],
    };
}
