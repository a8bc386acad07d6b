namespace Modules.Upwork.Data;

/// <summary>One status change of a proposal (table <c>upwork.proposal_history</c>).</summary>
internal sealed class ProposalTransition
{
    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    public string? FromStatus { get; set; }
    public required string ToStatus { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary><c>user</c>, or <c>upwork</c> for a change read from Upwork.</summary>
    public required string Source { get; set; }
}
