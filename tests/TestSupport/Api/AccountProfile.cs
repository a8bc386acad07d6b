namespace TestSupport.Api;

/// <summary>The account as <c>/api/v1/auth/profile</c> (and a sign-in's <c>user</c>) answers it.</summary>
public sealed record AccountProfile(Guid Id, string Email, string? FirstName, string? LastName, string SubscriptionPlan, int ApiUsageLimit, IReadOnlyList<string> Roles);
