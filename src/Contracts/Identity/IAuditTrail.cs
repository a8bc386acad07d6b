namespace Contracts.Identity;

/// <summary>The user's security and accountability trail (shown in Settings): other modules record consequential actions here.</summary>
public interface IAuditTrail
{
    /// <summary>Records <paramref name="kind"/> (snake_case, e.g. <c>proposal_submitted</c>) for the user, with a short detail.</summary>
    Task RecordAsync(Guid userId, string kind, string? detail, CancellationToken ct);
}
