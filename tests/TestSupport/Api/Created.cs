namespace TestSupport.Api;

/// <summary>What a create answers with, read for its id.</summary>
public sealed record Created(Guid Id);
