namespace TestSupport.Api;

/// <summary>An invitation as the admin lists it: pending, used or expired.</summary>
public sealed record InvitationRow(Guid Id, string? UsedByEmail, string Status);
