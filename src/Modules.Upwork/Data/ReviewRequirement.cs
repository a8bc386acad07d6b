namespace Modules.Upwork.Data;

/// <summary>
/// An admin's rule that a bidder's letters go through the review queue before they are sent (table
/// <c>upwork.review_requirements</c>). <see cref="BidderId"/> is <see cref="Guid.Empty"/> for "every bidder".
/// </summary>
internal sealed class ReviewRequirement
{
    /// <summary>The bidder the rule is for, or <see cref="Guid.Empty"/> for every bidder.</summary>
    public Guid BidderId { get; set; }

    /// <summary>The admin who set it, and when.</summary>
    public Guid SetBy { get; set; }
    public DateTimeOffset SetAt { get; set; }
}
