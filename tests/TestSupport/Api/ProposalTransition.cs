namespace TestSupport.Api;

/// <summary>One move of a proposal: from, to, and who moved it (user, sync, submit, review).</summary>
public sealed record ProposalTransition(string? From, string To, string Source);
