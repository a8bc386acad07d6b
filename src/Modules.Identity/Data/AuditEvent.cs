namespace Modules.Identity.Data;

/// <summary>
/// A security event (sign-in, failed sign-in, lockout, session revoked, token reuse...). Repeats of a noisy event
/// (same kind, detail and user within <see cref="Auth.AuditLog.CollapseWindow"/>) are counted on one row.
/// </summary>
internal sealed class AuditEvent
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public required string Kind { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How many times the event happened (1, or more when repeats were collapsed onto this row).</summary>
    public int Count { get; set; } = 1;

    /// <summary>When it last happened (= <see cref="CreatedAt"/> until a repeat is collapsed onto the row).</summary>
    public DateTimeOffset LastAt { get; set; }
}
