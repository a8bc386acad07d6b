namespace TestSupport.Api;

/// <summary>One line of the admin's audit log.</summary>
public sealed record AuditEntry(Guid Id, string? Email, string Kind, string? Detail);
