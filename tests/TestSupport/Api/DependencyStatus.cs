namespace TestSupport.Api;

/// <summary>One dependency (the database, Redis) and whether it answered.</summary>
public sealed record DependencyStatus(string Name, bool Healthy);
