namespace TestSupport.Api;

/// <summary>A member as the admin's user list shows them (the fields tests read).</summary>
public sealed record WorkspaceUser(Guid Id, string Email, string Role);
