using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Upwork.Data;

/// <summary>
/// One request to Upwork made for a user, or one refused by the pause switch (table <c>upwork.call_log</c>): the
/// operation, when, why (which saved search, which button) and how it ended. Kept 30 days, then purged
/// (docs/compliance.md). Holds no Upwork content.
/// </summary>
internal sealed class UpworkCallLogEntry
{
    public Guid Id { get; set; }

    /// <summary>Null for calls made for nobody in particular (none today; kept for the workspace view).</summary>
    public Guid? UserId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Operation { get; set; }
    public required string Category { get; set; }
    public required string Reason { get; set; }

    /// <summary>The HTTP status; 0 when no answer came (timeout, network), null when the call was not sent.</summary>
    public int? Status { get; set; }

    /// <summary><c>ok</c>, <c>error</c>, <c>rate-limited</c> (Upwork's 429), <c>paused</c> (our switch) or <c>budget</c> (our pacing).</summary>
    public required string Outcome { get; set; }
}

internal sealed class UpworkCallLogEntryConfiguration : IEntityTypeConfiguration<UpworkCallLogEntry>
{
    public void Configure(EntityTypeBuilder<UpworkCallLogEntry> b)
    {
        b.ToTable("call_log", UpworkSchema.Name);
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.UserId, e.At });
        b.HasIndex(e => e.At);
        b.Property(e => e.Operation).HasMaxLength(100);
        b.Property(e => e.Category).HasMaxLength(20);
        b.Property(e => e.Reason).HasMaxLength(200);
        b.Property(e => e.Outcome).HasMaxLength(20);
    }
}
