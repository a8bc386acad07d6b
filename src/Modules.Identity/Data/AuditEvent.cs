namespace Modules.Identity.Data;

/// <summary>A security event (sign-in, failed sign-in, lockout, session revoked, token reuse...).</summary>
internal sealed class AuditEvent
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public required string Kind { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
