namespace TestSupport.Api;

/// <summary>A new invitation: its single-use token and the link to send.</summary>
public sealed record NewInvitation(Guid Id, string Token, string Link);
